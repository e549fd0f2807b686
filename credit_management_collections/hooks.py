# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Give every existing company a follow-up policy copied from the installed default ladder."""
    env["res.company"].search([])._credit_followup_ensure_policy()
