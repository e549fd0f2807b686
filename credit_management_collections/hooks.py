# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Give every existing company a follow-up policy copied from the installed default ladder."""
    env["res.company"].search([])._credit_followup_ensure_policy()


def uninstall_hook(env):
    """Follow-up communications (and their lines) name levels that come from this module's data,
    and the levels may not be deleted while they do. The communications go with the module's
    tables anyway: deleted first (in SQL, the workflow guard refuses to delete sent letters),
    so that Odoo removes the levels without a foreign-key error."""
    env.cr.execute("DELETE FROM credit_followup_communication")
