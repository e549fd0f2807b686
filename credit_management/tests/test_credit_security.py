# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import CreditCommon


@tagged("post_install", "-at_install")
class TestCreditSecurity(CreditCommon):
    """Securities (保函, 信用证, 保证金, 抵押/质押, 担保, 信用保险) reduce the exposure that the
    hold decision compares with the limit, once approved and while valid."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.analyst = new_test_user(
            cls.env,
            login="cm_sec_analyst",
            groups="credit_management.group_credit_user",
            company_id=cls.company.id,
        )
        cls.insurer = cls.env["res.partner"].create({"name": "Credit Insurer", "is_company": True})
        cls.today = fields.Date.context_today(cls.env.user)

    def _security(self, amount, security_type="bank_guarantee", approve=True, partner=None, **vals):
        document = (
            self.env["ir.attachment"]
            .with_user(self.analyst)
            .create({"name": "scan.txt", "raw": b"guarantee"})
        )
        security = (
            self.env["credit.security"]
            .with_user(self.analyst)
            .create(
                {
                    "partner_id": (partner or self.customer).id,
                    "security_type": security_type,
                    "amount": amount,
                    "date_start": vals.pop("date_start", self.today - timedelta(days=10)),
                    "date_end": vals.pop("date_end", self.today + timedelta(days=100)),
                    "attachment_ids": [(6, 0, document.ids)],
                    **vals,
                }
            )
        )
        if approve:
            security.action_submit()
            security.with_user(self.manager).action_approve()
        return security.with_env(self.env)

    def _values(self, partner=None):
        partner = partner or self.customer
        return partner._credit_exposure()[partner.id]

    # ------------------------------------------------------------------ exposure
    def test_approved_guarantee_reduces_net_exposure(self):
        self._invoice(900.0)
        self._security(300.0)
        values = self._values()
        self.assertAlmostEqual(values["gross"], 900.0)
        self.assertAlmostEqual(values["secured"], 300.0)
        self.assertAlmostEqual(values["exposure"], 600.0)
        self.assertAlmostEqual(values["available"], 400.0)
        self.customer.invalidate_recordset()
        self.assertAlmostEqual(self.customer.credit_exposure_gross, 900.0)
        self.assertAlmostEqual(self.customer.credit_exposure_secured, 300.0)
        self.assertAlmostEqual(self.customer.credit_exposure, 600.0)

    def test_order_passes_thanks_to_security_and_is_held_without(self):
        self._invoice(900.0)
        held = self._order(300.0)
        held.action_confirm()
        self.assertTrue(held.credit_hold, "1200 gross over a 1000 limit: held")
        self._security(300.0)
        order = self._order(300.0)
        order.action_confirm()
        self.assertEqual(order.state, "sale", "net 900 within the 1000 limit")

    def test_hold_message_shows_gross_secured_and_net(self):
        self._invoice(900.0)
        self._security(100.0)
        order = self._order(500.0)
        order.action_confirm()
        self.assertTrue(order.credit_hold)
        reason = order.credit_hold_reason
        self.assertIn("net exposure with this order", reason)
        self.assertIn("1,300.00", reason)  # net
        self.assertIn("1,400.00", reason)  # gross
        self.assertIn("100.00", reason)  # secured

    def test_security_covers_at_most_the_gross_exposure(self):
        self._invoice(200.0)
        self._security(5000.0, security_type="deposit")
        values = self._values()
        self.assertAlmostEqual(values["secured"], 200.0)
        self.assertAlmostEqual(values["exposure"], 0.0)
        # The deposit covers the order too, then the limit applies to the rest.
        order = self._order(5700.0)
        order.action_confirm()
        self.assertEqual(order.state, "sale", "5900 gross - 5000 deposit = 900 net")
        over = self._order(200.0)
        over.action_confirm()
        self.assertTrue(over.credit_hold, "6100 gross - 5000 deposit = 1100 net")

    def test_deposit_counts_in_full_insurance_by_cover_capped_by_insurer(self):
        deposit = self._security(100.0, security_type="deposit", cover_percent=50.0)
        self.assertEqual(deposit.cover_percent, 100.0)
        self.assertAlmostEqual(deposit.secured_amount, 100.0)
        insured = self._security(
            1000.0,
            security_type="insurance",
            issuer_id=self.insurer.id,
            cover_percent=90.0,
            insurer_limit=5000.0,
        )
        self.assertAlmostEqual(insured.secured_amount, 900.0)
        capped = self._security(
            1000.0,
            security_type="insurance",
            issuer_id=self.insurer.id,
            cover_percent=90.0,
            insurer_limit=400.0,
        )
        self.assertAlmostEqual(capped.secured_amount, 400.0)
        mortgage = self._security(1000.0, security_type="mortgage", cover_percent=60.0)
        self.assertAlmostEqual(mortgage.secured_amount, 600.0)
        self._invoice(5000.0)
        self.assertAlmostEqual(self._values()["secured"], 100.0 + 900.0 + 400.0 + 600.0)

    def test_insurance_needs_insurer_and_limit(self):
        with self.assertRaisesRegex(ValidationError, "insurer and the insurer's limit"):
            self._security(1000.0, security_type="insurance", approve=False, cover_percent=90.0)

    def test_only_valid_approved_securities_count(self):
        self._invoice(900.0)
        self._security(10.0, approve=False)  # draft
        submitted = self._security(20.0, approve=False)
        submitted.with_user(self.analyst).action_submit()
        self._security(40.0, date_start=self.today + timedelta(days=1))  # not yet valid
        self._security(
            80.0,
            date_end=self.today - timedelta(days=1),
            date_start=self.today - timedelta(days=30),
        )
        released = self._security(160.0)
        released.with_user(self.manager).action_release()
        self.assertEqual(released.state, "released")
        self.assertAlmostEqual(self._values()["secured"], 0.0)
        self._security(320.0)
        self.assertAlmostEqual(self._values()["secured"], 320.0)

    def test_other_company_securities_do_not_count(self):
        self._invoice(900.0)
        self._security(300.0)
        other = self.env["res.company"].create({"name": "Other security company"})
        values = self.customer.with_company(other)._credit_exposure()[self.customer.id]
        self.assertAlmostEqual(values["secured"], 0.0)

    def test_foreign_currency_security_converted(self):
        currency = self.setup_other_currency("EUR")
        self._invoice(900.0)
        self._security(400.0, currency_id=currency.id)
        # 2 EUR = 1 company currency unit in the test rates.
        self.assertAlmostEqual(self._values()["secured"], 200.0)

    def test_query_count_does_not_depend_on_partner_count(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Secured {i}", "is_company": True, "credit_limit": 500.0} for i in range(6)]
        )
        for partner in partners:
            self._invoice(100.0, partner=partner)
            self._security(30.0, partner=partner)
        self.env.flush_all()

        def count(records):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            result = records._credit_exposure()
            return self.cr.sql_log_count - before, result

        count(partners)
        queries_one, _ = count(partners[:1])
        queries_all, result = count(partners)
        self.assertEqual(queries_one, queries_all)
        self.assertTrue(all(values["exposure"] == 70.0 for values in result.values()))

    # ------------------------------------------------------------------ workflow and rights
    def test_analyst_cannot_approve(self):
        security = self._security(300.0, approve=False)
        security.with_user(self.analyst).action_submit()
        with self.assertRaisesRegex(AccessError, "Credit Manager"):
            security.with_user(self.analyst).action_approve()
        self.assertEqual(security.state, "submitted")

    def test_state_cannot_be_written_directly(self):
        security = self._security(300.0, approve=False)
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            security.with_user(self.manager).write({"state": "approved"})
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            security.with_user(self.manager).write({"approver_id": self.manager.id})
        self.assertEqual(security.state, "draft")
        self.assertAlmostEqual(self._values()["secured"], 0.0)

    def test_submit_needs_documents(self):
        security = self._security(300.0, approve=False)
        security.attachment_ids = [(5, 0, 0)]
        with self.assertRaisesRegex(UserError, "Attach the documents"):
            security.with_user(self.analyst).action_submit()

    def test_amount_locked_once_submitted(self):
        security = self._security(300.0)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            security.with_user(self.manager).write({"amount": 3000.0})

    def test_security_is_for_the_commercial_partner(self):
        with self.assertRaisesRegex(ValidationError, "not of its contact"):
            self._security(300.0, approve=False, partner=self.contact)

    def test_salesman_reads_but_cannot_create(self):
        security = self._security(300.0)
        self.assertEqual(security.with_user(self.salesman).secured_amount, 300.0)
        with self.assertRaisesRegex(AccessError, "credit.security"):
            self.env["credit.security"].with_user(self.salesman).create(
                {"partner_id": self.customer.id, "amount": 10.0}
            )

    # ------------------------------------------------------------------ expiry
    def test_activity_before_expiry_once(self):
        self.company.credit_security_expiry_notice_days = 15
        soon = self._security(300.0, date_end=self.today + timedelta(days=10))
        later = self._security(300.0, date_end=self.today + timedelta(days=40))
        Security = self.env["credit.security"]
        activity_type = self.env.ref("credit_management.mail_activity_type_security_expiry")
        Security._cron_security_expiry()
        Security._cron_security_expiry()
        self.assertEqual(
            len(soon.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)), 1
        )
        self.assertFalse(later.activity_ids)

    def test_expiry_checks_orders_against_net_exposure_without_it(self):
        security = self._security(500.0, date_end=self.today + timedelta(days=2))
        order = self._order(1200.0)
        order.action_confirm()
        self.assertEqual(order.state, "sale", "1200 gross - 500 secured = 700: passes")
        with freeze_time(self.today + timedelta(days=3)):
            self.env["credit.security"]._cron_security_expiry()
            self.assertEqual(security.state, "expired")
            self.assertAlmostEqual(self._values()["secured"], 0.0)
            activity_type = self.env.ref("credit_management.mail_activity_type_security_expiry")
            activity = order.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            self.assertEqual(len(activity), 1)
            self.assertIn("no longer counts", activity.note)
            self.assertIn("Credit limit exceeded", activity.note)
            self.assertTrue(activity.user_id.has_group("credit_management.group_credit_manager"))
            following = self._order(10.0)
            following.action_confirm()
            self.assertTrue(following.credit_hold)

    def test_hold_decision_query_count_unchanged_by_securities(self):
        """The securities are read in the statement of the draft invoices: the hold decision of
        one order costs the same number of queries with or without them (goal P1: <= 8)."""
        self._invoice(900.0)
        order = self._order(50.0)

        def count():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            order._credit_check()
            return self.cr.sql_log_count - before

        count()  # warm the registry caches
        without = count()
        self._security(300.0)
        self._security(100.0, security_type="deposit")
        count()
        self.assertEqual(count(), without)
