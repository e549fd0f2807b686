# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .credit_clerk_status_history import CLERK_STATUSES

# Who may read the clerk status: HR officers, the credit department and the legal representative.
# The same fields exist on hr.employee.public (see hr_employee_public.py) so that users who read
# employees through the public profile (no hr.group_hr_user) do not hit "private field" errors.
STATUS_GROUPS = (
    "hr.group_hr_user,credit_management.group_credit_user,"
    "credit_management.group_credit_legal_representative"
)


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "credit.guard.mixin"]

    is_credit_clerk = fields.Boolean(
        string="Credit Clerk",
        tracking=True,
        help="Full- or part-time credit (contract) clerk (信用(合同)管理员), appraised yearly.",
    )
    credit_clerk_status = fields.Selection(
        CLERK_STATUSES,
        default="qualified",
        tracking=True,
        groups=STATUS_GROUPS,
        readonly=True,
        help="Warned after a first failed appraisal; disqualified after a second one or for "
        "using contracts illegally. Changed by approved appraisals.",
    )
    credit_clerk_status_history_ids = fields.One2many(
        "credit.clerk.status.history",
        "employee_id",
        groups="hr.group_hr_user",
    )
    credit_appraisal_ids = fields.One2many(
        "credit.appraisal", "employee_id", string="Credit Appraisals", groups="hr.group_hr_user"
    )
    credit_appraisal_count = fields.Integer(
        compute="_compute_credit_appraisal_stats", groups="hr.group_hr_user"
    )
    credit_failed_appraisal_count = fields.Integer(
        string="Failed Appraisals",
        compute="_compute_credit_appraisal_stats",
        groups="hr.group_hr_user",
        help="Approved appraisals with a total below 60 points.",
    )

    def _credit_guarded_fields(self):
        # the qualification changes only through the appraisal workflow (credit.guard.mixin)
        return dict(super()._credit_guarded_fields(), credit_clerk_status=None)

    @api.depends("credit_appraisal_ids.state", "credit_appraisal_ids.rating")
    def _compute_credit_appraisal_stats(self):
        Appraisal = self.env["credit.appraisal"]
        counts = dict(
            Appraisal._read_group(
                [("employee_id", "in", self.ids), ("state", "!=", "cancel")],
                groupby=["employee_id"],
                aggregates=["__count"],
            )
        )
        fails = dict(
            Appraisal._read_group(
                [
                    ("employee_id", "in", self.ids),
                    ("state", "=", "approved"),
                    ("rating", "=", "fail"),
                ],
                groupby=["employee_id"],
                aggregates=["__count"],
            )
        )
        for employee in self:
            employee.credit_appraisal_count = counts.get(employee, 0)
            employee.credit_failed_appraisal_count = fails.get(employee, 0)

    def action_view_credit_appraisals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management_hr_appraisal.credit_appraisal_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    def _credit_set_clerk_status(self, new_status, reason, appraisal=False):
        """Change the clerk status of ``self`` and log a history row per employee that changed.

        Called by the appraisal workflow after its own rights check; it writes with sudo() because
        the legal representative approving an appraisal is usually not an HR officer (safe: the
        caller decides the status, the user cannot pass arbitrary values through here).
        """
        history = []
        for employee in self.sudo():
            old_status = employee.credit_clerk_status
            if old_status == new_status:
                continue
            history.append(
                {
                    "employee_id": employee.id,
                    "old_status": old_status,
                    "new_status": new_status,
                    "reason": reason,
                    "appraisal_id": appraisal.id if appraisal else False,
                }
            )
            employee.credit_clerk_status = new_status
        if history:
            # sudo: the history is written by the workflow only (no user creates it), after
            # the rights check of the caller described above
            self.env["credit.clerk.status.history"].sudo().create(history)
