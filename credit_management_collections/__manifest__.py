# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Credit Management - Collections",
    "summary": "Overdue follow-up levels, daily runs, letters, fees and interest, "
    "agency and legal cases, bad-debt write-off, ageing and collection KPIs",
    "version": "18.0.1.0.0",
    "category": "Accounting/Accounting",
    "website": "https://github.com/credit-management-suite/credit-management",
    "author": "Credit Management Suite",
    "maintainers": ["credit-management-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["credit_management"],
    "data": [
        "security/credit_followup_security.xml",
        "security/ir.model.access.csv",
        "data/mail_template_data.xml",
        "data/credit_followup_data.xml",
        "data/credit_followup_policy_data.xml",
        "report/credit_followup_letter_report.xml",
        "wizards/credit_followup_run_wizard_views.xml",
        "views/credit_followup_policy_views.xml",
        "views/credit_followup_run_views.xml",
        "views/credit_followup_communication_views.xml",
        "views/res_partner_views.xml",
        "views/account_move_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [],
    "post_init_hook": "post_init_hook",
}
