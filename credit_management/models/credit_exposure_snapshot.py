# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

# Daily snapshots are kept this many days (at least the longest look-back of the indicators);
# the snapshot of the last day of each month is kept for good (trends, year-end report).
SNAPSHOT_DAILY_RETENTION_DAYS = 120


class CreditExposureSnapshot(models.Model):
    """The exposure (信用占用) of a customer at the end of a day, as the early-warning evaluation
    measured it. Exposure includes uninvoiced orders and draft invoices, which the ledger does not
    remember: growth over N days and the exposure at a year's end are read from these snapshots.
    """

    _name = "credit.exposure.snapshot"
    _description = "Credit Exposure Snapshot"
    _order = "date desc, partner_id"

    date = fields.Date(required=True, index=True)
    company_id = fields.Many2one("res.company", required=True, index=True, ondelete="cascade")
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade")
    exposure = fields.Monetary(aggregator="sum")
    receivable = fields.Monetary(string="Open Receivables", aggregator="sum")
    credit_limit = fields.Monetary(aggregator="sum")
    usage_percent = fields.Float(string="Credit Usage (%)", aggregator="avg")

    _sql_constraints = [
        (
            "date_partner_company_uniq",
            "unique(date, partner_id, company_id)",
            "One exposure snapshot per customer, company and day.",
        ),
    ]

    @api.model
    def _credit_monitored_partner_ids(self):
        """Commercial partners with credit activity in the current company: a limit, open
        receivables (the one definition), uninvoiced confirmed orders or draft invoices; one
        query."""
        company = self.env.company
        self.env.flush_all()
        open_lines = self.env["account.move.line"]._credit_open_receivable_sql()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT open_line.partner_id
                  FROM (%(open_lines)s) open_line
                 WHERE open_line.amount_open != 0
                   AND open_line.partner_id IS NOT NULL
                 UNION
                SELECT p.commercial_partner_id
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE so.state = 'sale'
                   AND so.invoice_status <> 'invoiced'
                   AND so.company_id = %(company)s
                 UNION
                SELECT am.commercial_partner_id
                  FROM account_move am
                 WHERE am.state = 'draft'
                   AND am.move_type IN ('out_invoice', 'out_refund')
                   AND am.company_id = %(company)s
                   AND am.commercial_partner_id IS NOT NULL
                 UNION
                SELECT p.id
                  FROM res_partner p
                 WHERE p.parent_id IS NULL
                   AND (p.credit_limit ->> %(company_key)s)::numeric > 0
                """,
                open_lines=open_lines,
                company=company.id,
                company_key=str(company.id),
            )
        )
        return [row[0] for row in rows]

    @api.model
    def _credit_take_snapshot(self, date=None):
        """Measure the exposure of every monitored customer of the current company and store it
        as the snapshot of ``date`` (default today), replacing that day's earlier one.

        :return: the exposures ``{partner_id: {...}}`` of ``res.partner._credit_exposure``
        """
        company = self.env.company
        date = date or company._credit_today()
        partners = self.env["res.partner"].browse(self._credit_monitored_partner_ids())
        exposures = partners._credit_exposure() if partners else {}
        self.search([("company_id", "=", company.id), ("date", "=", date)]).unlink()
        self.create(
            [
                {
                    "date": date,
                    "company_id": company.id,
                    "partner_id": partner_id,
                    "exposure": values["exposure"],
                    "receivable": values["receivable"],
                    "credit_limit": values["limit"],
                    "usage_percent": values["usage_percent"],
                }
                for partner_id, values in exposures.items()
            ]
        )
        self._credit_prune(date)
        return exposures

    @api.model
    def _credit_prune(self, date):
        """Drop the daily snapshots past retention, keeping each month's last one."""
        limit = date - timedelta(days=SNAPSHOT_DAILY_RETENTION_DAYS)
        self.env.cr.execute(
            SQL(
                """
                DELETE FROM credit_exposure_snapshot s
                 WHERE s.company_id = %(company)s
                   AND s.date < %(limit)s
                   AND s.date <> (SELECT MAX(o.date)
                                    FROM credit_exposure_snapshot o
                                   WHERE o.company_id = s.company_id
                                     AND date_trunc('month', o.date) = date_trunc('month', s.date))
                """,
                company=self.env.company.id,
                limit=limit,
            )
        )

    @api.model
    def _credit_exposure_at(self, date, partner_ids=None, not_before=None):
        """{partner_id: exposure} of the latest snapshot on or before ``date`` (and on or after
        ``not_before`` when given) for each customer, current company; one query."""
        partner_filter = (
            SQL("AND partner_id = ANY(%s)", list(partner_ids)) if partner_ids else SQL()
        )
        if not_before:
            partner_filter = SQL("%s AND date >= %s", partner_filter, not_before)
        self.flush_model()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT DISTINCT ON (partner_id) partner_id, exposure
                  FROM credit_exposure_snapshot
                 WHERE company_id = %(company)s
                   AND date <= %(date)s
                   %(partner_filter)s
                 ORDER BY partner_id, date DESC
                """,
                company=self.env.company.id,
                date=date,
                partner_filter=partner_filter,
            )
        )
        return dict(rows)
