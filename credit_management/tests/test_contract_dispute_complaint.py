# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_contract import ContractCommon


@tagged("post_install", "-at_install")
class TestContractDispute(ContractCommon):
    def _dispute(self, contract, user=None, **vals):
        return (
            self.env["credit.contract.dispute"]
            .with_user(user or self.clerk)
            .create(dict({"contract_id": contract.id, "subject": "Late delivery"}, **vals))
        )

    def test_dispute_escalates_stage_by_stage_and_closes_with_its_outcome(self):
        contract = self._sign(self._contract())
        with self.assertRaisesRegex(AccessError, "Only the credit department handles"):
            self._dispute(contract, user=self.salesman)
        dispute = self._dispute(contract, amount_disputed=12000.0)
        self.assertTrue(dispute.name.startswith("JF/"))
        self.assertTrue(contract.has_dispute)
        self.assertEqual(dispute.state, "negotiation")
        for stage in ("mediation", "arbitration", "litigation"):
            dispute.action_escalate()
            self.assertEqual(dispute.state, stage)
            self.assertEqual(dispute[f"date_{stage}"], self.today)
        with self.assertRaisesRegex(UserError, "this step is not possible"):
            dispute.action_escalate()
        with self.assertRaisesRegex(UserError, "Outcome"):
            dispute.action_close()
        dispute.write({"outcome": "won", "outcome_amount": 10000.0})
        dispute.action_close()
        self.assertEqual(dispute.state, "closed")
        self.assertEqual(dispute.date_closed, self.today)
        with self.assertRaisesRegex(UserError, "closed dispute"):
            dispute.write({"outcome": "lost"})
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            dispute.write({"state": "negotiation"})
        # the handler reads the disputes of his contracts
        self.assertEqual(dispute.with_user(self.salesman).outcome, "won")

    def test_amount_in_dispute_cannot_be_negative(self):
        contract = self._sign(self._contract())
        with self.assertRefused(ValidationError, "Amount in Dispute"):
            self._dispute(contract, amount_disputed=-1.0)


@tagged("post_install", "-at_install")
class TestCreditComplaint(ContractCommon):
    def _held_order(self):
        order = self._order(6000, partner=self.buyer)
        order.action_confirm()
        self.assertTrue(order.credit_hold)
        return order

    def _file(self, order, description="Customer pays cash on delivery."):
        action = order.with_user(self.salesman).action_credit_file_complaint()
        form = Form(
            self.env["credit.complaint"].with_user(self.salesman).with_context(**action["context"])
        )
        form.description = description
        return form.save()

    def test_salesperson_files_a_complaint_from_a_held_order(self):
        self.buyer.credit_analyst_id = self.clerk
        order = self._held_order()
        complaint = self._file(order)
        self.assertTrue(complaint.name.startswith("XF/"))
        self.assertEqual(complaint.order_id, order)
        self.assertEqual(complaint.partner_id, self.buyer)
        self.assertEqual(complaint.subject, "hold")
        self.assertEqual(complaint.filed_by_id, self.salesman)
        self.assertEqual(complaint.assigned_id, self.clerk)
        self.assertEqual(complaint.activity_ids.user_id, self.clerk)
        self.assertEqual(order.credit_complaint_count, 1)
        with self.assertRaisesRegex(AccessError, "Only the credit department answers"):
            complaint.with_user(self.salesman).write({"answer": "Self-service"})
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            complaint.with_user(self.salesman).write({"date_filed": "2020-01-01 00:00:00"})
        with self.assertRaisesRegex(UserError, "Answer"):
            complaint.with_user(self.clerk).action_answer()
        complaint.with_user(self.clerk).answer = "Sign the framework contract first."
        complaint.with_user(self.clerk).action_answer()
        self.assertEqual(complaint.state, "answered")
        self.assertEqual(complaint.answered_by_id, self.clerk)
        self.assertTrue(complaint.answered_on_time)
        self.assertFalse(complaint.activity_ids)
        complaint.with_user(self.salesman).action_close()
        self.assertEqual(complaint.state, "closed")

    def test_late_answers_are_measured(self):
        complaint = self._file(self._held_order())
        later = fields.Datetime.now() + timedelta(days=5)
        with patch.object(fields.Datetime, "now", return_value=later):
            complaint.with_user(self.clerk).write({"answer": "Late."})
            complaint.with_user(self.clerk).action_answer()
        self.assertGreater(complaint.response_days, 4.9)
        self.assertFalse(complaint.answered_on_time)

    def test_complaints_count_in_the_weekly_hold_report(self):
        leader = self.manager
        team = self.env["crm.team"].create(
            {"name": "Steel team", "user_id": leader.id, "company_id": self.company.id}
        )
        order = self._order(6000, partner=self.buyer)
        order.team_id = team
        order.action_confirm()
        self._file(order)
        self.assertEqual(team._credit_complaint_figures()[team.id], {"week": 1, "open": 1})
        self.env["crm.team"]._cron_send_credit_hold_report()
        mail = self.env["mail.mail"].search([("model", "=", "crm.team"), ("res_id", "=", team.id)])
        self.assertEqual(len(mail), 1)
        self.assertIn("1 filed this week", " ".join(str(mail.body_html).split()))
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "credit_management.report_credit_hold", order.ids
            )[0]
        )
        self.assertIn("still waiting for an answer", html)

    def test_clerk_records_a_customer_complaint(self):
        complaint = (
            self.env["credit.complaint"]
            .with_user(self.clerk)
            .create(
                {
                    "partner_id": self.buyer.id,
                    "subject": "limit",
                    "channel": "customer",
                    "description": "The limit is too low for the season.",
                    "assigned_id": self.clerk.id,
                }
            )
        )
        self.assertEqual(complaint.state, "new")
        with self.assertRaisesRegex(AccessError, "not allowed to access|top-secret"):
            complaint.with_user(self.salesman).read(["description"])
