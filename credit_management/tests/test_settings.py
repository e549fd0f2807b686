# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import CreditCommon


@tagged("post_install", "-at_install")
class TestCreditSettings(CreditCommon):
    COMPANY_PARAMETERS = ("tolerance_percent", "max_overdue_days", "hold_without_limit")

    def test_settings_write_company_parameters(self):
        self.env["res.config.settings"].create(
            {
                "account_use_credit_limit": True,
                "credit_tolerance_percent": 7.5,
                "credit_max_overdue_days": 45,
                "credit_hold_without_limit": True,
            }
        ).execute()
        self.assertEqual(self.company.credit_tolerance_percent, 7.5)
        self.assertEqual(self.company.credit_max_overdue_days, 45)
        self.assertTrue(self.company.credit_hold_without_limit)
        params = self.customer._credit_check_parameters()
        self.assertEqual(list(params), [self.customer.id])
        # other rules (contracts, warnings) add their own keys to the same per-customer dict
        self.assertEqual(
            {key: params[self.customer.id][key] for key in self.COMPANY_PARAMETERS},
            {"tolerance_percent": 7.5, "max_overdue_days": 45, "hold_without_limit": True},
        )

    def test_contact_parameters_are_keyed_by_commercial_partner(self):
        self.assertEqual(list(self.contact._credit_check_parameters()), [self.customer.id])

    def test_tolerance_outside_0_100_is_rejected(self):
        for value in (-1, 100.5):
            with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
                self.company.credit_tolerance_percent = value
        self.company.credit_tolerance_percent = 100
        self.assertEqual(self.company.credit_tolerance_percent, 100)

    def test_negative_overdue_days_is_rejected(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.company.credit_max_overdue_days = -1

    def test_negative_credit_limit_is_rejected(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.customer.credit_limit = -10.0
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["res.partner"].create({"name": "Negative", "credit_limit": -1.0})
        self.assertEqual(self.customer.credit_limit, 1000.0)

    def test_limit_and_hold_changes_are_tracked(self):
        # Tracking is finalised before commit, by the first registered precommit hook: run the
        # pending one (registered with the common test context, which disables tracking), then
        # write with tracking on.
        self.env.flush_all()
        self.env.cr.precommit.run()
        customer = self.customer.with_user(self.manager).with_context(
            tracking_disable=False, mail_notrack=False
        )
        customer.write({"credit_limit": 2500.0})
        customer.write({"credit_hold": True, "credit_hold_reason": "Lawsuit"})
        # Tracking values are written when the transaction commits.
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = self.customer.message_ids.tracking_value_ids.mapped("field_id.name")
        self.assertIn("credit_limit", tracked)
        self.assertIn("credit_hold", tracked)
        limit_value = self.customer.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "credit_limit"
        )
        self.assertEqual(limit_value.old_value_float, 1000.0)
        self.assertEqual(limit_value.new_value_float, 2500.0)

    def test_salesman_reads_but_cannot_write_credit_profile(self):
        customer = self.customer.with_user(self.salesman)
        values = customer.read(
            ["credit_limit", "credit_exposure", "credit_hold", "credit_available"]
        )
        self.assertEqual(values[0]["credit_limit"], 1000.0)
        self.assertEqual(values[0]["credit_available"], 1000.0)
        self.assertFalse(customer.credit_is_manager)
        self.assertFalse(customer.credit_is_user)  # the form greys out analyst and review date
        for vals in ({"credit_limit": 5000.0}, {"credit_hold": True}, {"credit_hold_reason": "x"}):
            with self.assertRaisesRegex(AccessError, "Only credit managers"):
                customer.write(vals)
        with self.assertRaisesRegex(AccessError, "Only credit managers"):
            self.env["res.partner"].with_user(self.salesman).create(
                {"name": "New", "is_company": True, "credit_limit": 10.0}
            )
        # Other fields stay editable, and contacts are still synced from their company.
        customer.write({"phone": "+86 21 5555 0000"})
        contact = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .create({"name": "New buyer", "parent_id": self.customer.id})
        )
        self.assertEqual(contact.commercial_partner_id, self.customer)
        self.assertEqual(self.customer.credit_limit, 1000.0)
        self.assertFalse(self.customer.credit_hold)

    def test_credit_manager_sets_limit_and_hold(self):
        customer = self.customer.with_user(self.manager)
        self.assertTrue(customer.credit_is_manager)
        self.assertTrue(customer.credit_is_user)
        customer.write(
            {"credit_limit": 3000.0, "credit_hold": True, "credit_hold_reason": "Dispute"}
        )
        self.assertEqual(self.customer.credit_limit, 3000.0)
        self.assertTrue(self.customer.credit_hold)
