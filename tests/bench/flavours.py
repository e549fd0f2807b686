"""What differs between the databases of a run: which modules, how the same data is set up in
them, and how each implementation is asked the same question.

- ``Ours``: ``credit_management`` + ``credit_management_collections``. Odoo Community's own
  credit-limit warning (``sale.order._compute_partner_credit_warning``) is measured in this
  database too: it is the host's code, unchanged by our modules.
- ``Oca``: OCA ``account_financial_risk`` + ``sale_financial_risk`` + ``account_credit_control``
  (18.0 wheels from PyPI), all components of the risk included, one credit-control policy with the
  bench's ladder.
"""

from datetime import timedelta

from odoo import Command

from .ledger import LADDER, LADDER_ACTIONS, clone, source_table

GRADES = ("A", "B", "C", "D")


class Flavour:
    name = ""
    modules = ()
    credit_groups = ()
    has_holds = False

    def partner_values(self, index, rng, users, today, passes):
        """Values of the ``index``-th customer; ``passes``: its orders must pass the check."""
        return {}

    def company_values(self):
        return {}

    def hold(self, order):
        raise NotImplementedError

    def steady_state(self, env, plan, partners, move_ids, users):
        """Record the follow-up levels the plan says were already sent."""


class Ours(Flavour):
    name = "ours"
    modules = ("credit_management", "credit_management_collections")
    credit_groups = ("credit_management.group_credit_manager", "account.group_account_invoice")
    has_holds = True

    def partner_values(self, index, rng, users, today, passes):
        collectors = users["collectors"]
        hold = rng.random() < 0.03 and not passes
        return {
            "credit_grade": "A" if passes else GRADES[index % len(GRADES)],
            "credit_review_date_next": today + timedelta(days=rng.randint(-30, 330)),
            "credit_hold": hold,
            "credit_hold_reason": "Bench manual hold" if hold else None,
            "credit_collector_id": collectors[index % len(collectors)],
        }

    def company_values(self):
        return {"credit_tolerance_percent": 10.0, "credit_max_overdue_days": 0}

    def hold(self, order):
        order._credit_set_hold(
            {order.id: [{"rule": "limit", "message": "Credit limit exceeded (bench)."}]}
        )

    def steady_state(self, env, plan, partners, move_ids, users):
        """A policy with the bench ladder as the company's default; the levels already sent
        recorded as the module records them (one communication per customer and level, one line
        per invoice and level)."""
        template = env.ref("credit_management_collections.mail_template_followup")
        policy = env["credit.followup.policy"].create(
            {
                "name": "Bench follow-up",
                "company_id": env.company.id,
                "level_ids": [
                    Command.create(
                        {
                            "name": f"Level {delay} days",
                            "sequence": i,
                            "delay_days": delay,
                            "action": action,
                            "mail_template_id": template.id if action == "email" else False,
                            "activity_type_id": (
                                env.ref("mail.mail_activity_data_call").id
                                if action == "phone"
                                else False
                            ),
                        }
                    )
                    for i, (delay, action) in enumerate(zip(LADDER, LADDER_ACTIONS, strict=True))
                ],
            }
        )
        env.company.followup_policy_id = policy
        levels = policy.level_ids.sorted("delay_days")
        ids = partners.ids
        sent = [
            (move_ids[i], ids[row[0]], level, row[2] + timedelta(days=LADDER[level]))
            for i, row in enumerate(plan["invoices"])
            for level in range(row[5] + 1)
        ]
        if not sent:
            return
        today = plan["today"]
        run = env["credit.followup.run"].create(
            {"date": today - timedelta(days=1), "company_id": env.company.id}
        )
        first = sent[0]
        communication = env["credit.followup.communication"].create(
            {
                "run_id": run.id,
                "company_id": env.company.id,
                "partner_id": first[1],
                "level_id": levels[first[2]].id,
                "date": first[3],
                "line_ids": [
                    Command.create({"move_id": first[0], "level_id": levels[first[2]].id})
                ],
            }
        )
        env.flush_all()
        cr = env.cr
        # history: done, as the module leaves it (state fields are guarded: set in SQL)
        cr.execute("UPDATE credit_followup_run SET state = 'done' WHERE id = %s", [run.id])
        cr.execute(
            "UPDATE credit_followup_communication SET state = 'done' WHERE id = %s",
            [communication.id],
        )
        dates = {}
        for _move_id, partner_id, level, date in sent[1:]:
            key = (partner_id, levels[level].id)
            dates[key] = min(date, dates.get(key, date))
        source_table(
            cr,
            "bench_comm",
            [("partner_id", "int"), ("level_id", "int"), ("date", "date")],
            [(p, lv, d) for (p, lv), d in dates.items()],
        )
        cr.execute("ALTER TABLE bench_comm ADD COLUMN comm_id int")
        cr.execute(
            "UPDATE bench_comm SET comm_id = nextval('credit_followup_communication_id_seq')"
        )
        clone(
            cr,
            "credit_followup_communication",
            f"t.id = {communication.id}",
            "bench_comm",
            {
                "id": "s.comm_id",
                "partner_id": "s.partner_id",
                "level_id": "s.level_id",
                "date": "s.date",
                "name": "NULL",
            },
        )
        source_table(
            cr,
            "bench_comm_line",
            [("move_id", "int"), ("level_id", "int"), ("partner_id", "int")],
            [(m, levels[lv].id, p) for m, p, lv, _d in sent[1:]],
        )
        cr.execute(
            "ALTER TABLE bench_comm_line ADD COLUMN comm_id int; "
            "UPDATE bench_comm_line l SET comm_id = c.comm_id FROM bench_comm c "
            "WHERE c.partner_id = l.partner_id AND c.level_id = l.level_id"
        )
        clone(
            cr,
            "credit_followup_communication_line",
            f"t.communication_id = {communication.id}",
            "bench_comm_line",
            {"communication_id": "s.comm_id", "move_id": "s.move_id", "level_id": "s.level_id"},
        )
        cr.execute(
            """
            UPDATE account_move m SET followup_level_id = last.level_id
              FROM (SELECT DISTINCT ON (l.move_id) l.move_id, l.level_id
                      FROM credit_followup_communication_line l
                      JOIN credit_followup_level lv ON lv.id = l.level_id
                  ORDER BY l.move_id, lv.delay_days DESC) last
             WHERE m.id = last.move_id
            """
        )


class Oca(Flavour):
    name = "oca"
    modules = ("sale_financial_risk", "account_credit_control")
    credit_groups = (
        "account.group_account_invoice",
        "account_financial_risk.group_account_financial_risk_manager",
        "account_credit_control.group_account_credit_control_manager",
    )

    def partner_values(self, index, rng, users, today, passes):
        return {
            "risk_invoice_draft_include": True,
            "risk_invoice_open_include": True,
            "risk_invoice_unpaid_include": True,
            "risk_sale_order_include": True,
        }

    def steady_state(self, env, plan, partners, move_ids, users):
        """A credit-control policy with the bench ladder, the company's; the levels already sent
        recorded as the module records them: one credit-control line per receivable line and
        level, state sent."""
        template = env.ref("account_credit_control.email_template_credit_control_base")
        receivable = env["account.account"].search(
            [("account_type", "=", "asset_receivable"), ("company_ids", "in", env.company.ids)],
        )
        policy = env["credit.control.policy"].create(
            {
                "name": "Bench policy",
                "company_id": env.company.id,
                "account_ids": [Command.set(receivable.ids)],
                "level_ids": [
                    Command.create(
                        {
                            "name": f"Level {delay} days",
                            "level": i + 1,
                            "computation_mode": "net_days",
                            "delay_days": delay,
                            "email_template_id": template.id,
                            "channel": action,
                            "custom_text": "Please pay the invoices below.",
                            "custom_mail_text": "<p>Please pay the invoices below.</p>",
                        }
                    )
                    for i, (delay, action) in enumerate(zip(LADDER, LADDER_ACTIONS, strict=True))
                ],
            }
        )
        env.company.credit_policy_id = policy
        levels = policy.level_ids.sorted("level")
        sent = [
            (move_ids[i], levels[level].id, row[2] + timedelta(days=LADDER[level]), row[3])
            for i, row in enumerate(plan["invoices"])
            for level in range(row[5] + 1)
        ]
        if not sent:
            return
        env.flush_all()
        cr = env.cr
        source_table(
            cr,
            "bench_ccl",
            [("move_id", "int"), ("level_id", "int"), ("date", "date"), ("amount", "numeric")],
            sent,
        )
        cr.execute(
            "ALTER TABLE bench_ccl ADD COLUMN aml_id int; "
            "UPDATE bench_ccl s SET aml_id = l.id FROM account_move_line l "
            "WHERE l.move_id = s.move_id AND l.display_type = 'payment_term'"
        )
        first = env["account.move.line"].browse(sent[0] and self._first_aml(cr))
        line = env["credit.control.line"].create(
            env["credit.control.line"]._prepare_from_move_line(
                first, levels[0], plan["today"], first.amount_residual, {}
            )
        )
        env.flush_all()
        clone(
            cr,
            "credit_control_line",
            f"t.id = {line.id}",
            "bench_ccl",
            {
                "move_line_id": "s.aml_id",
                "invoice_id": "s.move_id",
                "partner_id": "l.partner_id",
                "commercial_partner_id": "l.partner_id",
                "date": "s.date",
                "date_sent": "s.date",
                "date_due": "l.date_maturity",
                "date_entry": "l.date",
                "policy_level_id": "s.level_id",
                "level": "lv.level",
                "amount_due": "s.amount",
                "balance_due": "s.amount",
                "state": "'sent'",
            },
            join="JOIN account_move_line l ON l.id = s.aml_id "
            "JOIN credit_control_policy_level lv ON lv.id = s.level_id",
            order="s.move_id, lv.level",
        )
        cr.execute("DELETE FROM credit_control_line WHERE id = %s", [line.id])

    @staticmethod
    def _first_aml(cr):
        cr.execute("SELECT aml_id FROM bench_ccl LIMIT 1")
        return cr.fetchone()[0]


FLAVOURS = {flavour.name: flavour for flavour in (Ours, Oca)}
