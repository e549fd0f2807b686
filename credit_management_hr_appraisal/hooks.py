# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def uninstall_hook(env):
    """Appraisal lines name the items of the default template, which come from this module's
    data and may not be deleted while they do. The appraisals go with the module's tables
    anyway: their lines are deleted first (in SQL, approved appraisals are locked), so that Odoo
    removes the template without a foreign-key error."""
    env.cr.execute("DELETE FROM credit_appraisal_line")
