# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

CLERK_STATUSES = [
    ("qualified", "Qualified"),
    ("warned", "Warned"),
    ("disqualified", "Disqualified"),
]


class CreditClerkStatusHistory(models.Model):
    _name = "credit.clerk.status.history"
    _description = "Credit Clerk Status History"
    _order = "date desc, id desc"

    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="employee_id.company_id", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    old_status = fields.Selection(CLERK_STATUSES)
    new_status = fields.Selection(CLERK_STATUSES, required=True)
    reason = fields.Char(required=True)
    appraisal_id = fields.Many2one("credit.appraisal", ondelete="set null", index=True)
    user_id = fields.Many2one("res.users", string="Changed By", default=lambda self: self.env.user)
