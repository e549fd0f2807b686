# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL

CASE_KINDS = ("agency", "legal")


class CreditAnnualReport(models.Model):
    """The collections' figures of the year-end report: collection, success rate, agency and
    legal cases with their recoveries, write-offs and the bad-debt rate."""

    _inherit = "credit.annual.report"

    @api.model
    def _credit_report_sections(self):
        sections = super()._credit_report_sections()
        result = {}
        for section, values in sections.items():
            result[section] = values
            if section == "ageing_days":
                result["collection"] = ("receivable", self.env._("Collection"), "list")
                result["cases"] = ("receivable", self.env._("Agencies and Legal Action"), "list")
                result["writeoffs"] = ("receivable", self.env._("Bad Debts"), "list")
        return result

    @api.model
    def _credit_report_definitions(self):
        definitions = super()._credit_report_definitions()
        overview_end = max(i for i, d in enumerate(definitions) if d["section"] == "overview")
        definitions.insert(
            overview_end + 1,
            {
                "section": "overview",
                "code": "collected",
                "label": self.env._("Collected in the year"),
                "type": "amount",
            },
        )
        rows = [
            ("collection", "collected", self.env._("Collected in the year"), "amount"),
            (
                "collection",
                "amount_due",
                self.env._("Due in the year (overdue at its start + falling due)"),
                "amount",
            ),
            ("collection", "collection_rate", self.env._("Collection rate"), "percent"),
            (
                "collection",
                "communications_done",
                self.env._("Follow-up communications done"),
                "count",
            ),
            (
                "collection",
                "communications_successful",
                self.env._("... followed by a payment within 30 days"),
                "count",
            ),
            (
                "collection",
                "success_rate",
                self.env._("Collection success rate (催收成功率)"),
                "percent",
            ),
        ]
        rows += [
            (
                "collection",
                f"communications_{action}",
                self.env._("Communications: %(action)s", action=label),
                "count",
            )
            for action, label in self.env["credit.followup.level"]
            ._fields["action"]
            ._description_selection(self.env)
        ]
        kinds = dict(
            self.env["credit.collection.case"]._fields["kind"]._description_selection(self.env)
        )
        for kind in CASE_KINDS:
            rows += [
                (
                    "cases",
                    f"{kind}_cases",
                    self.env._("%(kind)s: cases handed over", kind=kinds[kind]),
                    "count",
                ),
                (
                    "cases",
                    f"{kind}_handed_over",
                    self.env._("%(kind)s: amount handed over", kind=kinds[kind]),
                    "amount",
                ),
                (
                    "cases",
                    f"{kind}_recovered",
                    self.env._("%(kind)s: recovered in the year", kind=kinds[kind]),
                    "amount",
                ),
            ]
        rows += [
            ("writeoffs", "writeoff_count", self.env._("Bad debts written off"), "count"),
            ("writeoffs", "writeoff_amount", self.env._("Amount written off"), "amount"),
            ("writeoffs", "bad_debt_rate", self.env._("Bad-debt rate (坏账率)"), "percent"),
        ]
        definitions += [
            {"section": section, "code": code, "label": label, "type": kind}
            for section, code, label, kind in rows
        ]
        return definitions

    def _credit_report_figures(self):
        figures = super()._credit_report_figures()
        currency = self.company_id.currency_id
        rates = (
            self.env["credit.rates"]
            ._credit_rates(self.date_from, self.date_to, "company")
            .get(self.company_id.id, {})
        )
        for key in (
            "amount_due",
            "collection_rate",
            "communications_done",
            "communications_successful",
            "success_rate",
            "bad_debt_rate",
        ):
            figures[key] = rates.get(key, 0.0)
        figures["collected"] = currency.round(rates.get("amount_collected", 0.0))
        figures.update(self._credit_report_communication_figures())
        figures.update(self._credit_report_case_figures())
        figures.update(self._credit_report_writeoff_figures())
        return figures

    def _credit_report_communication_figures(self):
        actions = self.env["credit.followup.level"]._fields["action"].get_values(self.env)
        figures = {f"communications_{action}": 0 for action in actions}
        for action, count in self.env["credit.followup.communication"]._read_group(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "done"),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ],
            groupby=["action"],
            aggregates=["__count"],
        ):
            if action:
                figures[f"communications_{action}"] = count
        return figures

    def _credit_report_case_figures(self):
        """Cases handed over in the year (count, amount) and what all cases recovered in it:
        payments on their invoices dated in the year and on or after the handover."""
        figures = {}
        Case = self.env["credit.collection.case"]
        for kind in CASE_KINDS:
            figures.update(
                {f"{kind}_cases": 0, f"{kind}_handed_over": 0.0, f"{kind}_recovered": 0.0}
            )
        for kind, count, amount in Case._read_group(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "in", ("handed_over", "closed")),
                ("handover_date", ">=", self.date_from),
                ("handover_date", "<=", self.date_to),
            ],
            groupby=["kind"],
            aggregates=["__count", "amount_handed_over:sum"],
        ):
            figures[f"{kind}_cases"] = count
            figures[f"{kind}_handed_over"] = amount
        self.env.flush_all()
        for kind, amount in self.env.execute_query(
            SQL(
                """
                SELECT cc.kind, SUM(partial.amount)
                  FROM credit_collection_case cc
                  JOIN credit_collection_case_account_move_rel rel ON rel.case_id = cc.id
                  JOIN account_move_line line ON line.move_id = rel.move_id
                  JOIN account_account account ON account.id = line.account_id
                  JOIN account_partial_reconcile partial ON partial.debit_move_id = line.id
                  JOIN account_move_line payment_line ON payment_line.id = partial.credit_move_id
                  JOIN account_move payment_move ON payment_move.id = payment_line.move_id
                 WHERE cc.company_id = %(company)s
                   AND cc.state IN ('handed_over', 'closed')
                   AND account.account_type = 'asset_receivable'
                   AND payment_move.state = 'posted'
                   AND (payment_move.origin_payment_id IS NOT NULL
                        OR payment_move.statement_line_id IS NOT NULL)
                   AND partial.max_date >= cc.handover_date
                   AND partial.max_date BETWEEN %(date_from)s AND %(date_to)s
                 GROUP BY cc.kind
                """,
                company=self.company_id.id,
                date_from=self.date_from,
                date_to=self.date_to,
            )
        ):
            figures[f"{kind}_recovered"] = self.company_id.currency_id.round(amount or 0.0)
        return figures

    def _credit_report_writeoff_figures(self):
        groups = self.env["credit.writeoff"]._read_group(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "posted"),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ],
            aggregates=["__count", "amount:sum"],
        )
        count, amount = groups[0] if groups else (0, 0.0)
        return {"writeoff_count": count, "writeoff_amount": amount or 0.0}

    def _credit_report_sentences(self, chapter):
        sentences = super()._credit_report_sentences(chapter)
        if chapter == "receivable":
            fig = self._credit_figure
            pct = "{:.2f}".format
            amount = self.company_id.currency_id.format
            sentences += [
                self.env._(
                    "The collection success rate reached %(rate)s %% (%(successful)s of %(done)s "
                    "follow-ups were followed by a payment within 30 days); %(collected)s was "
                    "collected in the year.",
                    rate=pct(fig("success_rate")),
                    successful=int(fig("communications_successful")),
                    done=int(fig("communications_done")),
                    collected=amount(fig("collected")),
                ),
                self.env._(
                    "Through legal action, %(legal)s was recovered in the year (%(agency)s through "
                    "collection agencies); %(written_off)s was written off as bad debt, a bad-debt "
                    "rate of %(rate)s %%.",
                    legal=amount(fig("legal_recovered")),
                    agency=amount(fig("agency_recovered")),
                    written_off=amount(fig("writeoff_amount")),
                    rate=pct(fig("bad_debt_rate")),
                ),
            ]
        return sentences
