# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Give every existing company a follow-up policy copied from the installed default ladder."""
    env["res.company"].search([])._credit_followup_ensure_policy()


def uninstall_hook(env):
    """Documents that name this module's data and would stop Odoo from removing it.

    Follow-up communications (and their lines) name levels that come from this module's data,
    and the levels may not be deleted while they do. The communications go with the module's
    tables anyway: deleted first (in SQL, the workflow guard refuses to delete sent letters),
    so that Odoo removes the levels without a foreign-key error."""
    env.cr.execute("DELETE FROM credit_followup_communication")
    # Insurance claims name write-offs and securities of this module's demo data, and go with
    # the module's tables; the warnings raised by this module's indicators name them: both would
    # stop Odoo from removing those records.
    env.cr.execute("DELETE FROM credit_insurance_claim")
    env.cr.execute(
        """
        DELETE FROM credit_warning
         WHERE indicator_id IN (
                SELECT res_id FROM ir_model_data
                 WHERE module = 'credit_management_collections'
                   AND model = 'credit.warning.indicator')
        """
    )
