# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import FollowupCommon


@tagged("post_install", "-at_install")
class TestFollowupConfig(FollowupCommon):
    def test_duplicate_delay_is_refused(self):
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            self.env["credit.followup.level"].create(
                {"policy_id": self.policy.id, "name": "Twice", "delay_days": 30, "action": "email"}
            )

    def test_same_delay_in_another_policy_is_fine(self):
        other = self._create_policy(self.company)
        self.assertEqual(sorted(other.level_ids.mapped("delay_days")), [1, 30, 60])

    def test_negative_fee_is_refused(self):
        with self.assertRaises(ValidationError):
            self.level_30.fee_amount = -1.0

    def test_interest_rate_above_100_is_refused(self):
        with self.assertRaises(ValidationError):
            self.level_30.interest_rate = 100.5
        with self.assertRaises(ValidationError):
            self.level_30.interest_rate = -1.0
        self.level_30.interest_rate = 100.0
        self.assertEqual(self.level_30.interest_rate, 100.0)

    def test_negative_delay_is_refused(self):
        with self.assertRaises(ValidationError):
            self.level_1.delay_days = -5

    def test_level_form_configures_an_activity_level(self):
        with Form(self.env["credit.followup.level"]) as form:
            form.policy_id = self.policy
            form.name = "Visit"
            form.delay_days = 90
            form.action = "visit"
            form.activity_type_id = self.env.ref("mail.mail_activity_data_meeting")
        level = form.record
        self.assertEqual(level.company_id, self.company)
        self.assertEqual(self.policy.level_count, 4)

    def test_installed_default_ladder(self):
        # the main company is not one of the test user's companies
        policy = self.env.ref("credit_management_collections.followup_policy_default").sudo()
        levels = policy.level_ids.sorted("delay_days")
        self.assertEqual(levels.mapped("delay_days"), [1, 30, 60, 90, 120])
        self.assertEqual(levels.mapped("action"), ["email", "letter", "phone", "visit", "agency"])
        self.assertTrue(levels[2].set_credit_hold)
        self.assertEqual(policy.company_id.followup_policy_id, policy)

    def test_default_ladder_has_chinese_names(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["credit_management_collections"], ["zh_CN"], overwrite=True
        )
        level = self.env.ref("credit_management_collections.followup_level_letter").sudo()
        self.assertEqual(level.with_context(lang="en_US").name, "Reminder letter")
        self.assertEqual(level.with_context(lang="zh_CN").name, "催款函")

    def test_new_company_gets_a_default_policy(self):
        company = self.env["res.company"].create({"name": "Follow-up Newco"})
        policy = company.sudo().followup_policy_id
        self.assertTrue(policy)
        self.assertEqual(policy.company_id, company)
        self.assertEqual(policy.level_ids.mapped("delay_days"), [1, 30, 60, 90, 120])
        self.assertEqual(policy.level_ids.company_id, company)

    def test_company_without_policy_reports_it(self):
        self.company.followup_policy_id = False
        self._overdue_invoice(self.partner_a, 45)
        run = self._run()
        self.assertEqual(run.state, "done")
        self.assertFalse(run.communication_ids)
        self.assertIn("has no default follow-up policy", run.log)

    def test_customer_policy_overrides_company_policy(self):
        own = self.env["credit.followup.policy"].create(
            {
                "name": "Key accounts",
                "company_id": self.company.id,
                "level_ids": [
                    Command.create({"name": "Call", "delay_days": 10, "action": "phone"}),
                ],
            }
        )
        self.partner_a.with_company(self.company).followup_policy_id = own
        self._overdue_invoice(self.partner_a, 45)
        self._run()
        self.assertEqual(self._communications(self.partner_a).level_id, own.level_ids)

    def test_only_managers_configure_policies(self):
        with self.assertRaises(AccessError):
            self.policy.with_user(self.credit_user).write({"name": "Changed"})
        manager = new_test_user(
            self.env,
            login="followup_manager",
            groups="credit_management.group_credit_manager",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        self.policy.with_user(manager).write({"name": "Changed"})
        self.assertEqual(self.policy.name, "Changed")

    def test_sales_user_cannot_run_followup(self):
        salesman = new_test_user(
            self.env,
            login="followup_salesman",
            groups="sales_team.group_sale_salesman",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        with self.assertRaises(AccessError):
            self._run(user=salesman)
