# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .common import FollowupCommon


@tagged("post_install", "-at_install")
class TestFollowupMulticompany(FollowupCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.setup_other_company()["company"]
        cls.other_policy = cls._create_policy(cls.other_company)
        cls.other_company.followup_policy_id = cls.other_policy
        cls.credit_user.write({"company_ids": [Command.link(cls.other_company.id)]})

    def test_run_for_another_company_does_not_touch_this_one(self):
        here = self._overdue_invoice(self.partner_a, 45)
        there = self._overdue_invoice(self.partner_a, 45, company=self.other_company)
        run = self._run(company=self.other_company)
        self.assertEqual(run.communication_ids.invoice_ids, there)
        self.assertEqual(run.communication_ids.company_id, self.other_company)
        self.assertEqual(run.communication_ids.level_id.policy_id, self.other_policy)
        self.assertFalse(self._communications(), "nothing in this company")
        self.assertFalse(here.followup_level_id)
        self._run()
        self.assertEqual(self._communications().invoice_ids, here)

    def test_users_only_see_their_companies(self):
        self._overdue_invoice(self.partner_a, 45, company=self.other_company)
        self._run(company=self.other_company)
        outsider = self.collector  # only in the first company
        Comm = self.env["credit.followup.communication"].with_user(outsider)
        self.assertFalse(Comm.search([("company_id", "=", self.other_company.id)]))
        Policy = self.env["credit.followup.policy"].with_user(outsider)
        self.assertNotIn(self.other_policy, Policy.search([]))
