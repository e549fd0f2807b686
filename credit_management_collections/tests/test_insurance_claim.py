# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common_cases import CreditCasesReportsCommon


@tagged("post_install", "-at_install")
class TestInsuranceClaim(CreditCasesReportsCommon):
    """A bad debt of an insured customer is claimed from the insurer: filed, then recovered."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id |= cls.env.ref("credit_management.group_credit_manager")
        cls.insurer = cls.env["res.partner"].create({"name": "Sinosure test", "is_company": True})
        cls.policy = cls.env["credit.security"].create(
            {
                "partner_id": cls.partner_a.id,
                "security_type": "insurance",
                "issuer_id": cls.insurer.id,
                "amount": 5000.0,
                "cover_percent": 90.0,
                "insurer_limit": 600.0,
                "date_start": cls._days(-400),
                "date_end": cls._days(-10),
                "attachment_ids": [
                    (0, 0, {"name": "policy.txt", "raw": b"policy"}),
                ],
            }
        )
        cls.policy.action_submit()
        cls.policy.action_approve()
        cls.invoice = cls._invoice(1000.0, cls._days(-200))

    def _posted_writeoff(self):
        form = Form(self.env["credit.writeoff"].with_user(self.clerk))
        form.partner_id = self.partner_a
        form.invoice_ids.add(self.invoice)
        form.reason = "Customer bankrupt (破产)"
        writeoff = form.save()
        writeoff.action_submit()
        writeoff.with_user(self.manager).action_approve()
        return writeoff

    def test_claim_filed_and_recovered_from_the_writeoff(self):
        writeoff = self._posted_writeoff()
        self.assertEqual(
            writeoff.insurance_security_id, self.policy, "valid on the invoice's due date"
        )
        action = writeoff.with_user(self.clerk).action_create_insurance_claim()
        claim = self.env["credit.insurance.claim"].browse(action["res_id"])
        # 1000 x 90 % = 900, capped by the insurer's 600 limit on the customer
        self.assertEqual(claim.amount_claimed, 600.0)
        self.assertEqual(claim.insurer_id, self.insurer)
        claim.with_user(self.clerk).action_file()
        self.assertEqual(claim.state, "filed")
        self.assertEqual(claim.filed_by_id, self.clerk)
        self.assertTrue(claim.date_filed)
        claim.with_user(self.clerk).amount_recovered = 550.0
        with self.assertRaisesRegex(AccessError, "Credit Manager"):
            claim.with_user(self.clerk).action_settle()
        claim.with_user(self.manager).action_settle()
        self.assertEqual(claim.state, "settled")
        self.assertEqual(writeoff.amount_recovered, 550.0)
        with self.assertRaisesRegex(UserError, "is closed"):
            claim.with_user(self.manager).amount_recovered = 900.0

    def test_settle_needs_the_recovered_amount(self):
        claim = self.env["credit.insurance.claim"].browse(
            self._posted_writeoff().action_create_insurance_claim()["res_id"]
        )
        claim.action_file()
        with self.assertRaisesRegex(UserError, "Amount Recovered"):
            claim.with_user(self.manager).action_settle()

    def test_claim_state_not_written_directly(self):
        claim = self.env["credit.insurance.claim"].browse(
            self._posted_writeoff().action_create_insurance_claim()["res_id"]
        )
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            claim.with_user(self.manager).write({"state": "settled"})

    def test_uninsured_writeoff_cannot_be_claimed(self):
        other = self._invoice(100.0, self._days(-5), partner=self.partner_b)
        form = Form(self.env["credit.writeoff"].with_user(self.clerk))
        form.partner_id = self.partner_b
        form.invoice_ids.add(other)
        form.reason = "Gone"
        writeoff = form.save()
        writeoff.action_submit()
        writeoff.with_user(self.manager).action_approve()
        self.assertFalse(writeoff.insurance_security_id)
        with self.assertRaisesRegex(UserError, "insured customer"):
            writeoff.with_user(self.clerk).action_create_insurance_claim()
