# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Credit Management",
    "summary": "Customer credit limits, exposure, grades, applications and reviews; "
    "sales orders held when over limit, overdue or on manual hold",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/credit-management-suite/credit-management",
    "author": "Credit Management Suite",
    "maintainers": ["credit-management-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": True,
    "installable": True,
    "depends": ["sale_management", "account"],
    "data": [
        "security/credit_management_security.xml",
        "security/ir.model.access.csv",
        "data/mail_activity_type_data.xml",
        "views/menus.xml",
        "views/res_config_settings_views.xml",
        "views/res_partner_views.xml",
        "views/sale_order_views.xml",
        "wizards/credit_reject_wizard_views.xml",
        # grades, scorecards, credit applications and reviews
        "data/ir_sequence_data.xml",
        "data/credit_grade_data.xml",
        "data/credit_scorecard_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/credit_grade_views.xml",
        "views/credit_scorecard_views.xml",
        "views/credit_application_views.xml",
        "report/credit_hold_report.xml",
        # early warning (风险预警) and the year-end credit report
        "security/credit_warning_security.xml",
        "data/credit_warning_indicator_data.xml",
        "views/credit_warning_views.xml",
        "views/credit_warning_indicator_views.xml",
        "views/credit_warning_signal_views.xml",
        "views/credit_exposure_snapshot_views.xml",
        "wizards/credit_warning_measure_wizard_views.xml",
    ],
    "demo": [
        "demo/credit_management_demo.xml",
        "demo/credit_application_demo.xml",
    ],
}
