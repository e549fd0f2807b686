# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

OUTCOMES = [
    ("reached", "Reached"),
    ("no_answer", "No Answer"),
    ("promise", "Promise to Pay"),
    ("dispute", "Dispute"),
    ("wrong_contact", "Wrong Contact"),
]
CHANNELS = [
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("visit", "Visit"),
    ("portal", "Customer Portal"),
]


class CreditCollectionContact(models.Model):
    """One contact with a customer about its overdue invoices (催收记录), and its outcome.

    Logged from the collector's worklist or by the customer on the portal. A promise to pay
    (承诺付款) is kept when the promised invoices received the promised amount by the promised date,
    broken otherwise (``_cron_check_promises``): a broken promise puts the customer back on the
    collector's list and counts in the early warnings and the collector's figures.
    """

    _name = "credit.collection.contact"
    _description = "Collection Contact"
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users", string="Collector", default=lambda self: self.env.user, index=True
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    channel = fields.Selection(CHANNELS, default="phone", required=True)
    outcome = fields.Selection(OUTCOMES, required=True)
    invoice_ids = fields.Many2many(
        "account.move",
        "credit_collection_contact_move_rel",
        "contact_id",
        "move_id",
        string="Invoices",
        check_company=True,
    )
    note = fields.Text()
    next_contact_date = fields.Date()
    promise_date = fields.Date(string="Promised Date")
    promise_amount = fields.Monetary(string="Promised Amount")
    promise_residual_start = fields.Monetary(
        help="Open amount of the promised invoices when the promise was made: the promise is kept "
        "when it went down by the promised amount by the promised date."
    )
    promise_state = fields.Selection(
        [("open", "Open"), ("kept", "Kept"), ("broken", "Broken")],
        index="btree_not_null",
        readonly=True,
        copy=False,
    )
    dispute_reason = fields.Char()
    attachment_ids = fields.Many2many(
        "ir.attachment", string="Documents", help="Documents the customer sent with a dispute."
    )

    # ------------------------------------------------------------------ business
    @api.model
    def _promises_broken(self, partner_ids=None, date_from=None, date_to=None, company=None):
        """Broken promises per customer, set-based (one grouped query): the early warnings'
        indicator and the collector's figures read this.

        :return: {commercial_partner_id: count}
        """
        domain = [
            ("promise_state", "=", "broken"),
            ("company_id", "=", (company or self.env.company).id),
        ]
        if partner_ids is not None:
            domain.append(("partner_id", "in", list(partner_ids)))
        if date_from:
            domain.append(("promise_date", ">=", date_from))
        if date_to:
            domain.append(("promise_date", "<=", date_to))
        return {
            partner.id: count
            for partner, count in self._read_group(
                domain, groupby=["partner_id"], aggregates=["__count"]
            )
        }

    @api.model
    def _cron_check_promises(self, today=None):
        """Close the promises whose date has passed: kept when the promised invoices' open amount
        went down by the promised amount, broken otherwise. Set-based: one search, the invoices
        read in one prefetch, one write per outcome. A broken promise puts the customer back on
        its collector's list today.

        :return: the broken promises
        """
        today = today or fields.Date.context_today(self)
        due = self.search([("promise_state", "=", "open"), ("promise_date", "<", today)])
        if not due:
            return due
        due.invoice_ids.fetch(["amount_residual_signed"])
        kept = due.filtered(
            lambda c: (
                c.currency_id.compare_amounts(
                    c.promise_residual_start - sum(c.invoice_ids.mapped("amount_residual_signed")),
                    c.promise_amount,
                )
                >= 0
            )
        )
        broken = due - kept
        kept.write({"promise_state": "kept"})
        broken.write({"promise_state": "broken"})
        if broken:
            self.env["credit.collection.worklist"]._worklist_recall(broken.partner_id, today)
        return broken

    def _summary(self):
        self.ensure_one()
        labels = dict(self._fields["outcome"]._description_selection(self.env))
        text = labels[self.outcome]
        if self.outcome == "promise":
            text = self.env._(
                "Promise to pay %(amount)s by %(date)s",
                amount=self.currency_id.format(self.promise_amount),
                date=self.promise_date,
            )
        elif self.outcome == "dispute":
            text = self.env._("Dispute: %(reason)s", reason=self.dispute_reason)
        if self.note:
            text = f"{text} — {self.note}"
        return text

    def _post_on_documents(self):
        """Post the contact on the customer and, for a promise or a dispute, on its invoices; a
        contact from the portal schedules an activity for the collector on each invoice."""
        for contact in self:
            channel = dict(self._fields["channel"]._description_selection(self.env))[
                contact.channel
            ]
            body = self.env._(
                "Collection contact (%(channel)s): %(summary)s",
                channel=channel,
                summary=contact._summary(),
            )
            # The notification helper posts as the user who logged the contact (the credit
            # department, or the customer on the portal whose controller checked ownership), also
            # where that user may not write partners or invoices; it never raises.
            contact.partner_id._credit_message_post(body)
            if contact.outcome not in ("promise", "dispute"):
                continue
            for invoice in contact.invoice_ids:
                invoice._credit_message_post(body, attachment_ids=contact.attachment_ids.ids)
                if contact.channel == "portal":
                    invoice._credit_activity_schedule(
                        "mail.mail_activity_data_todo",
                        summary=self.env._("Customer answered on the portal"),
                        note=body,
                        user_id=(
                            contact.partner_id.credit_collector_id
                            or invoice.invoice_user_id
                            or self.env.ref("base.user_admin")
                        ).id,
                    )
