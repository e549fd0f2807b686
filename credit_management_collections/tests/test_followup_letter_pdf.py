# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.credit_management.tests.common import PrintedDocumentMixin

from .common import FollowupCommon

LETTER = "credit_management_collections.action_report_followup_letter"


@tagged("post_install", "-at_install")
class TestFollowupLetterPdf(PrintedDocumentMixin, FollowupCommon):
    """The follow-up letter printed with the wkhtmltopdf users have (Debian's, which ignores
    Odoo's HTML header and footer) is a letter that can be posted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "name": "Huabei Machinery Ltd",
                "street": "88 Jianguo Road",
                "zip": "100022",
                "city": "Beijing",
                "country_id": cls.env.ref("base.cn").id,
                "phone": "+86 10 6500 1234",
                "email": "credit@huabei.example.com",
            }
        )
        cls.partner_a.write(
            {
                "name": "Dongfang Trading Co",
                "street": "17 Nanjing West Road",
                "zip": "200041",
                "city": "Shanghai",
                "country_id": cls.env.ref("base.cn").id,
                "email": False,
            }
        )

    def test_long_statement_prints_letterhead_address_and_every_invoice_on_numbered_pages(self):
        invoices = self.env["account.move"]
        # 46 invoices, all at the letter level: 12 on the first page, 26 on the second
        for days in range(31, 54):
            for amount in (100.0, 200.0):
                invoices |= self._overdue_invoice(self.partner_a, days, amount=amount + days)
        self._run()
        letter = self._communications(self.partner_a)
        self.assertEqual(len(letter.line_ids), 46)
        pdf = self._pdf(LETTER, letter)
        text = self._pdf_text(pdf)
        for expected in ("Huabei Machinery Ltd", "88 Jianguo Road", "100022", "Beijing"):
            self.assertIn(expected, text)  # the sender's letterhead
        self.assertIn("+86 10 6500 1234", text)
        for expected in ("Dongfang Trading Co", "17 Nanjing West Road", "200041", "Shanghai"):
            self.assertIn(expected, text)  # the customer's address
        for invoice in invoices:
            self.assertIn(invoice.name, text)
        self.assertIn(letter.display_name, text)  # the reference
        pages = text.strip("\f").split("\f")
        self.assertEqual(len(pages), 3)
        for number, page in enumerate(pages, start=1):
            self.assertIn(f"Page {number} / 3", page)
            self.assertIn("Huabei Machinery Ltd", page)  # letterhead on every page
        self.assertInWindow(pdf, ["Dongfang", "Nanjing", "Shanghai"])

    def test_short_letter_is_one_numbered_page(self):
        invoice = self._overdue_invoice(self.partner_a, 45)
        self._run()
        letter = self._communications(self.partner_a)
        text = self._pdf_text(self._pdf(LETTER, letter))
        self.assertIn(invoice.name, text)
        self.assertEqual(len(text.strip("\f").split("\f")), 1)
        self.assertIn("Page 1 / 1", text)

    def test_statements_of_several_letters_print_in_one_run_split_per_letter(self):
        invoices_a = self.env["account.move"]
        for days in range(31, 54):  # 23 invoices: two pages
            invoices_a |= self._overdue_invoice(self.partner_a, days, amount=100.0 + days)
        invoice_b = self._overdue_invoice(self.partner_b, 45)
        self._run()
        letter_a = self._communications(self.partner_a)
        letter_b = self._communications(self.partner_b)
        self._pdf(LETTER, letter_b)  # wkhtmltopdf reaches the test server
        Report = self.registry["ir.actions.report"]
        run_wkhtmltopdf = Report._run_wkhtmltopdf
        runs = []

        def counted(report, *args, **kwargs):
            runs.append(args)
            return run_wkhtmltopdf(report, *args, **kwargs)

        self.patch(Report, "_run_wkhtmltopdf", counted)
        letters = (letter_a | letter_b).with_context(force_report_rendering=True)
        contents = letters._followup_render_statements()
        self.assertEqual(len(runs), 1, "one wkhtmltopdf run for the batch")
        self.assertEqual(contents[letter_a.id][1], "pdf")
        pages_a = self._pdf_text(contents[letter_a.id][0]).strip("\f").split("\f")
        self.assertEqual(len(pages_a), 2)
        self.assertIn("Page 2 / 2", pages_a[1])
        text_a = "".join(pages_a)
        for invoice in invoices_a:
            self.assertIn(invoice.name, text_a)
        self.assertNotIn(invoice_b.name, text_a)
        text_b = self._pdf_text(contents[letter_b.id][0])
        self.assertEqual(len(text_b.strip("\f").split("\f")), 1)
        self.assertIn(invoice_b.name, text_b)
        self.assertIn("Page 1 / 1", text_b)

    def test_letters_printed_together_make_one_pdf(self):
        # Debian's wkhtmltopdf prints one input only: several letters as several inputs failed
        invoice_a = self._overdue_invoice(self.partner_a, 45)
        invoice_b = self._overdue_invoice(self.partner_b, 45)
        self._run()
        letters = self._communications(self.partner_a) | self._communications(self.partner_b)
        pages = self._pdf_text(self._pdf(LETTER, letters)).strip("\f").split("\f")
        self.assertEqual(len(pages), 2, "each letter on its own sheet")
        self.assertIn(invoice_a.name, pages[0])
        self.assertNotIn(invoice_b.name, pages[0])
        self.assertIn(invoice_b.name, pages[1])
        for page in pages:
            self.assertIn("Page 1 / 1", page)
