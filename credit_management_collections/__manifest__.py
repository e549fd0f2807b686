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
    "data": [],
    "demo": [],
}
