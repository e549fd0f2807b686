# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import Form, new_test_user, tagged

from .common import CreditCommon


@tagged("post_install", "-at_install")
class TestCreditExposure(CreditCommon):
    def _components(self, partner=None):
        return (partner or self.customer)._credit_exposure()[self.customer.id]

    def test_posted_invoice_counts_as_receivable(self):
        self._invoice(300.0)
        self._invoice(50.0, move_type="out_refund")
        values = self._components()
        self.assertAlmostEqual(values["receivable"], 250.0)
        self.assertAlmostEqual(values["exposure"], 250.0)
        self.assertAlmostEqual(values["available"], 750.0)
        self.assertAlmostEqual(values["usage_percent"], 25.0)

    def test_draft_invoice_counts_once(self):
        self._invoice(200.0, post=False)
        values = self._components()
        self.assertAlmostEqual(values["draft_invoice"], 200.0)
        self.assertAlmostEqual(values["receivable"], 0.0)
        self.assertAlmostEqual(values["exposure"], 200.0)

    def test_confirmed_order_counts_tax_included(self):
        order = self._order(400.0)
        order.order_line.tax_id = self.tax_sale_a
        quotation = self._order(999.0, partner=self.contact)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertGreater(order.amount_total, 400.0)
        values = self._components()
        self.assertAlmostEqual(values["sale"], order.amount_total)
        self.assertEqual(quotation.state, "draft", "quotations are not exposure")
        self.assertAlmostEqual(values["exposure"], order.amount_total)

    def test_invoicing_an_order_does_not_double_count(self):
        self.customer.sudo().credit_limit = 100000.0
        order = self._order(250.0)
        order.order_line.write({"product_uom_qty": 2, "price_unit": 250.0})
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertAlmostEqual(self._components()["sale"], 500.0)
        # Invoice one of the two units: the draft invoice takes it out of the order component.
        invoice = order._create_invoices()
        with Form(invoice) as form, form.invoice_line_ids.edit(0) as line:
            line.quantity = 1
        values = self._components()
        self.assertAlmostEqual(values["sale"], 250.0)
        self.assertAlmostEqual(values["draft_invoice"], 250.0)
        self.assertAlmostEqual(values["exposure"], 500.0)
        invoice.action_post()
        values = self._components()
        self.assertAlmostEqual(values["sale"], 250.0)
        self.assertAlmostEqual(values["draft_invoice"], 0.0)
        self.assertAlmostEqual(values["receivable"], 250.0)
        self.assertAlmostEqual(values["exposure"], 500.0)
        # Invoice the rest: everything is a receivable now.
        order._create_invoices().action_post()
        values = self._components()
        self.assertAlmostEqual(values["sale"], 0.0)
        self.assertAlmostEqual(values["receivable"], 500.0)
        self.assertAlmostEqual(values["exposure"], 500.0)

    def test_payment_reduces_receivable(self):
        invoice = self._invoice(300.0)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 100.0})._create_payments()
        self.assertAlmostEqual(self._components()["receivable"], 200.0)

    def test_contacts_roll_up_to_commercial_partner(self):
        self._invoice(100.0, partner=self.contact)
        self._invoice(40.0, partner=self.contact, post=False)
        result = self.contact._credit_exposure()
        self.assertEqual(list(result), [self.customer.id])
        self.assertAlmostEqual(result[self.customer.id]["receivable"], 100.0)
        self.assertAlmostEqual(result[self.customer.id]["draft_invoice"], 40.0)
        self.assertAlmostEqual(self.contact.credit_exposure, 140.0)
        self.assertAlmostEqual(self.customer.credit_exposure, 140.0)

    def test_oldest_overdue_days(self):
        self._invoice(10.0, days_ago=12)
        self._invoice(10.0, days_ago=40)
        self._invoice(10.0, days_ago=0)
        self.assertEqual(self._components()["oldest_overdue_days"], 40)
        self.assertEqual(self.customer.credit_oldest_overdue_days, 40)

    def test_oldest_overdue_instalment_counts(self):
        """An invoice is as late as its oldest open instalment, not its last due date."""
        term = self.env["account.payment.term"].create(
            {
                "name": "30 % now, 70 % in 60 days",
                "line_ids": [
                    Command.create({"value": "percent", "value_amount": 30.0, "nb_days": 0}),
                    Command.create({"value": "percent", "value_amount": 70.0, "nb_days": 60}),
                ],
            }
        )
        invoice = self._invoice(100.0, days_ago=40, post=False)
        invoice.invoice_payment_term_id = term
        invoice.action_post()
        self.assertEqual(self._components()["oldest_overdue_days"], 40)

    def test_payment_without_journal_entry_counts_as_paid(self):
        """Money in transit: a payment registered on a journal without outstanding account."""
        invoice = self._invoice(300.0, days_ago=40)
        self.inbound_payment_method_line.payment_account_id = False
        payment = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "amount": 100.0,
                    "journal_id": self.inbound_payment_method_line.journal_id.id,
                    "payment_method_line_id": self.inbound_payment_method_line.id,
                }
            )
            ._create_payments()
        )
        self.assertFalse(payment.move_id)
        values = self._components()
        self.assertAlmostEqual(values["receivable"], 200.0)
        self.assertAlmostEqual(values["receivable_in_transit"], 100.0)
        self.assertEqual(values["oldest_overdue_days"], 40, "200 still overdue")
        payment.action_reject()
        self.assertAlmostEqual(self._components()["receivable"], 300.0)

    def test_extra_amount_is_added(self):
        self._invoice(100.0)
        values = self.customer._credit_exposure({self.customer.id: 250.0})[self.customer.id]
        self.assertAlmostEqual(values["order"], 250.0)
        self.assertAlmostEqual(values["exposure"], 350.0)

    def test_partner_fields_show_components(self):
        self.customer.sudo().credit_limit = 100000.0
        self._invoice(100.0)
        self._invoice(30.0, post=False)
        self._order(70.0).action_confirm()
        customer = self.customer.with_user(self.salesman)
        self.assertAlmostEqual(customer.credit_exposure_receivable, 100.0)
        self.assertAlmostEqual(customer.credit_exposure_draft_invoice, 30.0)
        self.assertAlmostEqual(customer.credit_exposure_sale, 70.0)
        self.assertAlmostEqual(customer.credit_exposure, 200.0)
        self.assertAlmostEqual(customer.credit_available, 99800.0)
        self.assertAlmostEqual(customer.credit_usage_percent, 0.2)
        self.assertEqual(customer.credit_currency_id, self.company.currency_id)

    def test_query_count_does_not_depend_on_partner_count(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Customer {i}", "is_company": True, "credit_limit": 500.0} for i in range(6)]
        )
        for partner in partners:
            self._invoice(10.0, partner=partner)
            self._invoice(5.0, partner=partner, post=False)
        self.env.flush_all()

        def count(records):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            result = records._credit_exposure()
            return self.cr.sql_log_count - before, result

        count(partners)  # warm the caches that do not depend on the partners
        queries_one, _ = count(partners[:1])
        queries_all, result = count(partners)
        self.assertEqual(queries_one, queries_all)
        self.assertEqual(len(result), 6)
        self.assertTrue(all(values["exposure"] == 15.0 for values in result.values()))

    def test_other_company_documents_are_ignored(self):
        self._invoice(100.0)
        other = self.env["res.company"].create({"name": "Other credit company"})
        values = self.customer.with_company(other)._credit_exposure()[self.customer.id]
        self.assertAlmostEqual(values["exposure"], 0.0)
        self.assertAlmostEqual(self._components()["exposure"], 100.0)

    def test_foreign_currency_order_converted(self):
        self.customer.sudo().credit_limit = 100000.0
        currency = self.setup_other_currency("EUR")
        pricelist = self.env["product.pricelist"].create(
            {"name": "EUR", "currency_id": currency.id}
        )
        order = self._order(600.0, pricelist=pricelist)
        self.assertEqual(order.currency_id, currency)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        # 2 EUR = 1 company currency unit in the test rates.
        self.assertAlmostEqual(self._components()["sale"], 300.0)

    def test_customer_list_shows_each_row_its_own_figures(self):
        """The list computes the figures of all its rows at once: each row gets its customer's
        (a contact its company's), whatever the order of the rows."""
        other = self.env["res.partner"].create(
            {"name": "Second customer", "is_company": True, "credit_limit": 50.0}
        )
        self.customer.sudo().credit_limit = 1000.0
        self._invoice(100.0, partner=self.contact, days_ago=40)
        self._invoice(80.0, partner=other)
        self.env.invalidate_all()
        analyst = new_test_user(
            self.env,
            login="cm_list_analyst",
            groups="credit_management.group_credit_user",
            company_id=self.company.id,
        )
        rows = (other | self.contact | self.customer).with_user(analyst)
        figures = rows.read(
            [
                *("credit_exposure", "credit_available", "credit_usage_percent"),
                *("credit_over_limit", "credit_oldest_overdue_days", "credit_currency_id"),
            ]
        )
        self.assertEqual(
            [(row["credit_exposure"], row["credit_available"]) for row in figures],
            [(80.0, -30.0), (100.0, 900.0), (100.0, 900.0)],
        )
        self.assertEqual([row["credit_over_limit"] for row in figures], [True, False, False])
        self.assertEqual([row["credit_usage_percent"] for row in figures], [160.0, 10.0, 10.0])
        self.assertEqual([row["credit_oldest_overdue_days"] for row in figures][1:], [40, 40])
        self.assertEqual(figures[0]["credit_currency_id"][0], self.company.currency_id.id)
        over = self.env["res.partner"].search([("credit_over_limit", "=", True)])
        self.assertIn(other, over)
        self.assertNotIn(self.customer, over)
