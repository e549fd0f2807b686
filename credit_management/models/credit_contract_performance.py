# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per concern of credit.contract: its performance (履约) from the linked documents.
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models
from odoo.tools import SQL, format_amount

PERFORMANCE_ACTIVITY = "credit_management.mail_activity_type_contract_performance"


class CreditContract(models.Model):
    _inherit = "credit.contract"

    amount_ordered = fields.Monetary(
        string="Ordered",
        compute="_compute_performance",
        currency_field="company_currency_id",
        help="Confirmed sales orders governed by the contract, tax included.",
    )
    amount_delivered = fields.Monetary(
        string="Delivered",
        compute="_compute_performance",
        currency_field="company_currency_id",
        help="Value of the quantities delivered on those orders, tax included.",
    )
    amount_invoiced = fields.Monetary(
        string="Invoiced",
        compute="_compute_performance",
        currency_field="company_currency_id",
        help="Posted invoices (or vendor bills) of the contract, net of credit notes.",
    )
    amount_paid = fields.Monetary(
        string="Paid",
        compute="_compute_performance",
        currency_field="company_currency_id",
        help="Invoiced minus what is still open; a registered payment counts as paid from its "
        "date even while it is in transit (the suite's one definition of open receivables).",
    )
    amount_overdue = fields.Monetary(
        string="Overdue",
        compute="_compute_performance",
        currency_field="company_currency_id",
        help="Open amount of the instalments past their due date, at the company's today.",
    )
    performance_percent = fields.Float(
        string="Performed (%)",
        compute="_compute_performance",
        help="Delivered (sales) or invoiced (other contracts) as a share of the contract amount.",
    )
    performance_lag = fields.Boolean(
        string="Performance Lags",
        compute="_compute_performance",
        search="_search_performance_lag",
        help="Performing with overdue invoices, or past its end date without being fully "
        "performed.",
    )

    def _compute_performance(self):
        figures = self._performance_figures()
        for contract in self:
            values = figures[contract.id]
            contract.amount_ordered = values["ordered"]
            contract.amount_delivered = values["delivered"]
            contract.amount_invoiced = values["invoiced"]
            contract.amount_paid = values["paid"]
            contract.amount_overdue = values["overdue"]
            contract.performance_percent = values["percent"]
            contract.performance_lag = values["lag"]

    def _search_performance_lag(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return [("id", "=", False)]
        performing = self.search([("state", "=", "performing")])
        lagging = [cid for cid, vals in performing._performance_figures().items() if vals["lag"]]
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", lagging)]

    def _performance_figures(self):
        """Performance of the contracts from their orders and invoices, company currency: two
        queries for any number of contracts.

        :return: {contract_id: {"ordered", "delivered", "invoiced", "paid", "open", "overdue",
                  "percent", "lag"}}
        """
        result = {
            contract.id: dict.fromkeys(
                ("ordered", "delivered", "invoiced", "paid", "open", "overdue"), 0.0
            )
            for contract in self
        }
        ids = tuple(cid for cid in result if isinstance(cid, int))
        if ids:
            self._performance_orders(result, ids)
            self._performance_invoices(result, ids)
        today = fields.Date.context_today(self)
        for contract in self:
            values = result[contract.id]
            values["paid"] = values["invoiced"] - values["open"]
            base = values["delivered"] if contract.kind == "sales" else values["invoiced"]
            amount = contract.amount_company
            values["percent"] = round(base / amount * 100, 1) if amount else 0.0
            currency = contract.company_id.currency_id or self.env.company.currency_id
            late_end = bool(contract.date_end and contract.date_end < today)
            values["lag"] = contract.state == "performing" and (
                currency.compare_amounts(values["overdue"], 0) > 0
                or (late_end and currency.compare_amounts(base, amount) < 0)
            )
        return result

    def _performance_orders(self, result, ids):
        self.env["sale.order.line"].flush_model(
            ["order_id", "price_total", "product_uom_qty", "qty_delivered"]
        )
        self.env["sale.order"].flush_model(["credit_contract_id", "currency_id", "state"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT so.credit_contract_id, so.currency_id, so.company_id,
                       SUM(sol.price_total),
                       SUM(sol.price_total * LEAST(sol.qty_delivered, sol.product_uom_qty)
                           / sol.product_uom_qty)
                  FROM sale_order_line sol
                  JOIN sale_order so ON so.id = sol.order_id
                 WHERE so.state = 'sale'
                   AND sol.product_uom_qty > 0
                   AND so.credit_contract_id IN %s
              GROUP BY so.credit_contract_id, so.currency_id, so.company_id
                """,
                ids,
            )
        )
        today = fields.Date.context_today(self)
        currencies = self.env["res.currency"].browse({row[1] for row in rows})
        companies = self.env["res.company"].browse({row[2] for row in rows})
        for contract_id, currency_id, company_id, ordered, delivered in rows:
            currency = currencies.browse(currency_id)
            company = companies.browse(company_id)
            values = result[contract_id]
            values["ordered"] += currency._convert(
                ordered or 0.0, company.currency_id, company, today
            )
            values["delivered"] += currency._convert(
                delivered or 0.0, company.currency_id, company, today
            )

    def _performance_invoices(self, result, ids):
        """Invoiced from the posted documents; what is open and overdue on customer invoices by
        THE open-receivable definition (per instalment, the company's today, money in transit
        counted as paid), on vendor bills by their residual."""
        self.env["account.move"].flush_model(
            [
                "credit_contract_id",
                "move_type",
                "state",
                "amount_total_signed",
                "amount_residual_signed",
                "payment_state",
                "invoice_date_due",
            ]
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT am.credit_contract_id,
                       am.move_type IN ('in_invoice', 'in_refund'),
                       SUM(am.amount_total_signed),
                       SUM(am.amount_residual_signed) FILTER (
                           WHERE am.payment_state IN ('not_paid', 'partial')),
                       SUM(am.amount_residual_signed) FILTER (
                           WHERE am.payment_state IN ('not_paid', 'partial')
                             AND am.invoice_date_due < %(today)s)
                  FROM account_move am
                 WHERE am.state = 'posted'
                   AND am.move_type IN ('out_invoice', 'out_refund', 'in_invoice', 'in_refund')
                   AND am.credit_contract_id IN %(ids)s
              GROUP BY am.credit_contract_id, am.move_type IN ('in_invoice', 'in_refund')
                """,
                today=fields.Date.context_today(self),
                ids=ids,
            )
        )
        for contract_id, is_bill, invoiced, open_amount, overdue in rows:
            values = result[contract_id]
            if is_bill:
                values["invoiced"] -= invoiced or 0.0
                values["open"] -= open_amount or 0.0
                values["overdue"] -= overdue or 0.0
            else:
                values["invoiced"] += invoiced or 0.0
        contracts = self.browse(ids)
        open_lines = self.env["account.move.line"]._credit_open_receivable_sql(
            partner_ids=contracts.partner_id.ids, companies=contracts.company_id
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT am.credit_contract_id,
                       SUM(open_line.amount_open),
                       SUM(open_line.amount_open) FILTER (WHERE open_line.days_overdue > 0)
                  FROM (%(open_lines)s) open_line
                  JOIN account_move am ON am.id = open_line.move_id
                 WHERE am.credit_contract_id IN %(ids)s
                   AND am.move_type IN ('out_invoice', 'out_refund')
              GROUP BY am.credit_contract_id
                """,
                open_lines=open_lines,
                ids=ids,
            )
        )
        for contract_id, open_amount, overdue in rows:
            result[contract_id]["open"] += open_amount or 0.0
            result[contract_id]["overdue"] += overdue or 0.0

    # ------------------------------------------------------------------ chasing (督促履约)
    def action_chase_performance(self):
        """The clerk urges the handler to perform (经常督促合同的履约行为)."""
        self._check_group("credit_management.group_credit_user")
        self._check_state(("signed", "performing"))
        self._schedule_performance_activities(force=True)
        return True

    def _schedule_performance_activities(self, force=False):
        """An activity for the handler of each lagging contract (or of each contract of
        ``self`` when ``force``), unless one is pending: one query for the pending ones."""
        activity_type = self.env.ref(PERFORMANCE_ACTIVITY)
        figures = self._performance_figures()
        contracts = self if force else self.filtered(lambda c: figures[c.id]["lag"])
        if not contracts:
            return contracts
        pending = {
            res_id
            for (res_id,) in self.env["mail.activity"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", contracts.ids),
                    ("activity_type_id", "=", activity_type.id),
                ],
                groupby=["res_id"],
            )
        }
        to_schedule = contracts.filtered(lambda c: c.id not in pending)
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        vals_list = []
        for contract in to_schedule:
            values = figures[contract.id]
            currency = contract.company_id.currency_id
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": contract.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._("Contract performance lags"),
                    "note": self.env._(
                        "%(contract)s: performed %(percent)s %% of %(amount)s, invoiced "
                        "%(invoiced)s, paid %(paid)s, overdue %(overdue)s.",
                        contract=contract.name,
                        percent=values["percent"],
                        amount=format_amount(self.env, contract.amount_company, currency),
                        invoiced=format_amount(self.env, values["invoiced"], currency),
                        paid=format_amount(self.env, values["paid"], currency),
                        overdue=format_amount(self.env, values["overdue"], currency),
                    ),
                    "date_deadline": today,
                    "user_id": contract.handler_id.id,
                }
            )
        # sudo: the cron and the clerk assign the to-do to handlers of any department
        self.env["mail.activity"].sudo().create(vals_list)
        return to_schedule
