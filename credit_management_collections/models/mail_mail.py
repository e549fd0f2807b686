# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields, models


class MailMail(models.Model):
    """Reminder e-mails get their PDF statement when the mail queue sends them, rendered in
    batches: never one wkhtmltopdf process per e-mail inside the follow-up run."""

    _inherit = "mail.mail"

    credit_statement_communication_id = fields.Many2one(
        "credit.followup.communication",
        string="Statement to Attach",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
        help="Follow-up communication whose PDF statement is attached to this e-mail when it is "
        "sent.",
    )

    def send(self, auto_commit=False, raise_exception=False, post_send_callback=None):
        self._credit_attach_statements()
        return super().send(
            auto_commit=auto_commit,
            raise_exception=raise_exception,
            post_send_callback=post_send_callback,
        )

    def _credit_attach_statements(self):
        """Render the statements still missing on these e-mails, in batches, and attach them."""
        # sudo: the mail queue (or whoever sends) renders the statement of the e-mail it sends and
        # attaches it; the statement shows the communication's own lines to its own recipient
        pending = self.sudo().filtered(
            lambda mail: mail.credit_statement_communication_id and mail.state == "outgoing"
        )
        if not pending:
            return
        communications = pending.credit_statement_communication_id
        attachments, failed = communications._followup_statement_attachments()
        # Not sent without the statement it announces: failed, in the customer's chatter (the
        # red envelope), still linked to its statement for the resend; said in the language of
        # the collector who resends it (the mail queue runs without one).
        unsent = pending.filtered(lambda mail: mail.credit_statement_communication_id in failed)
        for lang, mails in unsent.grouped(
            lambda mail: (
                mail.credit_statement_communication_id.user_id.lang
                or mail.credit_statement_communication_id.company_id.partner_id.lang
            )
        ).items():
            reason = mails.with_context(lang=lang).env._(
                "The statement of this reminder could not be rendered (see the server log); the "
                "e-mail was not sent."
            )
            mails.write({"state": "exception", "failure_type": "unknown", "failure_reason": reason})
            mails._postprocess_sent_message(
                success_pids=[], failure_reason=reason, failure_type="unknown"
            )
        for mail in pending - unsent:
            attachment = attachments.get(mail.credit_statement_communication_id.id)
            values = {"credit_statement_communication_id": False}
            if attachment:
                values["attachment_ids"] = [Command.link(attachment.id)]
            mail.write(values)
