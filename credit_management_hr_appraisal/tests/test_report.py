from odoo.tests import tagged

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisalReports(AppraisalCommon):
    def _html(self, report, records):
        html, _type = self.env["ir.actions.report"]._render_qweb_html(report, records.ids)
        return html.decode()

    def test_appraisal_sheet_lists_the_items_total_and_band(self):
        # printed in the clerk's language, English here (the database's may be Chinese)
        self.env["res.lang"]._activate_lang("en_US")
        self.clerk.lang = "en_US"
        appraisal = self._create_appraisal(total=84.5)
        html = self._html("credit_management_hr_appraisal.report_credit_appraisal_sheet", appraisal)
        self.assertIn("信用(合同)管理员年终考核表", html)
        self.assertIn("Chases performance", html)
        self.assertIn("84.5", html)
        self.assertIn("Commended", html)
        self.assertIn("法定代表人 / Legal representative", html)

    def test_awards_list_keeps_the_award_bands_only(self):
        awarded = self._create_appraisal(total=96)
        failed = self._create_appraisal(employee=self.colleague, total=50)
        html = self._html(
            "credit_management_hr_appraisal.report_credit_appraisal_awards", awarded | failed
        )
        self.assertIn("Clerk One", html)
        self.assertNotIn("Clerk Two", html)
        self.assertIn("先进 / Advanced", html)
