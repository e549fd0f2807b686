# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from contextlib import contextmanager

from psycopg2 import OperationalError

from odoo import models
from odoo.tools import formataddr

_logger = logging.getLogger(__name__)


class MailThread(models.AbstractModel):
    """Notifications of credit decisions (holds, releases, approvals, state changes).

    A decision is saved first and never depends on its notification: the chatter message, the
    activity or the e-mail that tells people about it. The notification is posted with the user
    as author even when the user has no e-mail address (Odoo refuses to post for such a user
    outside superuser mode), in a savepoint, and when it fails anyway (mail template error, a
    missing activity type, ...) the failure is logged and the decision stays saved.
    """

    _inherit = "mail.thread"

    @contextmanager
    def _credit_notification(self, what):
        """Run the notification code of the ``with`` block; log its failure instead of raising.

        Concurrency errors (serialization failures, lock timeouts) still propagate: Odoo retries
        the whole request, decision included.
        """
        try:
            with self.env.cr.savepoint():
                yield
        except OperationalError:
            raise
        except Exception:  # pylint: disable=broad-except
            _logger.warning(
                "Credit notification failed (%s on %s %s), the decision is saved",
                what,
                self._name,
                self.ids,
                exc_info=True,
            )

    def _message_compute_author(self, author_id=None, email_from=None, raise_on_email=True):
        # A credit notification of a user without e-mail address (or of the cron) is sent from
        # the user's name at the company's address instead of being refused.
        sender = self.env.context.get("credit_notification_sender")
        author_id, email_from = super()._message_compute_author(
            author_id, email_from, raise_on_email=raise_on_email and not sender
        )
        return author_id, email_from or sender

    def _credit_notification_sender(self):
        """Sender address of the current user's notifications: the user's own, else the user's
        name at the company's address (or the server's default sender)."""
        author = self.env.user.partner_id
        if author.email:
            return author.email_formatted
        address = self.env.company.email or self.env["ir.mail_server"]._get_default_from_address()
        return formataddr((author.name, address)) if address else False

    def _credit_notifying(self):
        """``self`` in superuser mode with the sender of the current user's notifications; their
        e-mails go through the mail queue (a slow or failing mail server neither delays nor
        fails the request that decided, the queue logs the failure)."""
        return self.sudo().with_context(
            credit_notification_sender=self._credit_notification_sender(),
            mail_notify_force_send=False,
        )

    def _credit_message_post(self, body, **kwargs):
        """Post ``body`` on each record, authored by the current user; never raises.

        :return: the posted messages
        """
        messages = self.env["mail.message"]
        author = self.env.user.partner_id
        for record in self:
            with record._credit_notification("message"):
                # sudo: the decision is already checked and saved; superuser mode only lifts
                # Odoo's requirement that the author has an e-mail address. The author stays the
                # user who decided.
                messages |= record._credit_notifying().message_post(
                    body=body, author_id=author.id, **kwargs
                )
        return messages.sudo(False)

    def _credit_activity_schedule(self, act_type_xmlid="", **kwargs):
        """Schedule an activity on each record; never raises.

        :return: the scheduled activities
        """
        activities = self.env["mail.activity"]
        for record in self:
            with record._credit_notification("activity"):
                # sudo: the assignee is told of a decision already checked and saved, whoever
                # decided (a salesperson confirming, the cron): the author's e-mail address and
                # the decider's rights on the assignee's activities must not block it.
                activities |= record._credit_notifying().activity_schedule(act_type_xmlid, **kwargs)
        return activities.sudo(False)

    def _credit_activity_feedback(self, activities, feedback):
        """Mark ``activities`` (of ``self``) done with ``feedback``; never raises."""
        with self._credit_notification("activity feedback"):
            # sudo: the activities may be assigned to another user; the decision closes them.
            activities.sudo().with_context(
                credit_notification_sender=self._credit_notification_sender(),
                mail_notify_force_send=False,
            ).action_feedback(feedback=feedback)
