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
    # The ageing balance and the triggers that keep it on Odoo's journal items: without the
    # module, a trigger would write into a table nobody reads (and fail once it is gone).
    env.cr.execute(
        "DROP TRIGGER IF EXISTS credit_ageing_balance_insert ON account_move_line;"
        "DROP TRIGGER IF EXISTS credit_ageing_balance_update ON account_move_line;"
        "DROP TRIGGER IF EXISTS credit_ageing_balance_delete ON account_move_line;"
        "DROP TRIGGER IF EXISTS credit_ageing_balance_customer ON res_partner;"
        "DROP FUNCTION IF EXISTS credit_ageing_balance_track();"
        "DROP FUNCTION IF EXISTS credit_ageing_balance_customer();"
        "DROP TABLE IF EXISTS credit_ageing_balance;"
    )
