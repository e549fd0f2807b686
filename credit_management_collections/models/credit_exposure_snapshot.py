# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.credit_management.models.credit_grade import GRADES


class CreditExposureSnapshot(models.Model):
    """The credit dashboard reads exposure and usage by grade from the latest snapshot."""

    _inherit = "credit.exposure.snapshot"

    credit_grade = fields.Selection(
        GRADES, string="Grade", readonly=True, help="The customer's grade on the snapshot's day."
    )
    is_latest = fields.Boolean(
        string="Latest", readonly=True, index=True, help="The company's most recent snapshot."
    )

    @api.model
    def _credit_take_snapshot(self, date=None):
        exposures = super()._credit_take_snapshot(date)
        company = self.env.company
        self.flush_model()
        date = date or company._credit_today()
        # the grades of the day's customers (one query), then which day is the latest
        self.env.cr.execute(
            SQL(
                """
                UPDATE credit_exposure_snapshot s
                   SET credit_grade = p.credit_grade
                  FROM res_partner p
                 WHERE s.partner_id = p.id AND s.company_id = %(company)s AND s.date = %(date)s
                """,
                company=company.id,
                date=date,
            )
        )
        self.env.cr.execute(
            SQL(
                """
                WITH latest AS (
                    SELECT max(date) AS date FROM credit_exposure_snapshot
                     WHERE company_id = %(company)s
                )
                UPDATE credit_exposure_snapshot s
                   SET is_latest = s.date = latest.date
                  FROM latest
                 WHERE s.company_id = %(company)s AND (s.is_latest OR s.date = latest.date)
                """,
                company=company.id,
            )
        )
        self.invalidate_model(["credit_grade", "is_latest"])
        return exposures
