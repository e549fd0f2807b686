# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Credit Management - Credit Clerk Appraisal",
    "summary": "Year-end appraisal of credit clerks on a weighted 100-point scorecard, "
    "rating bands, consequences, training and exams, scores suggested by their contract work",
    "version": "18.0.1.1.0",
    "category": "Human Resources",
    "website": "https://github.com/credit-management-suite/credit-management",
    "author": "Credit Management Suite",
    "maintainers": ["credit-management-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["hr", "credit_management_collections"],
    "data": [
        "security/credit_management_hr_appraisal_security.xml",
        "security/ir.model.access.csv",
        "data/credit_appraisal_template_data.xml",
        "data/mail_activity_type_data.xml",
        "views/credit_appraisal_template_views.xml",
        "views/credit_appraisal_views.xml",
        "views/credit_training_session_views.xml",
        "views/credit_clerk_status_history_views.xml",
        "views/hr_employee_views.xml",
        "views/menus.xml",
        "views/credit_contract_views.xml",
        "report/credit_appraisal_reports.xml",
    ],
    "uninstall_hook": "uninstall_hook",
    "demo": [
        "demo/credit_appraisal_demo.xml",
        "demo/credit_annual_report_demo.xml",
        "demo/credit_department_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["credit_management_hr_appraisal/static/tests/tours/*.js"],
    },
}
