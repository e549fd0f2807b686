# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CreditStatementReport(models.AbstractModel):
    """Statement of account (对账单) of a customer for a period: opening balance, the receivable
    movements of the period with a running balance, closing balance, and the invoices still open
    with their ageing. The collections team prints it from the customer; the customer downloads
    the same report from the portal."""

    _name = "report.credit_management_collections.report_statement"
    _description = "Statement of Account"

    @api.model
    def _statement_period(self, data):
        today = fields.Date.context_today(self)
        date_from = fields.Date.to_date((data or {}).get("date_from")) or today.replace(
            month=1, day=1
        )
        date_to = fields.Date.to_date((data or {}).get("date_to")) or today
        return date_from, date_to

    @api.model
    def _statement_values(self, partner, date_from, date_to):
        company = self.env.company
        partner = partner.commercial_partner_id
        base = [
            ("partner_id", "child_of", partner.id),
            ("company_id", "=", company.id),
            ("parent_state", "=", "posted"),
            ("account_id.account_type", "=", "asset_receivable"),
        ]
        Line = self.env["account.move.line"]
        opening = Line._read_group([*base, ("date", "<", date_from)], aggregates=["balance:sum"])[
            0
        ][0]
        lines = Line.search(
            [*base, ("date", ">=", date_from), ("date", "<=", date_to)], order="date, move_id, id"
        )
        balance = opening
        rows = []
        for line in lines:
            balance += line.balance
            rows.append({"line": line, "balance": balance})
        ageing = self.env["credit.ageing.report"]._read_group(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", company.id),
                ("move_id.move_type", "in", ("out_invoice", "out_refund", "out_receipt")),
            ],
            groupby=["move_id", "bucket"],
            aggregates=["amount_residual:sum", "days_overdue:max"],
        )
        return {
            "partner": partner,
            "company": company,
            "currency": company.currency_id,
            "date_from": date_from,
            "date_to": date_to,
            "opening": opening,
            "rows": rows,
            "closing": balance,
            "debit": sum(lines.mapped("debit")),
            "credit": sum(lines.mapped("credit")),
            "open_items": [
                {"move": move, "bucket": bucket, "residual": residual, "days": days}
                for move, bucket, residual, days in ageing
            ],
            "bucket_labels": dict(
                self.env["credit.ageing.report"]._fields["bucket"]._description_selection(self.env)
            ),
        }

    @api.model
    def _get_report_values(self, docids, data=None):
        date_from, date_to = self._statement_period(data)
        partners = self.env["res.partner"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": partners,
            "statements": [
                self._statement_values(partner, date_from, date_to) for partner in partners
            ],
        }
