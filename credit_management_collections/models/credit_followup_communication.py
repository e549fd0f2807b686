# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import logging
from collections import defaultdict

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from .credit_followup_level import ACTIVITY_ACTIONS

_logger = logging.getLogger(__name__)

LETTER_REPORT = "credit_management_collections.action_report_followup_letter"
DEFAULT_TEMPLATE = "credit_management_collections.mail_template_followup"
DEFAULT_ACTIVITY_TYPES = {
    "phone": "mail.mail_activity_data_call",
    "visit": "mail.mail_activity_data_meeting",
    "agency": "mail.mail_activity_data_todo",
    "legal": "mail.mail_activity_data_todo",
}


class CreditFollowupCommunication(models.Model):
    """What one follow-up level does for one customer: its overdue invoices, fee, interest."""

    _name = "credit.followup.communication"
    _description = "Follow-up Communication"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    run_id = fields.Many2one("credit.followup.run", index=True, readonly=True, ondelete="set null")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True, default=lambda s: s.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, readonly=True, tracking=True
    )
    lang = fields.Selection(related="partner_id.lang")
    level_id = fields.Many2one("credit.followup.level", required=True, index=True, readonly=True)
    action = fields.Selection(related="level_id.action", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Collector",
        index=True,
        tracking=True,
        help="Credit clerk responsible for this communication (the customer's collector).",
    )
    date = fields.Date(required=True, readonly=True, default=fields.Date.context_today, index=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_confirm", "To Confirm"),
            ("to_print", "Letter to Print"),
            ("open", "Activity Scheduled"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        help="To confirm: the level needs a credit user's confirmation before anything is sent. "
        "Letter to print: queued in the letters to print. Activity scheduled: the collector has "
        "an activity to do.",
    )
    line_ids = fields.One2many(
        "credit.followup.communication.line", "communication_id", string="Invoices", readonly=True
    )
    invoice_ids = fields.Many2many(
        "account.move",
        "credit_followup_communication_move_rel",
        "communication_id",
        "move_id",
        string="Overdue Invoices",
        compute="_compute_invoice_ids",
        store=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_overdue = fields.Monetary(
        string="Overdue Amount",
        compute="_compute_amounts",
        store=True,
        currency_field="currency_id",
    )
    interest_amount = fields.Monetary(
        string="Interest", compute="_compute_amounts", store=True, currency_field="currency_id"
    )
    fee_amount = fields.Monetary(string="Fee", readonly=True, currency_field="currency_id")
    amount_total_due = fields.Monetary(
        string="Total Due", compute="_compute_amounts", store=True, currency_field="currency_id"
    )
    fee_move_id = fields.Many2one(
        "account.move", string="Fee Invoice", readonly=True, copy=False, index="btree_not_null"
    )
    set_credit_hold = fields.Boolean(related="level_id.set_credit_hold")
    date_done = fields.Date(readonly=True, copy=False)

    @api.depends("partner_id", "level_id", "date")
    def _compute_name(self):
        for comm in self:
            comm.name = f"{comm.partner_id.name or ''} / {comm.level_id.name or ''} / {comm.date}"

    @api.depends("line_ids.move_id")
    def _compute_invoice_ids(self):
        for comm in self:
            comm.invoice_ids = comm.line_ids.move_id

    @api.depends("line_ids.amount_residual", "line_ids.interest_amount", "fee_amount")
    def _compute_amounts(self):
        for comm in self:
            comm.amount_overdue = sum(comm.line_ids.mapped("amount_residual"))
            comm.interest_amount = sum(comm.line_ids.mapped("interest_amount"))
            comm.amount_total_due = comm.amount_overdue + comm.interest_amount + comm.fee_amount

    # ------------------------------------------------------------------ buttons

    def _check_credit_user(self):
        if not self.env.user.has_group("credit_management.group_credit_user"):
            raise AccessError(self.env._("Only credit users can handle follow-up communications."))

    def _check_state(self, states, action_label):
        wrong = self.filtered(lambda c: c.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "%(action)s is not possible for: %(names)s.",
                    action=action_label,
                    names=", ".join(wrong.mapped("name")),
                )
            )

    def action_confirm_communication(self):
        """Confirm communications of a level that needs manual confirmation, and act on them."""
        self._check_credit_user()
        self._check_state(("to_confirm",), self.env._("Confirming"))
        self.write({"state": "draft"})
        self._followup_execute()
        return True

    def action_resend(self):
        """Send the e-mail again, or queue the letter again for printing."""
        self._check_credit_user()
        self._check_state(("to_print", "open", "done"), self.env._("Resending"))
        emails = self.filtered(lambda c: c.action == "email")
        emails._followup_send_email()
        (self - emails).filtered(lambda c: c.action == "letter").write({"state": "to_print"})
        return True

    def action_mark_done(self):
        self._check_credit_user()
        self._check_state(("to_print", "open", "draft"), self.env._("Marking done"))
        self._credit_activity_feedback(self.activity_ids, self.env._("Follow-up marked done."))
        self.write({"state": "done", "date_done": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        """Cancel: nothing more is done for this level (it stays done for its invoices)."""
        self._check_credit_user()
        self._check_state(("draft", "to_confirm", "to_print", "open"), self.env._("Cancelling"))
        self.activity_ids.unlink()
        self.write({"state": "cancel"})
        return True

    def action_print_letters(self):
        """Print the selected letters, or every letter to print when none is selected."""
        self._check_credit_user()
        letters = self or self.search([("state", "=", "to_print")])
        letters = letters.filtered(lambda c: c.state in ("to_print", "done"))
        if not letters:
            raise UserError(self.env._("There is no letter to print."))
        letters.filtered(lambda c: c.state == "to_print").write(
            {"state": "done", "date_done": fields.Date.context_today(self)}
        )
        return self.env.ref(LETTER_REPORT).report_action(letters)

    def action_print_letter(self):
        return self.env.ref(LETTER_REPORT).report_action(self)

    # ------------------------------------------------------------------ business

    def _followup_execute(self):
        """Act on draft communications: send, queue the letter, schedule activities, hold, fees."""
        todo = self.filtered(lambda c: c.state == "draft")
        if not todo:
            return {}
        stats = defaultdict(int)
        emails = todo.filtered(lambda c: c.action == "email")
        no_address = emails.filtered(lambda c: not c.partner_id.email)
        no_address._credit_message_post(
            self.env._("The customer has no e-mail address: the letter is printed instead.")
        )
        not_sent = (emails - no_address)._followup_send_email()
        sent = emails - no_address - not_sent
        stats["email"] = len(sent)
        letters = todo.filtered(lambda c: c.action == "letter") | no_address | not_sent
        letters.write({"state": "to_print"})
        stats["letter"] = len(letters)
        activities = todo.filtered(lambda c: c.action in ACTIVITY_ACTIONS)
        activities._followup_schedule_activities()
        stats["activity"] = len(activities)
        stats["hold"] = todo._followup_set_credit_hold()
        todo._followup_invoice_fees()
        today = fields.Date.context_today(self)
        sent.write({"state": "done", "date_done": today})
        activities.write({"state": "open"})
        for level, comms in todo.grouped("level_id").items():
            # sudo: only the follow-up bookkeeping fields of the invoices are written, by the run
            # of a credit user who may read but not edit invoices.
            comms.line_ids.move_id.sudo().write(
                {"followup_level_id": level.id, "followup_date_last": comms[0].date}
            )
        return stats

    def _followup_statement_attachment(self):
        """Render the PDF statement (the letter) of one communication as an attachment."""
        self.ensure_one()
        report = self.env.ref(LETTER_REPORT)
        try:
            content, report_type = self.env["ir.actions.report"]._render_qweb_pdf(report, self.ids)
        except UserError as error:
            # wkhtmltopdf missing on the server: send the e-mail without its statement
            _logger.info("Follow-up statement not rendered: %s", error)
            return self.env["ir.attachment"]
        return self.env["ir.attachment"].create(
            {
                "name": self.env._("Statement %(name)s.%(ext)s", name=self.name, ext=report_type),
                "datas": base64.b64encode(content),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/pdf" if report_type == "pdf" else "text/html",
            }
        )

    def _followup_send_email(self):
        """Send the e-mail of each communication with its PDF statement.

        :return: the communications whose e-mail could not be sent (logged): their letter is
            printed instead, the follow-up is not blocked."""
        not_sent = self.browse()
        default_template = self.env.ref(DEFAULT_TEMPLATE, raise_if_not_found=False)
        for comm in self:
            template = comm.level_id.mail_template_id or default_template
            if not template:
                raise UserError(
                    self.env._("Level %(level)s has no e-mail template.", level=comm.level_id.name)
                )
            message = self.env["mail.message"]
            with comm._credit_notification("follow-up e-mail"):
                subject = template._render_field("subject", comm.ids, compute_lang=True)[comm.id]
                body = template._render_field("body_html", comm.ids, compute_lang=True)[comm.id]
                attachment = comm._followup_statement_attachment()
                message = comm._credit_message_post(
                    body,
                    subject=subject,
                    partner_ids=comm.partner_id.ids,
                    attachment_ids=attachment.ids,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
            if not message:
                not_sent |= comm
                comm._credit_message_post(
                    self.env._("The e-mail could not be sent: the letter is printed instead.")
                )
        return not_sent

    def _followup_schedule_activities(self):
        for comm in self:
            level = comm.level_id
            activity_type = level.activity_type_id or self.env.ref(
                DEFAULT_ACTIVITY_TYPES[level.action], raise_if_not_found=False
            )
            user = level.activity_user_id or comm.user_id or self.env.user
            comm._credit_activity_schedule(
                activity_type_id=activity_type.id if activity_type else False,
                date_deadline=comm.date,
                summary=level.activity_summary
                or self.env._(
                    "%(level)s: %(customer)s", level=level.name, customer=comm.partner_id.name
                ),
                note=Markup("<p>%s</p>")
                % self.env._(
                    "Overdue invoices: %(invoices)s",
                    invoices=", ".join(comm.invoice_ids.mapped("name")),
                ),
                user_id=user.id,
            )

    def _followup_set_credit_hold(self):
        """Put the customers of credit-hold levels on hold; return how many were put on hold."""
        holds = self.filtered("level_id.set_credit_hold")
        count = 0
        for partner, comms in holds.grouped("partner_id").items():
            commercial = partner.commercial_partner_id
            if commercial.credit_hold:
                continue
            reason = self.env._(
                "Follow-up level %(levels)s reached for invoices %(invoices)s.",
                levels=", ".join(comms.level_id.mapped("name")),
                invoices=", ".join(comms.invoice_ids.mapped("name")),
            )
            # sudo: only credit managers may write holds; this hold is an automated decision of
            # the follow-up policy configured by a credit manager, run by the cron or a credit user.
            commercial.sudo().write({"credit_hold": True, "credit_hold_reason": reason})
            count += 1
        return count

    def _followup_invoice_fees(self):
        """Invoice fee and interest in a draft customer invoice when the company opts in."""
        vals_by_company = defaultdict(list)
        comms_by_company = defaultdict(list)
        for comm in self:
            company = comm.company_id
            if not company.followup_invoice_fees or comm.fee_move_id:
                continue
            if not (comm.fee_amount or comm.interest_amount):
                continue
            product = company.followup_fee_product_id
            if not product:
                raise UserError(
                    self.env._(
                        "Company %(company)s invoices follow-up fees but has no fee product: set "
                        "it in the settings.",
                        company=company.name,
                    )
                )
            lines = []
            if comm.fee_amount:
                lines.append(
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": self.env._(
                                "Follow-up fee: %(level)s", level=comm.level_id.name
                            ),
                            "quantity": 1,
                            "price_unit": comm.fee_amount,
                        }
                    )
                )
            if comm.interest_amount:
                lines.append(
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": self.env._(
                                "Late-payment interest on %(invoices)s",
                                invoices=", ".join(comm.invoice_ids.mapped("name")),
                            ),
                            "quantity": 1,
                            "price_unit": comm.interest_amount,
                        }
                    )
                )
            vals_by_company[company].append(
                {
                    "move_type": "out_invoice",
                    "partner_id": comm.partner_id.id,
                    "invoice_date": comm.date,
                    "currency_id": comm.currency_id.id,
                    "invoice_origin": comm.name,
                    "invoice_line_ids": lines,
                }
            )
            comms_by_company[company].append(comm)
        for company, vals_list in vals_by_company.items():
            # sudo: whoever runs follow-up (a credit user without invoicing rights, the cron)
            # produces every document of it; the draft fee invoice is dictated by the policy and
            # the company's opt-in, both set by a credit manager, and is posted by accounting.
            moves = self.env["account.move"].with_company(company).sudo().create(vals_list)
            for comm, move in zip(comms_by_company[company], moves, strict=True):
                comm.fee_move_id = move
