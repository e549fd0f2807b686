# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from pathlib import Path
from unittest.mock import patch

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged

from .common import CreditCommon, CreditGradeCommon

NOTIFY_LOGGER = "odoo.addons.credit_management.models.mail_thread"


def mail_down(model):
    """Every chatter message and activity of ``model`` fails (template error, mail server...)."""
    cls = type(model)
    return patch.multiple(
        cls,
        message_post=lambda *a, **k: (_ for _ in ()).throw(RuntimeError("mail down")),
        activity_schedule=lambda *a, **k: (_ for _ in ()).throw(RuntimeError("mail down")),
    )


@tagged("post_install", "-at_install")
class TestHoldNotifications(CreditCommon):
    """A hold, a release and a rejection are saved whatever happens to the message or activity
    telling about them: users without an e-mail address, a failing notification."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.salesman | cls.manager).partner_id.email = False
        # their notifications are sent from their name at the company's address
        cls.company.email = "credit@example.com"

    def _held_order(self):
        order = self._order(1500.0)
        result = order.with_user(self.salesman).action_confirm()
        self.assertEqual(result["tag"], "display_notification")
        self.assertTrue(order.credit_hold)
        self.assertEqual(order.state, "draft")
        self.assertIn("Credit limit exceeded", order.credit_hold_reason)
        return order

    def test_salesperson_without_email_gets_a_saved_hold(self):
        order = self._held_order()
        note = order.message_ids.filtered(lambda m: "Order held by credit control" in m.body)
        self.assertEqual(note.author_id, self.salesman.partner_id, "the salesperson held it")
        self.assertIn("<credit@example.com>", note.email_from)
        self.assertEqual(
            order.activity_ids.activity_type_id,
            self.env.ref("credit_management.mail_activity_type_credit_hold"),
        )

    def test_manager_without_email_releases_and_rejects(self):
        order = self._held_order()
        order.with_user(self.manager).action_credit_release()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.credit_release_user_id, self.manager)
        self.assertTrue(order.message_ids.filtered(lambda m: "released by" in m.body))
        other = self._held_order()
        other.with_user(self.manager)._credit_reject("No guarantee")
        self.assertEqual(other.credit_reject_reason, "No guarantee")
        self.assertEqual(
            other.activity_ids.user_id, self.salesman, "the salesperson is told to follow up"
        )

    def test_failing_notification_is_logged_and_the_hold_kept(self):
        with (
            mail_down(self.env["sale.order"]),
            self.assertLogs(NOTIFY_LOGGER, "WARNING") as logs,
        ):
            order = self._held_order()
        self.assertIn("the decision is saved", logs.output[0])
        self.assertFalse(order.activity_ids)
        with mail_down(self.env["sale.order"]), self.assertLogs(NOTIFY_LOGGER, "WARNING"):
            order.with_user(self.manager).action_credit_release()
        self.assertEqual(order.state, "sale")


@tagged("post_install", "-at_install")
class TestApplicationNotifications(CreditGradeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.email = "credit@example.com"

    def test_application_decided_by_users_without_email(self):
        (self.analyst | self.manager).partner_id.email = False
        app = self._new_application([80, 80])
        app.with_user(self.analyst).action_submit()
        self.assertEqual(app.state, "submitted")
        with mail_down(self.env["credit.application"]), self.assertLogs(NOTIFY_LOGGER, "WARNING"):
            app.with_user(self.manager).action_approve()
        self.assertEqual(app.state, "approved")
        self.assertEqual(self._limit(self.customer), app.approved_limit)

    def test_refusal_by_manager_without_email(self):
        self.manager.partner_id.email = False
        app = self._new_application([40, 40])
        app.with_user(self.analyst).action_submit()
        app.with_user(self.manager).refuse_reason = "Too risky"
        app.with_user(self.manager).action_refuse()
        self.assertEqual(app.state, "refused")


@tagged("post_install", "-at_install")
class TestNotificationsHaveOneHome(TransactionCase):
    DIRECT = re.compile(r"\.(message_post|message_notify|activity_schedule)\(")

    def test_modules_notify_through_the_helper(self):
        """Chatter messages and activities of the suite go through ``_credit_message_post`` /
        ``_credit_activity_schedule`` (mail_thread.py): a direct call raises for a user without
        e-mail address and rolls back the decision it reports."""
        offenders = []
        modules = self.env["ir.module.module"].search(
            [("name", "=like", "credit_management%"), ("state", "=", "installed")]
        )
        for module in modules.mapped("name"):
            root = Path(get_module_path(module))
            for path in sorted(root.rglob("*.py")):
                if "tests" in path.parts or path.name == "mail_thread.py":
                    continue
                for number, line in enumerate(path.read_text().splitlines(), 1):
                    if self.DIRECT.search(line):
                        offenders.append(f"{path.relative_to(root.parent)}:{number}")
        self.assertFalse(offenders, "direct notification calls")
