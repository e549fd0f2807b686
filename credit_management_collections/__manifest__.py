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
        "security/credit_collections_security.xml",
        "security/ir.model.access.csv",
        "data/credit_collections_sequence_data.xml",
        "report/credit_collection_case_report.xml",
        "views/credit_collection_case_views.xml",
        "views/credit_writeoff_views.xml",
        "views/credit_ageing_report_views.xml",
        "views/credit_overdue_customer_report_views.xml",
        "views/credit_collection_kpi_report_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/credit_collection_kpi_wizard_views.xml",
    ],
    "demo": [
        "demo/credit_collections_cases_demo.xml",
    ],
}
