# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError


class ResPartner(models.Model):
    _inherit = "res.partner"

    followup_policy_id = fields.Many2one(
        "credit.followup.policy",
        string="Follow-up Policy",
        company_dependent=True,
        domain="[('company_id', '=', current_company_id)]",
        tracking=True,
        help="Follow-up policy of this customer in the current company. Empty: the company's "
        "default policy.",
    )
    credit_collector_id = fields.Many2one(
        "res.users",
        string="Collector",
        index="btree_not_null",
        tracking=True,
        domain="[('share', '=', False)]",
        help="The credit clerk responsible for collecting this customer's receivables: follow-up "
        "activities are scheduled for this user.",
    )
    followup_communication_ids = fields.One2many(
        "credit.followup.communication", "partner_id", string="Follow-up Communications"
    )
    followup_communication_count = fields.Integer(compute="_compute_followup_communication_count")
    followup_state = fields.Selection(
        [
            ("none", "Nothing overdue"),
            ("waiting", "Waiting"),
            ("action", "Follow-up due"),
        ],
        string="Follow-up Status",
        compute="_compute_followup_status",
        help="Follow-up due: a follow-up level is reached for an overdue invoice and not done yet. "
        "Waiting: invoices are overdue, the next level is not reached yet.",
    )
    followup_next_date = fields.Date(
        string="Next Follow-up",
        compute="_compute_followup_status",
        help="Date at which the next follow-up level becomes due for one of the open invoices.",
    )
    followup_overdue_amount = fields.Monetary(
        string="Overdue Amount",
        compute="_compute_followup_status",
        currency_field="followup_currency_id",
    )
    followup_currency_id = fields.Many2one(
        "res.currency", compute="_compute_followup_status", string="Follow-up Currency"
    )

    @api.model
    def _commercial_fields(self):
        return [*super()._commercial_fields(), "credit_collector_id"]

    def _compute_followup_communication_count(self):
        counts = dict(
            self.env["credit.followup.communication"]._read_group(
                [("partner_id", "in", self.commercial_partner_id.ids)],
                groupby=["partner_id"],
                aggregates=["__count"],
            )
        )
        for partner in self:
            partner.followup_communication_count = counts.get(partner.commercial_partner_id, 0)

    @api.depends_context("company")
    def _compute_followup_status(self):
        company = self.env.company
        today = company._credit_today()
        commercial = self.commercial_partner_id.filtered("id")
        rows = (
            self.env["account.move"]._credit_followup_levels(company, today, commercial.ids)
            if commercial
            else []
        )
        due = set()
        overdue = defaultdict(float)
        next_date = {}
        for row in rows:
            pid = row["partner_id"]
            if row["level_id"]:
                due.add(pid)
            if row["days_overdue"] > 0:
                overdue[pid] += row["amount_residual"]
            if row["next_date"] and (pid not in next_date or row["next_date"] < next_date[pid]):
                next_date[pid] = row["next_date"]
        for partner in self:
            pid = partner.commercial_partner_id.id
            if pid in due:
                partner.followup_state = "action"
            elif overdue.get(pid):
                partner.followup_state = "waiting"
            else:
                partner.followup_state = "none"
            partner.followup_next_date = next_date.get(pid)
            partner.followup_overdue_amount = overdue.get(pid, 0.0)
            partner.followup_currency_id = company.currency_id

    def action_view_followup_communications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management_collections.credit_followup_communication_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"create": False}
        return action

    # ---------------------------------------------------------------------------------------------
    # Contacts with the customer (催收记录): the one entry point of the worklist and the portal
    # ---------------------------------------------------------------------------------------------
    def _collection_log_contact(
        self,
        outcome,
        invoices=None,
        channel="phone",
        note=None,
        next_contact_date=None,
        promise_date=None,
        promise_amount=0.0,
        dispute_reason=None,
        attachments=None,
    ):
        """Log a contact with this customer and apply its outcome.

        A promise to pay or a dispute goes through the invoices' follow-up actions
        (``_followup_register_promise``/``_followup_register_dispute``), which pause their
        escalation. The customer's worklist row gets the contact and its next contact date. From
        the portal (``channel='portal'``, called with sudo by the controller after its checks) the
        collector also gets an activity on the invoice.

        :return: the ``credit.collection.contact`` created
        """
        self.ensure_one()
        partner = self.commercial_partner_id
        company = self.env.company
        if not (self.env.su or self.env.user.has_group("credit_management.group_credit_user")):
            raise AccessError(self.env._("Only the credit department can log collection contacts."))
        today = fields.Date.context_today(self)
        if invoices is None:
            invoices = self.env["account.move"].search(
                [
                    ("commercial_partner_id", "=", partner.id),
                    ("company_id", "=", company.id),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                    ("invoice_date_due", "<", today),
                ]
            )
        vals = {
            "partner_id": partner.id,
            "company_id": company.id,
            "outcome": outcome,
            "channel": channel,
            "note": note,
            "invoice_ids": [Command.set(invoices.ids)],
            "attachment_ids": [Command.set(attachments.ids if attachments else [])],
        }
        default_next = {"reached": 7, "no_answer": 1, "dispute": 7, "wrong_contact": 1}
        if outcome == "promise":
            residual = invoices._followup_register_promise(promise_date, promise_amount)
            promise_date = fields.Date.to_date(promise_date)
            vals.update(
                {
                    "promise_date": promise_date,
                    "promise_amount": promise_amount,
                    "promise_residual_start": residual,
                    "promise_state": "open",
                }
            )
            next_contact_date = next_contact_date or promise_date + timedelta(days=1)
        elif outcome == "dispute":
            invoices._followup_register_dispute(dispute_reason)
            vals["dispute_reason"] = dispute_reason
        next_contact_date = next_contact_date or today + timedelta(days=default_next[outcome])
        vals["next_contact_date"] = next_contact_date
        if channel == "portal":
            vals["user_id"] = partner.credit_collector_id.id
        # sudo: the log is written only here, after the right was checked above; users read it
        # but cannot create or change contacts directly (the promise bookkeeping is ours).
        contact = self.env["credit.collection.contact"].sudo().create(vals).sudo(False)
        items = self.env["credit.collection.worklist"].search(
            [("partner_id", "=", partner.id), ("company_id", "=", company.id)]
        )
        # sudo: the row's bookkeeping fields are the outcome of the contact just logged (also
        # by a portal customer, whose controller checked the invoices are theirs).
        items.sudo().write(
            {
                "last_contact_date": today,
                "last_outcome": outcome,
                "next_contact_date": next_contact_date,
            }
        )
        contact._post_on_documents()
        return contact
