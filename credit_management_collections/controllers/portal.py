# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from urllib.parse import urlencode

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

STATEMENT_REPORT = "credit_management_collections.action_report_statement"


class CreditPortal(CustomerPortal):
    """ "Credit & statements" (信用与对账) on the customer portal: open and overdue invoices with
    their ageing, the statement of account of a period, the limit if the company shows it, and per
    overdue invoice a promise to pay or a dispute.

    Everything shown is the portal user's own commercial partner's: read with sudo after that
    partner is taken from the logged-in user (never from the request), and invoice actions check
    the invoice with ``_document_check_access`` (the user's rights or the invoice's access token,
    as Odoo's portal does for documents sent by e-mail).
    """

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "credit_overdue_count" in counters:
            partner = request.env.user.partner_id.commercial_partner_id
            values["credit_overdue_count"] = len(self._credit_open_invoices(partner, overdue=True))
        return values

    # ------------------------------------------------------------------ data
    def _credit_open_invoices(self, partner, overdue=False):
        # sudo: restricted to the logged-in user's own commercial partner (taken from the session).
        domain = [
            ("commercial_partner_id", "=", partner.id),
            ("company_id", "=", request.env.company.id),
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "in", ("not_paid", "partial")),
        ]
        if overdue:
            domain.append(("invoice_date_due", "<", fields.Date.context_today(request.env.user)))
        return request.env["account.move"].sudo().search(domain, order="invoice_date_due, id")

    def _credit_page_values(self, partner, **kw):
        invoices = self._credit_open_invoices(partner)
        Ageing = request.env["credit.ageing.report"].sudo()  # sudo: own partner only (above)
        ageing = {
            move.id: (bucket, days)
            for move, bucket, days in Ageing._read_group(
                [("move_id", "in", invoices.ids)],
                groupby=["move_id", "bucket"],
                aggregates=["days_overdue:max"],
            )
        }
        totals = dict(
            Ageing._read_group(
                [("move_id", "in", invoices.ids)],
                groupby=["bucket"],
                aggregates=["amount_residual:sum"],
            )
        )
        company = request.env.company
        values = {
            "page_name": "credit",
            "partner": partner,
            "invoices": invoices,
            "ageing": ageing,
            "bucket_labels": dict(Ageing._fields["bucket"]._description_selection(request.env)),
            "bucket_totals": totals,
            "currency": company.currency_id,
            "today": fields.Date.context_today(request.env.user),
            "show_limit": company.portal_show_credit_limit,
            "max_promise_days": invoices[:1]._followup_promise_max_days() if invoices else 30,
            "error": kw.get("error"),
            "success": kw.get("success"),
        }
        if company.portal_show_credit_limit:
            # sudo: the customer's own limit and exposure, shown because the company allows it.
            credit = partner.sudo().with_company(company)
            values.update(
                {"credit_limit": credit.credit_limit, "credit_available": credit.credit_available}
            )
        return values

    # ------------------------------------------------------------------ routes
    @http.route(["/my/credit"], type="http", auth="user", website=True)
    def portal_my_credit(self, **kw):
        partner = request.env.user.partner_id.commercial_partner_id
        return request.render(
            "credit_management_collections.portal_my_credit",
            self._prepare_portal_layout_values() | self._credit_page_values(partner, **kw),
        )

    @http.route(["/my/credit/statement"], type="http", auth="user", website=True)
    def portal_my_credit_statement(self, date_from=None, date_to=None, **kw):
        partner = request.env.user.partner_id.commercial_partner_id
        try:
            date_from = fields.Date.to_date(date_from) if date_from else None
            date_to = fields.Date.to_date(date_to) if date_to else None
        except ValueError:
            return request.redirect("/my/credit?" + urlencode({"error": "date"}))
        data = {"date_from": date_from and str(date_from), "date_to": date_to and str(date_to)}
        # sudo: the statement of the logged-in user's own commercial partner only.
        pdf, _type = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(STATEMENT_REPORT, partner.ids, data=data)
        )
        filename = f"statement-{partner.id}-{date_from or ''}-{date_to or ''}.pdf"
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", http.content_disposition(filename)),
            ],
        )

    def _credit_invoice(self, invoice_id, access_token):
        """The invoice if the user may see it (own partner's or a valid access token)."""
        invoice = self._document_check_access("account.move", invoice_id, access_token)
        if invoice.move_type != "out_invoice" or invoice.state != "posted":
            raise MissingError(request.env._("This document is not an open invoice."))
        return invoice

    def _credit_redirect(self, access_token, **params):
        url = "/my/credit"
        if access_token and request.env.user._is_public():
            # a customer who came from an e-mail link without logging in goes back to the invoice
            return request.redirect("/my/credit/done?" + urlencode(params))
        return request.redirect(url + "?" + urlencode(params))

    @http.route(
        ["/my/credit/invoice/<int:invoice_id>/promise"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_credit_promise(
        self, invoice_id, promise_date=None, amount=None, access_token=None, **kw
    ):
        try:
            invoice = self._credit_invoice(invoice_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            amount = float(amount or 0)
            # invoice is sudo (from _document_check_access): the customer answers for its own
            # invoice, through the same follow-up actions as the back office.
            invoice.commercial_partner_id.with_company(invoice.company_id)._collection_log_contact(
                "promise",
                invoices=invoice,
                channel="portal",
                promise_date=fields.Date.to_date(promise_date),
                promise_amount=amount,
                note=kw.get("note"),
            )
        except (UserError, ValidationError, ValueError) as error:
            return self._credit_redirect(access_token, error=str(error))
        return self._credit_redirect(access_token, success="promise")

    @http.route(
        ["/my/credit/invoice/<int:invoice_id>/dispute"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_credit_dispute(self, invoice_id, reason=None, access_token=None, **kw):
        try:
            invoice = self._credit_invoice(invoice_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        upload = kw.get("attachment")
        attachments = request.env["ir.attachment"]
        if upload and getattr(upload, "filename", None):
            # sudo: a pending upload of the customer (as the mail composer makes them); posting
            # the dispute links it to the invoice the customer may see (checked above).
            attachments = (
                request.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": upload.filename,
                        "datas": base64.b64encode(upload.read()),
                        "res_model": "mail.compose.message",
                        "res_id": 0,
                    }
                )
            )
        try:
            invoice.commercial_partner_id.with_company(invoice.company_id)._collection_log_contact(
                "dispute",
                invoices=invoice,
                channel="portal",
                dispute_reason=reason,
                attachments=attachments,
            )
        except (UserError, ValidationError) as error:
            attachments.unlink()
            return self._credit_redirect(access_token, error=str(error))
        return self._credit_redirect(access_token, success="dispute")

    @http.route(["/my/credit/done"], type="http", auth="public", website=True)
    def portal_credit_done(self, **kw):
        return request.render(
            "credit_management_collections.portal_credit_done",
            {"error": kw.get("error"), "success": kw.get("success")},
        )
