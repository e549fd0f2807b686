# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class CreditCollectionKpiWizard(models.TransientModel):
    _name = "credit.collection.kpi.wizard"
    _description = "Compute Collector KPIs"

    date_from = fields.Date(
        required=True,
        default=lambda self: (
            fields.Date.context_today(self).replace(day=1) - relativedelta(months=5)
        ),
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    collector_ids = fields.Many2many(
        "res.users",
        string="Collectors",
        help="Leave empty for every collector responsible for a customer.",
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise UserError(self.env._("The start date must be before the end date."))
            if wizard.date_from + relativedelta(months=36) < wizard.date_to:
                raise UserError(self.env._("Choose a period of at most 36 months."))

    def action_compute(self):
        self.ensure_one()
        collectors = self.collector_ids
        if not collectors:
            collectors = (
                self.env["res.partner"]
                .with_context(active_test=False)
                .search([("credit_collector_id", "!=", False)])
                .credit_collector_id
            )
        if not collectors:
            raise UserError(self.env._("No customer has a credit collector yet."))
        rows = self.env["credit.collection.kpi.report"]._generate(
            self.date_from, self.date_to, collectors
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Collector KPIs"),
            "res_model": "credit.collection.kpi.report",
            "view_mode": "pivot,graph,list",
            "views": [(False, "pivot"), (False, "graph"), (False, "list")],
            "domain": [("id", "in", rows.ids)],
        }
