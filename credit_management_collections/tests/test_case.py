# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_cases import CreditCasesReportsCommon


@tagged("post_install", "-at_install")
class TestCollectionCase(CreditCasesReportsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agency = cls.env["res.partner"].create(
            {"name": "华信催收服务有限公司", "is_company": True}
        )
        cls.invoice_1 = cls._invoice(1000.0, cls._days(-130))
        cls.invoice_2 = cls._invoice(500.0, cls._days(-125))
        # paid before the handover: not recovered by the agency
        cls._pay(cls.invoice_1, 100.0, cls._days(-20))

    def _case(self, invoices, kind="agency"):
        form = Form(self.env["credit.collection.case"].with_user(self.clerk))
        form.kind = kind
        form.partner_id = self.partner_a
        for invoice in invoices:
            form.invoice_ids.add(invoice)
        form.agency_partner_id = self.agency
        form.agency_fee_percent = 15.0
        return form.save()

    def test_case_lifecycle_and_recovered_amount(self):
        case = self._case(self.invoice_1 + self.invoice_2)
        self.assertTrue(case.name.startswith("CASE/"))
        self.assertEqual(case.amount_open, 1400.0)
        case.action_submit()
        self.assertEqual(case.state, "review")

        with self.assertRaises(AccessError):
            case.with_user(self.clerk).action_handover()
        self.assertEqual(case.state, "review")

        case.handover_date = self._days(-10)
        case.with_user(self.manager).action_handover()
        self.assertEqual(case.state, "handed_over")
        self.assertEqual(case.reviewer_id, self.manager)
        self.assertEqual(case.handover_date, self._days(-10))
        self.assertEqual(case.amount_handed_over, 1400.0)
        self.assertEqual(case.amount_recovered, 0.0, "the payment before handover does not count")

        self._pay(self.invoice_1, 600.0, self._days(-5))
        self._pay(self.invoice_2, 200.0, self._days(-2))
        case.invalidate_recordset()
        self.assertEqual(case.amount_recovered, 800.0)
        self.assertEqual(case.agency_fee_amount, 120.0)
        self.assertEqual(case.amount_handed_over, 1400.0, "frozen at handover")
        self.assertEqual(case.amount_open, 600.0)

        with self.assertRaises(UserError):
            case.with_user(self.manager).action_close()
        case.outcome = "partial"
        with self.assertRaises(AccessError):
            case.with_user(self.clerk).action_close()
        case.with_user(self.manager).action_close()
        self.assertEqual(case.state, "closed")
        self.assertEqual(case.close_date, self.today)
        self.assertIn("Closed", case.message_ids[0].body)

    def test_recovered_amount_is_computed_for_many_cases_at_once(self):
        case_1 = self._case(self.invoice_1)
        case_2 = self._case(self.invoice_2, kind="legal")
        cases = case_1 + case_2
        cases.action_submit()
        cases.write({"handover_date": self._days(-10)})
        cases.with_user(self.manager).action_handover()
        self._pay(self.invoice_2, 500.0, self._days(-1))
        cases.invalidate_recordset()
        self.assertEqual(case_1.amount_recovered, 0.0)
        self.assertEqual(case_2.amount_recovered, 500.0)

    def test_case_without_invoices_cannot_be_submitted(self):
        case = self._case(self.env["account.move"])
        with self.assertRaises(UserError):
            case.action_submit()
        self.assertEqual(case.state, "draft")

    def test_negative_agency_fee_is_refused(self):
        case = self._case(self.invoice_2)
        with self.assertRaises(ValidationError):
            case.agency_fee_percent = -5.0

    def test_invoice_of_another_customer_is_refused(self):
        other = self._invoice(100.0, self._days(-90), partner=self.partner_b)
        with self.assertRaises(ValidationError):
            self._case(other)

    def test_handover_needs_agency_or_court(self):
        case = self._case(self.invoice_2, kind="legal")
        case.agency_partner_id = False
        case.action_submit()
        with self.assertRaises(UserError):
            case.with_user(self.manager).action_handover()
        case.court = "上海市浦东新区人民法院"
        case.with_user(self.manager).action_handover()
        self.assertEqual(case.state, "handed_over")
        self.assertEqual(case.handover_date, self.today)

    def test_refuse_and_cancel(self):
        case = self._case(self.invoice_2)
        case.action_submit()
        with self.assertRaises(AccessError):
            case.with_user(self.clerk).action_reject()
        case.with_user(self.manager).action_reject()
        self.assertEqual(case.state, "draft")
        case.with_user(self.clerk).action_cancel()
        self.assertEqual(case.state, "cancel")
        with self.assertRaises(UserError):
            case.with_user(self.manager).action_handover()

    def test_handover_letter_lists_the_invoices(self):
        case = self._case(self.invoice_1 + self.invoice_2)
        case.action_submit()
        case.with_user(self.manager).action_handover()
        html, _format = self.env["ir.actions.report"]._render_qweb_html(
            "credit_management_collections.credit_collection_case_report_action", case.ids
        )
        html = html.decode()
        self.assertIn(case.name, html)
        self.assertIn(self.invoice_1.name, html)
        self.assertIn(self.invoice_2.name, html)
        self.assertIn(self.agency.name, html)

    def test_case_created_from_an_agency_communication(self):
        self.env.user.groups_id |= self.env.ref("credit_management.group_credit_manager")
        policy = self.env["credit.followup.policy"].create(
            {
                "name": "Agency ladder",
                "company_id": self.company.id,
                "level_ids": [
                    Command.create({"name": "Agency", "delay_days": 120, "action": "agency"})
                ],
            }
        )
        level = policy.level_ids
        # as the follow-up run creates it (credit.workflow.mixin)
        communication = self.env["credit.followup.communication"]._workflow_create(
            {
                "partner_id": self.partner_a.id,
                "level_id": level.id,
                "user_id": self.clerk.id,
                "line_ids": [
                    Command.create({"move_id": move.id, "level_id": level.id})
                    for move in self.invoice_1 + self.invoice_2
                ],
                "state": "open",
            }
        )
        form = Form(
            self.env["credit.collection.case"]
            .with_user(self.clerk)
            .with_context(
                default_communication_id=communication.id,
                default_partner_id=communication.partner_id.id,
                default_invoice_ids=communication.invoice_ids.ids,
                default_kind="agency",
            )
        )
        form.agency_partner_id = self.agency
        case = form.save()
        self.assertEqual(case.communication_id, communication)
        self.assertEqual(case.invoice_ids, self.invoice_1 + self.invoice_2)
        self.assertEqual(case.partner_id, self.partner_a)
