# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessError, UserError

# Put in the context by ``_workflow_write``/``_workflow_create`` only. An RPC client can send any
# JSON in its context, but never this object: a context key holding it proves that the write comes
# from the model's own code, not from a client.
_WORKFLOW_TOKEN = object()
_CONTEXT_KEY = "credit_workflow_token"


class CreditWorkflowMixin(models.AbstractModel):
    """The one guard of the suite's documents that move through a ``state`` selection.

    A document's state, its decision fields (approver, dates, amounts a decision fixed: listed in
    ``_workflow_fields``) change only through the model's ``action_<to>`` methods, which check the
    group and the source state (``_check_state``) and then write with ``_workflow_write``. A
    direct ``write``/``create`` of those fields by anybody (over RPC, an import, a form) is refused
    with an AccessError, and so is ``unlink`` of a document outside ``_workflow_unlink_states``.
    Data files and the server itself (uid ``SUPERUSER_ID``) are not restricted.
    """

    _name = "credit.workflow.mixin"
    _description = "Credit Workflow Mixin"

    # decision fields guarded with ``state``
    _workflow_fields = ()
    # a document is created in this state (the field's default)
    _workflow_initial_state = "draft"
    # states in which a document may be deleted
    _workflow_unlink_states = ("draft", "cancel")

    # ------------------------------------------------------------------ guard
    def _workflow_guarded_fields(self):
        return {"state", *self._workflow_fields}

    def _workflow_is_trusted(self):
        return self.env.context.get(_CONTEXT_KEY) is _WORKFLOW_TOKEN or self.env.uid == SUPERUSER_ID

    def _workflow_changed_fields(self, vals):
        """The guarded fields that ``vals`` would change on at least one record of ``self``."""
        changed = set()
        for fname in self._workflow_guarded_fields() & vals.keys():
            field = self._fields[fname]
            for record in self:
                new = field.convert_to_record(field.convert_to_cache(vals[fname], record), record)
                if new != record[fname]:
                    changed.add(fname)
                    break
        return changed

    def _workflow_refuse(self, fnames):
        labels = ", ".join(
            sorted(self._fields[fname]._description_string(self.env) for fname in fnames)
        )
        raise AccessError(
            self.env._(
                "%(fields)s of %(document)s can only be changed through its buttons "
                "(submit, approve, refuse...), not written directly.",
                fields=labels,
                document=self.env["ir.model"]._get(self._name).name,
            )
        )

    def _workflow_write(self, vals):
        """Write guarded fields: for the model's own actions, after their checks."""
        return self.with_context(**{_CONTEXT_KEY: _WORKFLOW_TOKEN}).write(vals)

    @api.model
    def _workflow_create(self, vals_list):
        """Create documents past their initial state: for the model's own code only."""
        return self.with_context(**{_CONTEXT_KEY: _WORKFLOW_TOKEN}).create(vals_list)

    @api.model_create_multi
    def create(self, vals_list):
        if not self._workflow_is_trusted():
            for vals in vals_list:
                decided = {
                    fname
                    for fname in self._workflow_guarded_fields() & vals.keys()
                    if vals[fname]
                    and not (fname == "state" and vals[fname] == self._workflow_initial_state)
                }
                if decided:
                    self._workflow_refuse(decided)
        return super().create(vals_list)

    def write(self, vals):
        if not self._workflow_is_trusted():
            changed = self._workflow_changed_fields(vals)
            if changed:
                self._workflow_refuse(changed)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if self.env.uid == SUPERUSER_ID:
            return
        decided = self.filtered(lambda record: record.state not in self._workflow_unlink_states)
        if decided:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(name)s is %(state)s and cannot be deleted.",
                    name=decided[0].display_name,
                    state=labels[decided[0].state],
                )
            )

    # ------------------------------------------------------------------ actions' helper
    def _check_state(self, allowed_states):
        """Refuse the action unless every record is in one of ``allowed_states``."""
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
