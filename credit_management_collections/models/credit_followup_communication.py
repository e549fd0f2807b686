# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import logging
from collections import defaultdict

from lxml import html
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, split_every
from odoo.tools.pdf import PdfFileReader, PdfFileWriter

from .credit_followup_level import ACTIVITY_ACTIONS

_logger = logging.getLogger(__name__)

LETTER_REPORT = "credit_management_collections.action_report_followup_letter"
# statements rendered per wkhtmltopdf run
STATEMENT_BATCH_SIZE = 50
# Invoices listed in a letter (ten pages); the others count in its totals. A customer with
# thousands of overdue invoices gets a readable letter, not one wkhtmltopdf cannot produce.
LETTER_MAX_ROWS = 250
# Invoices per printed page of the letter: the first page also carries the address and the
# introduction. One page of rows is one sheet of paper (the page numbers count on it).
LETTER_FIRST_PAGE_ROWS = 12
LETTER_NEXT_PAGE_ROWS = 26
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
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    # what the run decided (customer, level, date, fee) and what acting on it recorded: written by
    # the run and the buttons only (credit.workflow.mixin); a communication is evidence of what
    # went out, it is cancelled, never deleted
    _workflow_fields = (
        "run_id",
        "partner_id",
        "level_id",
        "date",
        "fee_amount",
        "fee_move_id",
        "date_done",
    )
    _workflow_unlink_states = ()
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

    def action_confirm_communication(self):
        """Confirm communications of a level that needs manual confirmation, and act on them."""
        self._check_credit_user()
        self._check_state(("to_confirm",))
        self._workflow_write({"state": "draft"})
        self._followup_execute()
        return True

    def action_resend(self):
        """Send the e-mail again, or queue the letter again for printing."""
        self._check_credit_user()
        self._check_state(("to_print", "open", "done"))
        emails = self.filtered(lambda c: c.action == "email")
        emails._followup_send_email()
        (self - emails).filtered(lambda c: c.action == "letter")._workflow_write(
            {"state": "to_print"}
        )
        return True

    def action_mark_done(self):
        self._check_credit_user()
        self._check_state(("to_print", "open", "draft"))
        self._credit_activity_feedback(self.activity_ids, self.env._("Follow-up marked done."))
        self._workflow_write({"state": "done", "date_done": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        """Cancel: nothing more is done for this level (it stays done for its invoices)."""
        self._check_credit_user()
        self._check_state(("draft", "to_confirm", "to_print", "open"))
        self.activity_ids.unlink()
        self._workflow_write({"state": "cancel"})
        return True

    def action_print_letters(self):
        """Print the selected letters, or every letter to print when none is selected."""
        self._check_credit_user()
        letters = self or self.search([("state", "=", "to_print")])
        letters = letters.filtered(lambda c: c.state in ("to_print", "done"))
        if not letters:
            raise UserError(self.env._("There is no letter to print."))
        letters.filtered(lambda c: c.state == "to_print")._workflow_write(
            {"state": "done", "date_done": fields.Date.context_today(self)}
        )
        return self.env.ref(LETTER_REPORT).report_action(letters)

    def action_print_letter(self):
        return self.env.ref(LETTER_REPORT).report_action(self)

    # ------------------------------------------------------------------ business

    def _followup_execute(self):
        """Act on draft communications: queue the e-mail or the letter, list the customers
        needing a person in their collector's digest, hold, fees; record each invoice's level.

        The team is told, not copied: nothing here subscribes or notifies an internal user; the
        collectors get one digest activity per run (``credit.followup.run._followup_digest``).
        """
        todo = self.filtered(lambda c: c.state == "draft").with_context(
            mail_auto_subscribe_no_notify=True,
            mail_create_nosubscribe=True,
            mail_notify_force_send=False,
            tracking_disable=True,
        )
        if not todo:
            return {}
        stats = defaultdict(int)
        emails = todo.filtered(lambda c: c.action == "email")
        no_address = emails.filtered(lambda c: not c.partner_id.email)
        no_address._credit_message_post(
            self.env._("The customer has no e-mail address: the letter is printed instead.")
        )
        sent = emails - no_address
        sent._followup_send_email()
        stats["email"] = len(sent)
        letters = todo.filtered(lambda c: c.action == "letter") | no_address
        letters._workflow_write({"state": "to_print"})
        stats["letter"] = len(letters)
        activities = todo.filtered(lambda c: c.action in ACTIVITY_ACTIONS)
        activities._workflow_write({"state": "open"})
        stats["activity"] = len(activities)
        stats["hold"] = todo._followup_set_credit_hold()
        todo._followup_invoice_fees()
        sent._workflow_write({"state": "done", "date_done": fields.Date.context_today(self)})
        todo.line_ids._followup_mark_invoices()
        return stats

    def _followup_responsible(self):
        """The user who does what the communication's level needs of a person: the level's
        responsible, else the customer's collector, else the user running the follow-up (a
        credit manager when it is the scheduler)."""
        self.ensure_one()
        user = self.level_id.activity_user_id or self.user_id
        if not user and not self.env.user._is_superuser() and self.env.user.active:
            user = self.env.user
        if not user:
            # sudo: the scheduler assigns the work to a credit manager; only the group's
            # members are read, to pick one
            user = (
                self.env.ref("credit_management.group_credit_manager")
                .sudo()
                .users.filtered(lambda u: not u._is_superuser() and not u.share and u.active)
                .sorted("id")[:1]
            )
        return user

    def _followup_render(self, template, field):
        """``field`` of ``template`` rendered for these communications, in each customer's
        language."""
        if not template[field]:
            return {}
        return template._render_field(field, self.ids, compute_lang=True)

    def _followup_render_body(self, template):
        """The QWeb body of ``template`` rendered for these communications, compiled once per
        language: Odoo's ``_render_field`` compiles a mail template's QWeb body again for each
        record (tens of milliseconds each), which a run over thousands of customers cannot pay.
        The body is rendered in a loop over the records and cut at a marker; the local links
        are made absolute as ``_render_field`` does."""
        result = {}
        Render = self.env["mail.render.mixin"]
        for lang, (lang_template, res_ids) in template._classify_per_lang(self.ids).items():
            source = lang_template.body_html
            if not source:
                continue
            records = self.browse(res_ids).with_context(lang=lang) if lang else self.browse(res_ids)
            variables = Render.with_context(lang=lang)._render_eval_context()
            variables.update(
                credit_records=records,
                credit_marker=lambda record: Markup("\x1e%d\x1f") % record.id,
            )
            document = html.fragment_fromstring(
                '<t t-foreach="credit_records" t-as="object">'
                f'<t t-out="credit_marker(object)"/>{source}</t>',
                create_parent="div",
            )
            rendered = str(self.env["ir.qweb"].with_context(lang=lang)._render(document, variables))
            bodies = {}
            for part in rendered[5:-6].split("\x1e")[1:]:
                res_id, body = part.split("\x1f", 1)
                bodies[int(res_id)] = Markup(body)
            result.update(Render._render_template_postprocess(self._name, bodies))
        return result

    def _followup_send_email(self):
        """Queue one reminder e-mail per communication to its customer, set-based.

        The e-mail is logged in the communication's chatter and queued for the mail queue: no
        follower is notified (the customer is the only recipient, plus the collector only when
        the level says so) and nobody is subscribed. Its PDF statement is not rendered here: the
        mail queue renders the statements of the mails it sends in batches
        (``mail.mail._credit_attach_statements``).
        """
        if not self:
            return self.env["mail.mail"]
        default_template = self.env.ref(DEFAULT_TEMPLATE, raise_if_not_found=False)
        subtype = self.env.ref("mail.mt_comment")
        vals_list = []
        for template, comms in self.grouped(
            lambda c: c.level_id.mail_template_id or default_template
        ).items():
            if not template:
                raise UserError(
                    self.env._(
                        "Level %(level)s has no e-mail template.", level=comms.level_id[:1].name
                    )
                )
            # sudo: the run of a credit user (or the scheduler) renders the company's template
            comms = comms.sudo()
            comms._followup_ensure_portal_tokens()
            subjects = comms._followup_render(template, "subject")
            bodies = comms._followup_render_body(template)
            senders = comms._followup_render(template, "email_from")
            reply_tos = comms._notify_get_reply_to()
            for comm in comms:
                sender = comm.user_id if comm.user_id.email else self.env["res.users"]
                email_from = (
                    senders.get(comm.id)
                    or (sender and sender.email_formatted)
                    or comm.company_id.email_formatted
                    or self.env.user.email_formatted
                )
                recipients = comm.partner_id
                if comm.level_id.mail_copy_collector and comm.user_id:
                    recipients |= comm.user_id.partner_id
                vals_list.append(
                    {
                        "model": comm._name,
                        "res_id": comm.id,
                        "record_name": comm.name,
                        "message_type": "comment",
                        "subtype_id": subtype.id,
                        "author_id": (sender.partner_id or comm.company_id.partner_id).id,
                        "email_from": email_from,
                        "reply_to": reply_tos.get(comm.id) or email_from,
                        "subject": subjects.get(comm.id) or comm.name,
                        # the chatter names the e-mail, the e-mail itself is in body_html:
                        # sanitizing every reminder twice costs more than the rest of its run
                        "body": Markup("<p>%s</p>")
                        % self.env._(
                            "Payment reminder e-mailed to %(customer)s: %(subject)s",
                            customer=comm.partner_id.display_name,
                            subject=subjects.get(comm.id) or comm.name,
                        ),
                        "body_html": bodies.get(comm.id, ""),
                        "partner_ids": [Command.set(recipients.ids)],
                        "recipient_ids": [Command.set(recipients.ids)],
                        "is_notification": True,
                        "auto_delete": False,
                        "credit_statement_communication_id": comm.id,
                    }
                )
        # sudo: queuing the e-mails of the run; mail.mail is not readable by credit users
        mails = self.env["mail.mail"].sudo().create(vals_list)
        self.env["mail.notification"].sudo().create(
            [
                {
                    "mail_message_id": mail.mail_message_id.id,
                    "mail_mail_id": mail.id,
                    "res_partner_id": partner.id,
                    "notification_type": "email",
                    "notification_status": "ready",
                    "is_read": True,
                }
                for mail in mails
                for partner in mail.recipient_ids
            ]
        )
        return mails

    def _followup_ensure_portal_tokens(self):
        """Give the invoices the e-mails link to the portal (the listed lines') their access
        tokens, in one statement: the links' ``get_portal_url`` would write them invoice by
        invoice, each through the whole of ``account.move.write`` (most of a run's time on a
        large ledger)."""
        listed = self.env["credit.followup.communication.line"].union(
            *(comm._followup_listed_lines() for comm in self)
        )
        invoice_ids = tuple(listed.move_id.ids)
        if not invoice_ids:
            return
        self.env["account.move"].flush_model(["access_token"])
        self.env.cr.execute(
            SQL(
                "UPDATE account_move SET access_token = gen_random_uuid()::varchar "
                "WHERE id IN %s AND access_token IS NULL",
                invoice_ids,
            )
        )
        self.env["account.move"].browse(invoice_ids).invalidate_recordset(["access_token"])

    def _followup_listed_lines(self):
        """The lines the letter and the e-mail list: the first ``LETTER_MAX_ROWS``."""
        self.ensure_one()
        return self.line_ids[:LETTER_MAX_ROWS]

    def _followup_letter_pages(self):
        """The letter's pages, each the lines it lists, and how many lines the letter leaves out
        (beyond ``LETTER_MAX_ROWS``).

        :return: ([credit.followup.communication.line recordset per page], int)
        """
        self.ensure_one()
        lines = self._followup_listed_lines()
        pages = [lines[:LETTER_FIRST_PAGE_ROWS]] + [
            lines[start : start + LETTER_NEXT_PAGE_ROWS]
            for start in range(LETTER_FIRST_PAGE_ROWS, len(lines), LETTER_NEXT_PAGE_ROWS)
        ]
        return pages, len(self.line_ids) - len(lines)

    def _followup_statement_attachments(self):
        """Render the statements (the letter) of these communications as attachments of the
        communications: one wkhtmltopdf run per batch of ``STATEMENT_BATCH_SIZE``, the PDF split
        per communication at each letter's page count (``_followup_render_statements``).
        Without wkhtmltopdf on the server, the communications are left without.

        :return: ({communication id: ir.attachment}, communications whose statement failed)
        """
        vals_list = []
        failed = self.browse()
        for batch in split_every(STATEMENT_BATCH_SIZE, self.ids, self.browse):
            try:
                contents = batch._followup_render_statements()
            except UserError as error:
                # wkhtmltopdf missing on the server: the e-mails go without their statement
                _logger.info("Follow-up statements not rendered: %s", error)
                break
            failed |= batch.filtered(lambda comm, contents=contents: comm.id not in contents)
            for comm in batch.filtered(lambda comm, contents=contents: comm.id in contents):
                content, kind = contents[comm.id]
                vals_list.append(
                    {
                        "name": self.env._("Statement %(name)s.%(ext)s", name=comm.name, ext=kind),
                        "raw": content,
                        "res_model": self._name,
                        "res_id": comm.id,
                        "mimetype": "application/pdf" if kind == "pdf" else "text/html",
                    }
                )
        attachments = self.env["ir.attachment"].create(vals_list)
        return {attachment.res_id: attachment for attachment in attachments}, failed

    def _followup_render_statements(self):
        """The statements of these communications in one wkhtmltopdf run, split at the letters'
        page counts; when the run fails, or its pages do not add up (or it renders HTML: a test
        database without report workers), one by one. A statement that cannot be rendered is
        left out and logged: one customer's statement never stops the others' e-mails.

        :return: {communication id: (content, "pdf"|"html")}
        """
        Report = self.env["ir.actions.report"]
        try:
            with self.env.cr.savepoint():
                # the letters are one document (one wkhtmltopdf input): split below
                streams, kind = Report._pre_render_qweb_pdf(LETTER_REPORT, res_ids=self.ids)
            if kind == "pdf" and all(streams.get(res_id, {}).get("stream") for res_id in self.ids):
                return {
                    res_id: (streams[res_id]["stream"].getvalue(), "pdf") for res_id in self.ids
                }
            if kind == "pdf" and streams.get(False):
                contents = self._followup_split_statements(streams[False]["stream"].getvalue())
                if contents:
                    return contents
        except UserError:
            raise
        except Exception:  # pylint: disable=broad-except  # wkhtmltopdf, the PDF reader
            _logger.warning(
                "Follow-up statements %s not rendered in one run, rendered one by one",
                self.ids,
                exc_info=True,
            )
        contents = {}
        for comm in self:
            try:
                with self.env.cr.savepoint():
                    contents[comm.id] = Report._render_qweb_pdf(LETTER_REPORT, comm.ids)
            except UserError:
                raise
            except Exception:  # pylint: disable=broad-except  # logged; its e-mail fails
                _logger.exception("Follow-up statement %s could not be rendered", comm.name)
        return contents

    def _followup_split_statements(self, pdf):
        """Split the PDF of these communications' letters, printed in one run, at each letter's
        page count; None when the pages do not add up (a page overflowed onto another sheet).

        :return: {communication id: (content, "pdf")} or None
        """
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        counts = [len(comm._followup_letter_pages()[0]) for comm in self]
        if reader.getNumPages() != sum(counts):
            _logger.info(
                "Follow-up statements %s: %s pages printed for %s expected, printed one by one",
                self.ids,
                reader.getNumPages(),
                sum(counts),
            )
            return None
        contents = {}
        first_page = 0
        for comm, count in zip(self, counts, strict=True):
            writer = PdfFileWriter()
            for page in range(first_page, first_page + count):
                writer.addPage(reader.getPage(page))
            first_page += count
            stream = io.BytesIO()
            writer.write(stream)
            contents[comm.id] = (stream.getvalue(), "pdf")
        return contents

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
                comm._workflow_write({"fee_move_id": move.id})
