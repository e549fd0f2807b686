# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


class CreditCasesReportsCommon(AccountTestInvoicingCommon):
    """Fixtures for cases, write-offs, ageing and collector KPIs: a clerk, a manager, invoices."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.today = fields.Date.context_today(cls.env.user)
        user_vals = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.clerk = new_test_user(
            cls.env, login="cr_clerk", groups="credit_management.group_credit_user", **user_vals
        )
        cls.manager = new_test_user(
            cls.env,
            login="cr_manager",
            groups="credit_management.group_credit_manager",
            **user_vals,
        )
        cls.bad_debt_account = cls.env["account.account"].create(
            {
                "name": "Credit impairment loss",
                "code": "670201",
                "account_type": "expense",
                "company_ids": [Command.set(cls.company.ids)],
            }
        )
        cls.company.write(
            {
                "credit_bad_debt_account_id": cls.bad_debt_account.id,
                "credit_writeoff_journal_id": cls.company_data["default_journal_misc"].id,
            }
        )

    @classmethod
    def _invoice(cls, amount, due, partner=None, invoice_date=None, currency=None):
        """Post a customer invoice of ``amount`` (no tax) due on ``due``."""
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": (partner or cls.partner_a).id,
                "invoice_date": invoice_date or due,
                "invoice_date_due": due,
                "invoice_payment_term_id": False,
                "currency_id": (currency or cls.company.currency_id).id,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Goods", "price_unit": amount, "tax_ids": [Command.clear()]}
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    @classmethod
    def _pay(cls, invoice, amount, date):
        """Register a payment of ``amount`` on ``invoice`` dated ``date``."""
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"payment_date": date, "amount": amount})
            ._create_payments()
        )

    @classmethod
    def _days(cls, days):
        return cls.today + timedelta(days=days)
