# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Browser journey of the year-end appraisal of a credit clerk, in Chinese, on the Chinese demo
database (tag ``credit_journey``): the HR officer creates the year's appraisal from the 19-item
template, the appraiser scores it, the credit department reviews and the legal representative
approves it; the awards list prints."""

import json
import subprocess
from datetime import date

from odoo.tests import tagged

from odoo.addons.credit_management.tests.test_journey_tours import JourneyCase

ACTION = "/odoo/action-credit_management_hr_appraisal.credit_appraisal_action"
AWARDS = "credit_management_hr_appraisal.report_credit_appraisal_awards"


@tagged("post_install", "-at_install", "credit_journey")
class TestAppraisalJourney(JourneyCase):
    ROLES = ("hr_officer", "appraiser", "credit_manager", "legal_representative")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        lead = Employee.create({"name": "旅程考核人", "user_id": cls.users["appraiser"].id})
        cls.clerk = Employee.create(
            {"name": "旅程管理员", "parent_id": lead.id, "is_credit_clerk": True, "lang": "zh_CN"}
        )
        # the test server serves one request at a time: wkhtmltopdf prints without stylesheets
        # (see test_role_screens)
        cls.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")

    def test_appraisal_journey(self):
        self._tour(f"{ACTION}/new", "credit_appraisal_hr_creates", "tour_hr_officer")
        appraisal = self.env["credit.appraisal"].search([("employee_id", "=", self.clerk.id)])
        self.assertEqual(appraisal.year, date.today().year)
        self.assertEqual(len(appraisal.line_ids), 19)
        self.assertEqual(appraisal.appraiser_id, self.users["appraiser"])
        url = f"{ACTION}/{appraisal.id}"
        self._tour(url, "credit_appraisal_appraiser_scores", "tour_appraiser")
        self.assertEqual(appraisal.total_score, 98)
        self.assertEqual(appraisal.rating, "advanced")
        self._tour(url, "credit_appraisal_credit_department_reviews", "tour_credit_manager")
        self.assertEqual(appraisal.reviewer_id, self.users["credit_manager"])
        self._tour(
            url, "credit_appraisal_legal_representative_approves", "tour_legal_representative"
        )
        self.assertEqual(appraisal.state, "approved")
        self.assertEqual(appraisal.approver_id, self.users["legal_representative"])
        # the awards list, printed by HR for the legal representative's signature
        self.authenticate("tour_hr_officer", "tour_hr_officer")
        context = json.dumps({"force_report_rendering": True, "lang": "zh_CN"})
        response = self.url_open(
            f"/report/pdf/{AWARDS}/{appraisal.id}?context={context}", timeout=60
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"%PDF"))
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
        ).stdout.decode()
        self.assertIn("旅程管理员", text)
        self.assertIn("先进", text)
