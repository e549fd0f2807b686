# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


class CreditWorkflowMixin(models.AbstractModel):
    """Shared guard of the suite's documents that move through a ``state`` selection
    (credit applications, collection cases, write-offs): one ``action_<to>`` per transition,
    each checking its source states through ``_check_state``."""

    _name = "credit.workflow.mixin"
    _description = "Credit Workflow Mixin"

    def _check_state(self, allowed_states):
        wrong = self.filtered(lambda record: record.state not in allowed_states)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(name)s is %(state)s: this step is not possible.",
                    name=wrong[0].display_name,
                    state=labels[wrong[0].state],
                )
            )
