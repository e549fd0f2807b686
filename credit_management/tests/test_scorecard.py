# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from .common import CreditGradeCommon


@tagged("post_install", "-at_install")
class TestCreditScorecard(CreditGradeCommon):
    def test_weights_must_sum_to_100(self):
        with self.assertRaises(ValidationError):
            self.env["credit.scorecard"].create(
                {
                    "name": "Bad",
                    "company_id": self.company.id,
                    "criterion_ids": [
                        Command.create({"name": "One", "weight": 50, "kind": "qualitative"}),
                        Command.create({"name": "Two", "weight": 40, "kind": "qualitative"}),
                    ],
                }
            )
        with self.assertRaises(ValidationError):
            self.scorecard.criterion_ids[0].weight = 59
        with self.assertRaises(ValidationError):
            self.scorecard.criterion_ids[0].unlink()
        with self.assertRaises(ValidationError):
            self.scorecard.write(
                {"criterion_ids": [Command.create({"name": "Extra", "weight": 5})]}
            )
        self.assertEqual(self.scorecard.total_weight, 100)
        # a consistent change of several weights at once is accepted
        first, second = self.scorecard.criterion_ids.sorted("id")
        self.scorecard.write(
            {
                "criterion_ids": [
                    Command.update(first.id, {"weight": 50}),
                    Command.update(second.id, {"weight": 50}),
                ]
            }
        )
        self.assertEqual(self.scorecard.total_weight, 100)

    def test_quantitative_criterion_needs_source(self):
        with self.assertRaises(ValidationError):
            self.scorecard.criterion_ids[0].kind = "quantitative"

    def test_band_scoring(self):
        criterion = self.env["credit.scorecard.criterion"].create(
            {
                "scorecard_id": self.scorecard.id,
                "name": "Days late",
                "weight": 0,
                "kind": "quantitative",
                "source": "average_days_late",
                "band_ids": [
                    Command.create({"value_from": 0, "score": 100}),
                    Command.create({"value_from": 1, "score": 80}),
                    Command.create({"value_from": 30, "score": 20}),
                ],
            }
        )
        self.assertEqual(criterion._score_value(0), 100)
        self.assertEqual(criterion._score_value(0.5), 100)
        self.assertEqual(criterion._score_value(1), 80)
        self.assertEqual(criterion._score_value(29.9), 80)
        self.assertEqual(criterion._score_value(30), 20)
        self.assertEqual(criterion._score_value(365), 20)
        with self.assertRaises(ValidationError):
            criterion.band_ids[0].score = 120


@tagged("post_install", "-at_install")
class TestCreditPaymentHistory(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id |= cls.env.ref("credit_management.group_credit_manager")
        cls.today = fields.Date.today()

    def _invoice(self, partner, invoice_date, due_days, amount=1000.0):
        term = self.env["account.payment.term"].create(
            {
                "name": f"{due_days} days",
                "line_ids": [
                    Command.create({"value": "percent", "value_amount": 100, "nb_days": due_days})
                ],
            }
        )
        invoice = self.init_invoice(
            "out_invoice",
            partner=partner,
            invoice_date=invoice_date,
            amounts=[amount],
            post=False,
        )
        invoice.invoice_payment_term_id = term
        invoice.action_post()
        return invoice

    def _pay(self, invoice, payment_date):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"payment_date": payment_date})._create_payments()

    def test_on_time_percent_and_average_days_late(self):
        start = self.today - relativedelta(years=2)
        on_time = self._invoice(self.partner_a, start, 30)
        self._pay(on_time, start + relativedelta(days=20))
        late = self._invoice(self.partner_a, start + relativedelta(months=1), 30)
        self._pay(late, late.invoice_date_due + relativedelta(days=10))
        very_late = self._invoice(self.partner_a, start + relativedelta(months=2), 30)
        self._pay(very_late, very_late.invoice_date_due + relativedelta(days=20))
        self._invoice(self.partner_a, self.today, 30)  # open: not in the payment figures
        contact = self.env["res.partner"].create(
            {"name": "Accounting dept", "parent_id": self.partner_a.id, "type": "invoice"}
        )
        from_contact = self._invoice(contact, start + relativedelta(months=3), 30)
        self._pay(from_contact, from_contact.invoice_date_due)  # on the due date: on time

        history = (self.partner_a | self.partner_b)._credit_payment_history()
        figures = history[self.partner_a.id]
        self.assertEqual(figures["paid_invoice_count"], 4)
        self.assertEqual(figures["on_time_payment_percent"], 50.0)
        self.assertEqual(figures["average_days_late"], 7.5)  # (0 + 10 + 20 + 0) / 4
        self.assertAlmostEqual(figures["years_trading"], 2.0, delta=0.01)
        self.assertEqual(
            history[self.partner_b.id],
            {
                "years_trading": 0.0,
                "on_time_payment_percent": 0.0,
                "average_days_late": 0.0,
                "paid_invoice_count": 0,
            },
        )

    def test_application_prefills_measured_values(self):
        start = self.today - relativedelta(years=3)
        invoice = self._invoice(self.partner_a, start, 30)
        self._pay(invoice, invoice.invoice_date_due + relativedelta(days=15))
        scorecard = self.env["credit.scorecard"].create(
            {
                "name": "Measured",
                "company_id": self.env.company.id,
                "criterion_ids": [
                    Command.create(
                        {
                            "name": "Years",
                            "weight": 50,
                            "kind": "quantitative",
                            "source": "years_trading",
                            "band_ids": [
                                Command.create({"value_from": 0, "score": 10}),
                                Command.create({"value_from": 3, "score": 90}),
                            ],
                        }
                    ),
                    Command.create(
                        {
                            "name": "Days late",
                            "weight": 50,
                            "kind": "quantitative",
                            "source": "average_days_late",
                            "band_ids": [
                                Command.create({"value_from": 0, "score": 100}),
                                Command.create({"value_from": 10, "score": 40}),
                            ],
                        }
                    ),
                ],
            }
        )
        app = self.env["credit.application"].create(
            {"partner_id": self.partner_a.id, "scorecard_id": scorecard.id, "requested_limit": 1}
        )
        values = {line.source: (line.value, line.score) for line in app.line_ids}
        self.assertAlmostEqual(values["years_trading"][0], 3.0, delta=0.01)
        self.assertEqual(values["years_trading"][1], 90)
        self.assertEqual(values["average_days_late"], (15.0, 40))
        self.assertEqual(app.total_score, 65.0)
