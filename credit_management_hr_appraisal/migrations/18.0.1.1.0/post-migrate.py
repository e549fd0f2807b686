# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The default template's items of sections 二 to 五 now suggest scores from the clerk's contract
work (the template data is noupdate): switch the items still on their former source."""

from odoo import SUPERUSER_ID, api

CONTRACT_SOURCES = {
    "2_1": "contract_three_properties",
    "2_2": "contract_five_checks",
    "2_3": "contract_written",
    "2_4": "contract_terms",
    "2_5": "contract_authority",
    "2_6": "contract_invalid",
    "3_1": "contract_review_forms",
    "3_2": "contract_reconcile",
    "3_3": "contract_chase",
    "3_4": "contract_knowledge",
    "4_1": "contract_changes",
    "4_2": "contract_complaints",
    "5_1": "contract_ledger",
    "5_2": "contract_ledger_quality",
    "5_3": "contract_seal",
    "5_4": "contract_archive",
}
# what the items suggested from before contracts existed
FORMER = {"none", "collections_reconcile", "collections_chase"}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for key, source in CONTRACT_SOURCES.items():
        item = env.ref(
            f"credit_management_hr_appraisal.appraisal_template_credit_clerk_item_{key}",
            raise_if_not_found=False,
        )
        if item and item.kpi_source in FORMER:
            item.kpi_source = source
