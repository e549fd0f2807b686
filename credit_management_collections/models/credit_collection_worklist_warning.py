# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# The early warnings' part of the collector's worklist, apart from the worklist itself.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models
from odoo.tools import SQL


class CreditCollectionWorklist(models.Model):
    """The collector's worklist ranks customers by their open warnings too."""

    _inherit = "credit.collection.worklist"

    @api.model
    def _worklist_warning_counts_sql(self, company):
        self.env["credit.warning"].flush_model(["company_id", "partner_id", "state"])
        return SQL(
            """
            SELECT partner_id, COUNT(*) AS count
              FROM credit_warning
             WHERE company_id = %(company)s
               AND state != 'closed'
             GROUP BY partner_id
            """,
            company=company.id,
        )
