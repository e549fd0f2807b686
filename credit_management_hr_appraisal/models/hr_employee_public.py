# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .credit_clerk_status_history import CLERK_STATUSES
from .hr_employee import STATUS_GROUPS


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # Stored on hr_employee: the public SQL view picks them up by name.
    is_credit_clerk = fields.Boolean(string="Credit Clerk", readonly=True)
    credit_clerk_status = fields.Selection(CLERK_STATUSES, readonly=True, groups=STATUS_GROUPS)
