from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class AppraisalCommon(TransactionCase):
    """Users and employees of a credit department: a team lead appraising two clerks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env.ref("credit_management_hr_appraisal.appraisal_template_credit_clerk")
        cls.manager_user = new_test_user(
            cls.env, login="apr_credit_manager", groups="credit_management.group_credit_manager"
        )
        cls.approver_user = new_test_user(
            cls.env,
            login="apr_legal_rep",
            groups="credit_management_hr_appraisal.group_appraisal_approver",
        )
        cls.hr_user = new_test_user(cls.env, login="apr_hr_officer", groups="hr.group_hr_user")
        cls.team_lead_user = new_test_user(cls.env, login="apr_team_lead", groups="base.group_user")
        cls.clerk_user = new_test_user(
            cls.env, login="apr_clerk", groups="credit_management.group_credit_user"
        )
        cls.colleague_user = new_test_user(
            cls.env, login="apr_colleague", groups="credit_management.group_credit_user"
        )
        Employee = cls.env["hr.employee"]
        cls.team_lead = Employee.create({"name": "Team Lead", "user_id": cls.team_lead_user.id})
        cls.clerk = Employee.create(
            {
                "name": "Clerk One",
                "user_id": cls.clerk_user.id,
                "parent_id": cls.team_lead.id,
                "is_credit_clerk": True,
            }
        )
        cls.colleague = Employee.create(
            {"name": "Clerk Two", "user_id": cls.colleague_user.id, "is_credit_clerk": True}
        )

    def _create_appraisal(self, employee=None, year=2025, total=None, **vals):
        appraisal = self.env["credit.appraisal"].create(
            dict(vals, employee_id=(employee or self.clerk).id, year=year)
        )
        if total is not None:
            self._set_total(appraisal, total)
        return appraisal

    def _set_total(self, appraisal, total):
        """Spread ``total`` over the lines: full points first, the remainder on the next line."""
        remaining = total
        for line in appraisal.line_ids:
            score = min(line.max_score, remaining)
            line.score = score
            remaining -= score
        self.assertEqual(appraisal.total_score, total)

    def _approve(self, appraisal):
        appraisal.with_user(self.team_lead_user).action_submit()
        appraisal.with_user(self.manager_user).action_review()
        appraisal.with_user(self.approver_user).action_approve()
        self.assertEqual(appraisal.state, "approved")
        return appraisal
