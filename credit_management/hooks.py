# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def uninstall_hook(env):
    """Scorecard lines of credit applications and early warnings name criteria and indicators
    that come from this module's data, which may not be deleted while they do. Those documents
    go with the module's tables anyway: deleted first (in SQL, the workflow guard refuses to
    delete decided applications), so that Odoo removes its data without a foreign-key error."""
    env.cr.execute("DELETE FROM credit_application_line")
    env.cr.execute("DELETE FROM credit_warning")
    # Criteria deleted one by one would leave their scorecard's weights short of 100, which the
    # scorecard refuses: Odoo would keep them, then fail on them once their table is dropped.
    env.cr.execute("DELETE FROM credit_scorecard_criterion")
