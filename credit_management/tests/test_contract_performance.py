# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_contract import ContractCommon


@tagged("post_install", "-at_install")
class TestContractPerformance(ContractCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.invoice_policy = "order"

    def _performing(self, amount=10000.0, **vals):
        contract = self._contract(amount=amount, **vals)
        return self._sign(contract)

    def _confirmed_order(self, amount):
        order = self._order(amount, partner=self.buyer)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        return order

    def _invoice_order(self, order, days_ago=0):
        invoice = self.env["sale.order"].browse(order.id)._create_invoices()
        invoice.invoice_date = self.today - timedelta(days=days_ago)
        invoice.invoice_date_due = self.today - timedelta(days=days_ago)
        invoice.action_post()
        return invoice

    def test_figures_from_orders_deliveries_invoices_and_payments(self):
        contract = self._performing()
        first = self._confirmed_order(6000)
        second = self._confirmed_order(4000)
        self.assertEqual(first.credit_contract_id, contract)
        self.env["sale.order.line"].browse(first.order_line.ids).qty_delivered = 1
        invoice = self._invoice_order(first)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 2000})._create_payments()
        self.assertEqual(invoice.credit_contract_id, contract)
        contract.invalidate_recordset()
        self.assertEqual(contract.amount_ordered, 10000)
        self.assertEqual(contract.amount_delivered, 6000)
        self.assertEqual(contract.amount_invoiced, 6000)
        self.assertEqual(contract.amount_paid, 2000)
        self.assertEqual(contract.amount_overdue, 0)
        self.assertEqual(contract.performance_percent, 60.0)
        self.assertFalse(contract.performance_lag)
        self.assertEqual(contract.sale_order_count, 2)
        self.assertEqual(contract.invoice_count, 1)
        self.assertIn(second, contract.sale_order_ids)

    def test_lagging_performance_gives_the_handler_one_activity(self):
        contract = self._performing()
        order = self._confirmed_order(6000)
        self._invoice_order(order, days_ago=10)
        contract.invalidate_recordset()
        self.assertEqual(contract.amount_overdue, 6000)
        self.assertTrue(contract.performance_lag)
        self.assertIn(
            contract, self.env["credit.contract"].search([("performance_lag", "=", True)])
        )
        activity_type = self.env.ref("credit_management.mail_activity_type_contract_performance")
        self.env["credit.contract"]._cron_contract_daily()
        self.env["credit.contract"]._cron_contract_daily()
        activities = contract.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.salesman)
        self.assertIn("overdue", str(activities.note))

    def test_past_its_end_without_being_performed_lags(self):
        contract = self._performing(
            date_start=self.today - timedelta(days=20), date_end=self.today - timedelta(days=1)
        )
        contract.invalidate_recordset()
        self.assertTrue(contract.performance_lag)

    def test_clerk_chases_the_handler(self):
        contract = self._performing()
        with self.assertRaisesRegex(AccessError, "Credit User"):
            contract.with_user(self.salesman).action_chase_performance()
        contract.with_user(self.clerk).action_chase_performance()
        activity_type = self.env.ref("credit_management.mail_activity_type_contract_performance")
        self.assertEqual(
            contract.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).user_id,
            self.salesman,
        )

    def test_performance_queries_do_not_grow_with_the_contracts(self):
        contracts = self.env["credit.contract"]
        for _i in range(6):
            contracts |= self._performing(amount=1000.0)
        self._confirmed_order(300)

        def count_queries(records):
            records.invalidate_recordset()
            before = self.env.cr.sql_log_count
            records._performance_figures()
            return self.env.cr.sql_log_count - before

        count_queries(contracts[:2])
        self.assertEqual(count_queries(contracts[:2]), count_queries(contracts))

    def test_reconciliation_freezes_the_ledger_figures(self):
        contract = self._performing()
        self._invoice_order(self._confirmed_order(6000))
        reconciliation = (
            self.env["credit.contract.reconciliation"]
            .with_user(self.clerk)
            .create(
                {
                    "contract_id": contract.id,
                    "salesperson_id": self.salesman.id,
                    "period_from": self.today - timedelta(days=30),
                    "period_to": self.today,
                    "salesperson_open": 5000.0,
                }
            )
        )
        with self.assertRaisesRegex(AccessError, "Only the credit department confirms"):
            reconciliation.with_user(self.salesman).action_confirm()
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            reconciliation.with_user(self.clerk).write({"amount_open": 1.0})
        reconciliation.action_confirm()
        self.assertEqual(reconciliation.state, "done")
        self.assertEqual(reconciliation.amount_invoiced, 6000)
        self.assertEqual(reconciliation.amount_open, 6000)
        self.assertEqual(reconciliation.difference, -1000)
        with self.assertRaisesRegex(UserError, "confirmed reconciliation"):
            reconciliation.with_user(self.clerk).write({"note": "changed"})
        with self.assertRefused(ValidationError, "Period To"):
            reconciliation.copy({"period_to": self.today - timedelta(days=60)})
