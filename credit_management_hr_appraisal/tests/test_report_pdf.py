# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.credit_management.tests.common import PrintedDocumentMixin

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisalReportsPdf(PrintedDocumentMixin, AppraisalCommon):
    """The appraisal sheet and the awards list print with letterhead and page numbers with the
    wkhtmltopdf users have (Debian's ignores Odoo's HTML header and footer)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(
            {"name": "Huabei Machinery Ltd", "street": "88 Jianguo Road", "city": "Beijing"}
        )
        cls.clerk.address_id = cls.env["res.partner"].create(
            {"name": "Huabei Tianjin Branch", "street": "5 Binhai Avenue", "city": "Tianjin"}
        )

    def test_appraisal_sheet_pdf(self):
        appraisal = self._create_appraisal(total=84.5)
        pdf = self._pdf("credit_management_hr_appraisal.credit_appraisal_report_sheet", appraisal)
        text = self._pdf_text(pdf)
        for expected in ("Huabei Machinery Ltd", "88 Jianguo Road", "Beijing", "Clerk One"):
            self.assertIn(expected, text)
        for expected in ("5 Binhai Avenue", "Tianjin", "84.5", "Page 1 / 2", "Page 2 / 2"):
            self.assertIn(expected, text)
        self.assertInWindow(pdf, ["Binhai", "Tianjin"])

    def test_awards_list_pdf(self):
        awarded = self._create_appraisal(total=96)
        pdf = self._pdf("credit_management_hr_appraisal.credit_appraisal_report_awards", awarded)
        text = self._pdf_text(pdf)
        for expected in ("Huabei Machinery Ltd", "88 Jianguo Road", "Clerk One", "Page 1 / 1"):
            self.assertIn(expected, text)
