# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CreditWarningCommon


@tagged("post_install", "-at_install")
class TestCreditWarningEvaluation(CreditWarningCommon):
    """The daily evaluation opens one warning per customer and indicator, updates it, and closes
    it when the signal clears."""

    def test_overdue_days_opens_one_warning_with_activity(self):
        indicator = self._indicator("overdue_days", {"C": 30, "none": 60})
        self._invoice_due(500.0, invoice_days_ago=45, due_days_ago=40)
        stats = self._evaluate()
        warning = self._warnings(self.customer, indicator)
        self.assertEqual(stats["opened"], 1)
        self.assertRecordValues(
            warning,
            [
                {
                    "state": "watch",
                    "value": 40.0,
                    "value_last": 40.0,
                    "threshold": 30.0,
                    "grade": "C",
                    "severity": "medium",
                    "user_id": self.analyst.id,
                    "signal_active": True,
                    "date_open": self.today,
                }
            ],
        )
        activity_type = self.env.ref("credit_management.mail_activity_type_credit_warning")
        self.assertEqual(warning.activity_ids.activity_type_id, activity_type)
        self.assertEqual(warning.activity_ids.user_id, self.analyst)
        self.assertIn("40 days", warning.summary)

    def test_second_run_opens_no_duplicate(self):
        indicator = self._indicator("overdue_days", {"C": 30})
        self._invoice_due(500.0, invoice_days_ago=45, due_days_ago=40)
        self._evaluate()
        stats = self._evaluate()
        self.assertEqual(stats["opened"], 0)
        self.assertEqual(len(self._warnings(self.customer, indicator)), 1)

    def test_threshold_of_the_customer_grade_applies(self):
        indicator = self._indicator("overdue_days", {"A": 90, "D": 10})
        good = self._customer("Grade A customer", grade="A")
        poor = self._customer("Grade D customer", grade="D")
        ungraded = self._customer("Ungraded customer")
        for partner in good | poor | ungraded:
            self._invoice_due(100.0, partner=partner, invoice_days_ago=40, due_days_ago=40)
        self._evaluate()
        self.assertFalse(self._warnings(good, indicator), "40 days < 90 days of grade A")
        self.assertTrue(self._warnings(poor, indicator), "40 days >= 10 days of grade D")
        self.assertFalse(
            self._warnings(ungraded, indicator), "no threshold for ungraded customers: not watched"
        )

    def test_warning_closes_itself_when_the_signal_clears(self):
        indicator = self._indicator("overdue_days", {"C": 30})
        invoice = self._invoice_due(500.0, invoice_days_ago=45, due_days_ago=40)
        self._evaluate()
        warning = self._warnings(self.customer, indicator)
        self._refund_fully(invoice)
        stats = self._evaluate()
        self.assertEqual(stats["closed"], 1)
        self.assertRecordValues(
            warning,
            [{"state": "closed", "close_reason": "cleared", "signal_active": False}],
        )
        self.assertFalse(warning.activity_ids)
        self.assertIn("cleared", warning.message_ids[0].body)

    def test_signal_back_after_clearing_opens_a_new_warning(self):
        indicator = self._indicator("overdue_days", {"C": 30})
        invoice = self._invoice_due(500.0, invoice_days_ago=45, due_days_ago=40)
        self._evaluate()
        self._refund_fully(invoice)
        self._evaluate()
        self._invoice_due(300.0, invoice_days_ago=35, due_days_ago=35)
        self._evaluate()
        warnings = self._warnings(self.customer, indicator)
        self.assertEqual(len(warnings), 2)
        self.assertEqual(sorted(warnings.mapped("state")), ["closed", "watch"])

    def test_closed_by_hand_stays_closed_while_the_signal_holds(self):
        indicator = self._indicator("overdue_days", {"C": 30})
        self._invoice_due(500.0, invoice_days_ago=45, due_days_ago=40)
        self._evaluate()
        warning = self._warnings(self.customer, indicator)
        warning.close_note = "Customer pays next week, agreed with the sales director."
        warning.action_close()
        stats = self._evaluate()
        self.assertEqual(stats["opened"], 0)
        self.assertEqual(len(self._warnings(self.customer, indicator)), 1)
        self.assertRecordValues(
            warning, [{"state": "closed", "close_reason": "handled", "signal_active": True}]
        )

    def test_archived_indicator_closes_its_warnings(self):
        indicator = self._indicator("overdue_days", {"C": 30})
        self._invoice_due(500.0, invoice_days_ago=45, due_days_ago=40)
        self._evaluate()
        indicator.active = False
        self._evaluate()
        self.assertEqual(self._warnings(self.customer, indicator).state, "closed")

    def test_value_is_updated_at_each_run(self):
        indicator = self._indicator("overdue_days", {"C": 30})
        self._invoice_due(500.0, invoice_days_ago=45, due_days_ago=40)
        self._evaluate()
        warning = self._warnings(self.customer, indicator)
        self._invoice_due(100.0, invoice_days_ago=70, due_days_ago=70)
        self._evaluate()
        self.assertEqual(warning.value, 40.0)
        self.assertEqual(warning.value_last, 70.0)


@tagged("post_install", "-at_install")
class TestCreditWarningIndicators(CreditWarningCommon):
    """Each core indicator measured against a hand-computed value."""

    def test_overdue_rate(self):
        indicator = self._indicator("overdue_rate", {"C": 30})
        self._invoice_due(400.0, invoice_days_ago=20, due_days_ago=10)  # overdue
        self._invoice_due(600.0, invoice_days_ago=5, due_days_ago=-25)  # not due yet
        self._evaluate()
        # 400 overdue / 1000 open = 40 %
        self.assertEqual(self._warnings(self.customer, indicator).value, 40.0)

    def test_usage(self):
        indicator = self._indicator("usage", {"C": 90})
        self._invoice_due(950.0, invoice_days_ago=1, due_days_ago=-30)
        self._evaluate()
        # exposure 950 / limit 1000
        self.assertEqual(self._warnings(self.customer, indicator).value, 95.0)

    def test_exposure_growth_from_snapshots(self):
        indicator = self._indicator("exposure_growth", {"C": 50}, lookback_days=30)
        self.env["credit.exposure.snapshot"].sudo().create(
            {
                "date": self.today - timedelta(days=31),
                "company_id": self.company.id,
                "partner_id": self.customer.id,
                "exposure": 400.0,
            }
        )
        self._invoice_due(700.0, invoice_days_ago=1, due_days_ago=-30)
        self._evaluate()
        # (700 - 400) / 400 = 75 %
        self.assertEqual(self._warnings(self.customer, indicator).value, 75.0)
        snapshot = self.env["credit.exposure.snapshot"].search(
            [("partner_id", "=", self.customer.id), ("date", "=", self.today)]
        )
        self.assertRecordValues(
            snapshot, [{"exposure": 700.0, "receivable": 700.0, "credit_limit": 1000.0}]
        )

    def test_exposure_growth_needs_a_recent_baseline(self):
        indicator = self._indicator("exposure_growth", {"C": 50}, lookback_days=30)
        self.env["credit.exposure.snapshot"].sudo().create(
            {
                "date": self.today - timedelta(days=200),
                "company_id": self.company.id,
                "partner_id": self.customer.id,
                "exposure": 100.0,
            }
        )
        self._invoice_due(700.0, invoice_days_ago=1, due_days_ago=-30)
        self._evaluate()
        self.assertFalse(self._warnings(self.customer, indicator))

    def test_grade_downgrade(self):
        indicator = self._indicator("grade_downgrade", {"D": 1}, lookback_days=90)
        self.customer.credit_grade = "B"
        review = self.env["credit.application"].create(
            {"partner_id": self.customer.id, "application_type": "review"}
        )
        self.assertEqual(review.current_grade, "B")
        review._workflow_write({"state": "approved", "approval_date": self.today})
        self.customer.credit_grade = "D"
        self._evaluate()
        # B -> D: two grade steps
        self.assertEqual(self._warnings(self.customer, indicator).value, 2.0)

    def test_dso_trend(self):
        indicator = self._indicator("dso_trend", {"C": 30}, lookback_days=30)
        self._invoice_due(900.0, invoice_days_ago=100, due_days_ago=70)
        self._invoice_due(300.0, invoice_days_ago=10, due_days_ago=-20)
        self._evaluate()
        # today: 1200 open / 300 invoiced in 90 days * 90 = 360 days;
        # 30 days ago: 900 open / 900 invoiced in the 90 days to then * 90 = 90 days.
        self.assertEqual(self._warnings(self.customer, indicator).value, 270.0)

    def test_manual_signal_opens_and_resolution_closes(self):
        indicator = self._indicator("manual_signal", {"C": 1}, severity="high")
        signal = (
            self.env["credit.warning.signal"]
            .with_user(self.analyst)
            .create({"name": "Sued by a bank", "kind": "lawsuit", "partner_id": self.customer.id})
        )
        self._evaluate()
        warning = self._warnings(self.customer, indicator)
        self.assertEqual(warning.value, 1.0)
        signal.with_user(self.analyst).action_resolve()
        self._evaluate()
        self.assertEqual(warning.state, "closed")

    def test_signal_on_a_contact_is_refused(self):
        with self.assertRaisesRegex(Exception, "not on its contact"):
            self.env["credit.warning.signal"].create(
                {"name": "News", "partner_id": self.contact.id}
            )


@tagged("post_install", "-at_install")
class TestCreditWarningWorkflow(CreditWarningCommon):
    """关注 → 调查 → 处置 → closed, measures traceable from the warning, rights in the model."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.indicator = cls._indicator("overdue_days", {"C": 30}, severity="high")
        cls._invoice_due(500.0, invoice_days_ago=45, due_days_ago=40)
        cls.env["credit.warning"].sudo()._credit_evaluate()
        cls.warning = cls.env["credit.warning"].search([("partner_id", "=", cls.customer.id)])

    def test_investigate_act_close(self):
        warning = self.warning.with_user(self.analyst)
        warning.action_investigate()
        warning.investigation_note = "<p>Called the CFO: cash shortage until March.</p>"
        warning.action_act()
        self.assertEqual(warning.state, "act")
        with self.assertRaisesRegex(UserError, "conclusion"):
            warning.action_close()
        warning.close_note = "Payment plan agreed."
        warning.action_close()
        self.assertRecordValues(
            self.warning,
            [{"state": "closed", "close_reason": "handled", "closed_by_id": self.analyst.id}],
        )

    def test_state_cannot_be_written_directly(self):
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            self.warning.with_user(self.analyst).write({"state": "closed"})
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            self.warning.with_user(self.analyst).write({"value_last": 1.0})
        self.assertEqual(self.warning.state, "watch")

    def test_salesman_cannot_read_warnings_but_sees_the_summary(self):
        with self.assertRaisesRegex(AccessError, "Credit Warning"):
            self.warning.with_user(self.salesman).read(["state"])
        partner = self.customer.with_user(self.salesman)
        self.assertEqual(partner.credit_warning_count, 1)
        self.assertIn(self.warning.name, partner.credit_warning_summary)

    def test_measure_lower_limit_through_a_credit_application(self):
        wizard = Form(
            self.env["credit.warning.measure.wizard"]
            .with_user(self.analyst)
            .with_context(default_warning_id=self.warning.id, default_kind="lower_limit")
        )
        self.assertEqual(wizard.current_limit, 1000.0)
        wizard.new_limit = 400.0
        wizard.note = "Halve the limit until the overdue is paid."
        wizard.save().action_apply()
        measure = self.warning.measure_ids
        self.assertEqual(measure.kind, "lower_limit")
        self.assertRecordValues(
            measure.application_id,
            [{"partner_id": self.customer.id, "requested_limit": 400.0, "state": "draft"}],
        )
        self.assertIn(self.warning.name, measure.application_id.justification)
        self.assertEqual(self.warning.state, "act")
        self.assertEqual(
            self.customer.credit_limit, 1000.0, "only once the application is approved"
        )

    def test_measure_lower_limit_must_be_lower(self):
        wizard = (
            self.env["credit.warning.measure.wizard"]
            .with_user(self.analyst)
            .create({"warning_id": self.warning.id, "kind": "lower_limit", "new_limit": 1500.0})
        )
        with self.assertRaisesRegex(UserError, "lower than the current limit"):
            wizard.action_apply()
        self.assertFalse(self.warning.measure_ids)

    def test_measure_hold_by_a_credit_manager(self):
        wizard = (
            self.env["credit.warning.measure.wizard"]
            .with_user(self.manager)
            .create({"warning_id": self.warning.id, "kind": "hold"})
        )
        wizard.action_apply()
        self.assertTrue(self.customer.credit_hold)
        self.assertIn(self.warning.name, self.customer.credit_hold_reason)
        self.assertEqual(self.warning.measure_ids.kind, "hold")
        self.assertEqual(self.warning.measure_ids._credit_reference_record(), self.customer)

    def test_measure_hold_refused_to_an_analyst(self):
        wizard = (
            self.env["credit.warning.measure.wizard"]
            .with_user(self.analyst)
            .create({"warning_id": self.warning.id, "kind": "hold"})
        )
        with self.assertRaisesRegex(AccessError, "Only credit managers"):
            wizard.action_apply()
        self.assertFalse(self.customer.credit_hold)

    def test_evaluate_now_refused_to_a_salesman(self):
        with self.assertRaisesRegex(AccessError, "credit department"):
            self.env["credit.warning"].with_user(self.salesman).action_evaluate_now()

    def test_evaluate_now_by_an_analyst(self):
        action = self.env["credit.warning"].with_user(self.analyst).action_evaluate_now()
        self.assertEqual(action["params"]["type"], "info")
        self.assertEqual(len(self._warnings(self.customer)), 1)


@tagged("post_install", "-at_install")
class TestCreditWarningHold(CreditWarningCommon):
    """An open warning at the company's hold severity holds new orders; the message names it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.signal_indicator = cls._indicator("manual_signal", {"C": 1}, severity="high")
        cls.env["credit.warning.signal"].create(
            {"name": "Change of ownership", "kind": "ownership", "partner_id": cls.customer.id}
        )
        cls.env["credit.warning"].sudo()._credit_evaluate()
        cls.warning = cls.env["credit.warning"].search([("partner_id", "=", cls.customer.id)])

    def test_high_warning_holds_the_order(self):
        order = self._order(100.0)
        order.with_user(self.salesman).action_confirm()
        self.assertTrue(order.credit_hold)
        self.assertEqual(order.state, "draft")
        self.assertIn(self.warning.name, order.credit_hold_reason)
        self.assertIn("Open credit warning", order.credit_hold_reason)
        self.assertIn(self.warning.name, order.with_user(self.salesman).credit_warning_summary)

    def test_below_hold_severity_does_not_hold(self):
        self.company.credit_warning_hold_severity = "none"
        order = self._order(100.0)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_closed_warning_does_not_hold(self):
        self.warning.close_note = "False alarm: same owner group."
        self.warning.action_close()
        order = self._order(100.0)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")


@tagged("post_install", "-at_install")
class TestCreditWarningSetBased(CreditWarningCommon):
    """The evaluation's query count does not depend on the number of customers."""

    def _run_counted(self):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        stats = self._evaluate()
        return self.env.cr.sql_log_count - before, stats

    def test_query_count_independent_of_customers(self):
        self._indicator("overdue_days", {"C": 30, "none": 30})
        self._indicator("overdue_rate", {"C": 50, "none": 50})
        self._indicator("usage", {"C": 90, "none": 90})
        self._indicator("manual_signal", {"C": 1, "none": 1})
        firsts = [self._customer(f"First customer {index}") for index in range(2)]
        first_invoices = [
            self._invoice_due(100.0, partner=partner, invoice_days_ago=40, due_days_ago=40)
            for partner in firsts
        ]
        self._evaluate()  # warms the caches; two warnings on each first customer

        def grow(count, offset):
            for index in range(count):
                customer = self._customer(f"Customer {offset + index}", limit=100.0)
                self._invoice_due(95.0, partner=customer, invoice_days_ago=40, due_days_ago=40)

        # run 1: one first customer cleared, 2 new customers opened, the other updated
        self._refund_fully(first_invoices[0])
        grow(2, 0)
        small, stats_small = self._run_counted()
        self.assertEqual(stats_small["opened"], 6)  # 2 customers x 3 ledger indicators
        self.assertEqual(stats_small["closed"], 2)
        # run 2: the other first customer cleared, 10 more opened, 2 customers updated
        self._refund_fully(first_invoices[1])
        grow(10, 2)
        big, stats_big = self._run_counted()
        self.assertEqual(stats_big["opened"], 30)
        self.assertEqual(stats_big["closed"], 2)
        self.assertEqual(
            small,
            big,
            "the evaluation must run a constant number of queries whatever the number of "
            "customers and warnings",
        )
