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
    ],
    "demo": ["demo/credit_management_demo.xml"],
}
