# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import FollowupCommon


@tagged("post_install", "-at_install")
class TestFollowupFees(FollowupCommon):
    def test_interest_is_amount_rate_days_over_365(self):
        # 1000 x 12 % x 45 / 365 = 14.79
        self._overdue_invoice(self.partner_a, 45, amount=1000.0)
        self._run()
        comm = self._communications()
        self.assertAlmostEqual(comm.line_ids.interest_amount, 14.79)
        self.assertAlmostEqual(comm.interest_amount, 14.79)
        self.assertAlmostEqual(comm.fee_amount, 15.0)
        self.assertAlmostEqual(comm.amount_total_due, 1000.0 + 14.79 + 15.0)

    def test_interest_summed_over_invoices(self):
        # 500 x 12 % x 40 / 365 = 6.58 ; 2000 x 12 % x 50 / 365 = 32.88
        self._overdue_invoice(self.partner_a, 40, amount=500.0)
        self._overdue_invoice(self.partner_a, 50, amount=2000.0)
        self._run()
        comm = self._communications()
        self.assertEqual(sorted(comm.line_ids.mapped("interest_amount")), [6.58, 32.88])
        self.assertAlmostEqual(comm.interest_amount, 39.46)
        self.assertAlmostEqual(comm.amount_total_due, 2500.0 + 39.46 + 15.0)

    def test_no_interest_without_rate(self):
        self._overdue_invoice(self.partner_a, 10)
        self._run()
        comm = self._communications()
        self.assertEqual(comm.level_id, self.level_1)
        self.assertEqual(comm.interest_amount, 0.0)
        self.assertEqual(comm.amount_total_due, 1000.0)

    def test_fees_invoiced_when_company_opts_in(self):
        product = self.env["product.product"].create(
            {"name": "Dunning fee", "type": "service", "taxes_id": [(5, 0, 0)]}
        )
        self.company.write({"followup_invoice_fees": True, "followup_fee_product_id": product.id})
        invoice = self._overdue_invoice(self.partner_a, 45, amount=1000.0)
        self._run()
        comm = self._communications()
        fee_move = comm.fee_move_id
        self.assertTrue(fee_move)
        self.assertNotEqual(fee_move, invoice)
        self.assertEqual(fee_move.move_type, "out_invoice")
        self.assertEqual(fee_move.state, "draft")
        self.assertEqual(fee_move.partner_id, self.partner_a)
        self.assertEqual(fee_move.invoice_line_ids.product_id, product)
        self.assertEqual(sorted(fee_move.invoice_line_ids.mapped("price_unit")), [14.79, 15.0])
        self.assertAlmostEqual(fee_move.amount_total, 29.79)

    def test_fees_not_invoiced_by_default(self):
        self._overdue_invoice(self.partner_a, 45)
        self._run()
        self.assertFalse(self._communications().fee_move_id)
        self.assertFalse(
            self.env["account.move"].search(
                [("partner_id", "=", self.partner_a.id), ("state", "=", "draft")]
            )
        )
