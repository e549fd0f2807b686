# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per concern of res.partner, so that a reader finds each rule where its name says.
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _credit_payment_history(self):
        """Payment-history figures per commercial partner, current company, in ONE query.

        Returns {partner_id: {"years_trading", "on_time_payment_percent", "average_days_late",
        "paid_invoice_count"}} for the commercial partners of ``self``.

        Approximation (documented in readme/USAGE.md): a customer invoice counts once it is paid
        (payment state paid / in payment); its payment date is the latest date of the
        reconciliations of its receivable lines (credit notes included), compared with the
        invoice's due date (the last instalment's when there are several). Years of trading
        run from the first posted customer invoice.
        """
        partners = self.commercial_partner_id
        result = {
            pid: {
                "years_trading": 0.0,
                "on_time_payment_percent": 0.0,
                "average_days_late": 0.0,
                "paid_invoice_count": 0,
            }
            for pid in partners.ids
        }
        if not partners:
            return result
        self.env["account.move"].flush_model()
        self.env["account.move.line"].flush_model()
        self.env["account.partial.reconcile"].flush_model()
        today = fields.Date.context_today(self)
        query = SQL(
            """
            WITH invoice AS (
                SELECT m.commercial_partner_id AS partner_id,
                       m.invoice_date,
                       m.invoice_date_due AS due,
                       m.payment_state IN ('paid', 'in_payment') AS is_paid,
                       (SELECT MAX(apr.max_date)
                          FROM account_move_line aml
                          JOIN account_partial_reconcile apr ON apr.debit_move_id = aml.id
                         WHERE aml.move_id = m.id
                           AND aml.display_type = 'payment_term') AS paid_on
                  FROM account_move m
                 WHERE m.move_type = 'out_invoice'
                   AND m.state = 'posted'
                   AND m.company_id = %(company)s
                   AND m.commercial_partner_id = ANY(%(partners)s)
            )
            SELECT partner_id,
                   MIN(invoice_date),
                   COUNT(*) FILTER (WHERE is_paid AND paid_on IS NOT NULL),
                   COUNT(*) FILTER (WHERE is_paid AND paid_on <= due),
                   AVG(GREATEST(paid_on - due, 0)) FILTER (WHERE is_paid AND paid_on IS NOT NULL)
              FROM invoice
             GROUP BY partner_id
            """,
            company=self.env.company.id,
            partners=partners.ids,
        )
        for partner_id, first_date, paid, on_time, avg_late in self.env.execute_query(query):
            result[partner_id].update(
                {
                    "years_trading": round((today - first_date).days / 365.25, 2)
                    if first_date
                    else 0.0,
                    "on_time_payment_percent": round(on_time * 100.0 / paid, 2) if paid else 0.0,
                    "average_days_late": round(float(avg_late or 0.0), 2),
                    "paid_invoice_count": paid,
                }
            )
        return result
