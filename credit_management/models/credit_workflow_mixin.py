# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

# Put in the context by ``_workflow_write``/``_workflow_create`` only. An RPC client can send any
# JSON in its context, but never this object: a context key holding it proves that the write comes
# from the model's own code, not from a client.
_WORKFLOW_TOKEN = object()
_CONTEXT_KEY = "credit_workflow_token"


class CreditGuardMixin(models.AbstractModel):
    """The one guard of the suite's fields that not every user who may edit a record may change.

    A model declares in ``_credit_guarded_fields()`` who may change each of its guarded fields:
    comma-separated group xml ids (any of them), or ``None`` for "only the model's own code" (its
    actions, which check the rights themselves and then write with ``_workflow_write``). A direct
    ``write``/``create`` changing a guarded field the user does not own is refused with an
    AccessError naming the fields, over RPC, an import or a form alike.

    Users whose right to write the model comes only from the groups of
    ``_credit_guard_scope_groups()`` (e.g. credit managers on customers) write only the guarded
    fields those groups own, not every field of every record.

    Trusted: ``_workflow_write``/``_workflow_create``, the server itself (uid ``SUPERUSER_ID``)
    and, when ``_credit_guard_trust_sudo`` is set, code running ``sudo()`` (each such call carries
    a comment saying why it is safe).
    """

    _name = "credit.guard.mixin"
    _description = "Credit Field Guard Mixin"

    # sudo() code may change guarded fields (host models whose own code syncs them with sudo)
    _credit_guard_trust_sudo = True

    def _credit_guarded_fields(self):
        """{field name: "group_xmlid,group_xmlid" allowed to change it, or None (code only)}."""
        return {}

    def _credit_guard_scope_groups(self):
        """Groups whose write access on this model is granted for their guarded fields only."""
        return ()

    def _credit_guard_trusted(self):
        return (
            self.env.context.get(_CONTEXT_KEY) is _WORKFLOW_TOKEN
            or self.env.uid == SUPERUSER_ID
            or (self._credit_guard_trust_sudo and self.env.su)
        )

    def _credit_guard_owns(self, groups):
        return bool(groups) and any(self.env.user.has_group(group) for group in groups.split(","))

    def _credit_guard_changed(self, vals, fnames):
        """The fields of ``fnames`` that ``vals`` would change on a record of ``self``."""
        changed = set()
        for fname in fnames:
            field = self._fields[fname]
            # sudo: compares the current values, whatever fields the user may read
            for record in self.sudo():
                new = field.convert_to_record(field.convert_to_cache(vals[fname], record), record)
                if new != record[fname]:
                    changed.add(fname)
                    break
        return changed

    def _credit_guard_refuse(self, fnames):
        guarded = self._credit_guarded_fields()
        labels = ", ".join(
            sorted(self._fields[fname]._description_string(self.env) for fname in fnames)
        )
        document = self.env["ir.model"]._get(self._name).name
        if any(guarded.get(fname) is None for fname in fnames):
            raise AccessError(
                self.env._(
                    "%(fields)s of %(document)s can only be changed through its buttons "
                    "(submit, approve, refuse...), not written directly.",
                    fields=labels,
                    document=document,
                )
            )
        groups = {
            group
            for fname in fnames
            for group in (guarded[fname] or "").split(",")
            if self.env.ref(group, raise_if_not_found=False)
        }
        raise AccessError(
            self.env._(
                "%(fields)s of %(document)s can only be changed by: %(groups)s.",
                fields=labels,
                document=document,
                # sudo: the names of the groups that may do it, for the refusal message
                groups=", ".join(sorted(self.env.ref(group).sudo().full_name for group in groups)),
            )
        )

    def _credit_guard_check(self, changed):
        guarded = self._credit_guarded_fields()
        refused = {
            fname for fname in changed if not self._credit_guard_owns(guarded.get(fname) or "")
        }
        if refused:
            self._credit_guard_refuse(refused)

    def _credit_guard_write_is_scoped(self):
        """True when the user may write this model only through ``_credit_guard_scope_groups``."""
        scope = self._credit_guard_scope_groups()
        if not scope or not any(self.env.user.has_group(group) for group in scope):
            return False
        scope_ids = [self.env.ref(group).id for group in scope]
        other_groups = [gid for gid in self.env.user._get_group_ids() if gid not in scope_ids]
        self.env["ir.model.access"].flush_model()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT 1
                  FROM ir_model_access a
                  JOIN ir_model m ON m.id = a.model_id
                 WHERE m.model = %(model)s
                   AND a.active
                   AND a.perm_write
                   AND (a.group_id IS NULL OR a.group_id = ANY(%(groups)s))
                 LIMIT 1
                """,
                model=self._name,
                groups=other_groups,
            )
        )
        return not rows

    def _credit_guard_vals(self, vals, creating=False):
        """Refuse ``vals`` when they change a guarded field the user does not own, or a field
        outside the user's scope (see the class)."""
        if self._credit_guard_trusted():
            return
        guarded = self._credit_guarded_fields()
        touched = guarded.keys() & vals.keys()
        if creating:
            changed = {fname for fname in touched if vals[fname]}
        else:
            changed = self._credit_guard_changed(vals, touched)
        if changed:
            self._credit_guard_check(changed)
        outside = vals.keys() - guarded.keys()
        if outside and self._credit_guard_write_is_scoped():
            raise AccessError(
                self.env._(
                    "You may only change the credit fields of %(document)s.",
                    document=self.env["ir.model"]._get(self._name).name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._credit_guard_vals(vals, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        try:
            self._credit_guard_vals(vals)
        except UserError:  # AccessError included
            # A user who may not write these records at all is told so, as by Odoo: the guard
            # compares the values with sudo, and its refusal would tell a value the user may not
            # read (changed: refused by the guard; unchanged: refused by the record rules).
            self.check_access("write")
            raise
        return super().write(vals)

    def _workflow_write(self, vals):
        """Write guarded fields: for the model's own actions, after their checks."""
        return self.with_context(**{_CONTEXT_KEY: _WORKFLOW_TOKEN}).write(vals)

    @api.model
    def _workflow_create(self, vals_list):
        """Create documents past their initial state: for the model's own code only."""
        return self.with_context(**{_CONTEXT_KEY: _WORKFLOW_TOKEN}).create(vals_list)


class CreditWorkflowMixin(models.AbstractModel):
    """The one guard of the suite's documents that move through a ``state`` selection.

    A document's state, its decision fields (approver, dates, amounts a decision fixed: listed in
    ``_workflow_fields``) change only through the model's ``action_<to>`` methods, which check the
    group and the source state (``_check_state``) and then write with ``_workflow_write``. A
    direct ``write``/``create`` of those fields by anybody (over RPC, an import, a form, sudo code)
    is refused with an AccessError, and so is ``unlink`` of a document outside
    ``_workflow_unlink_states``. Data files and the server itself (uid ``SUPERUSER_ID``) are not
    restricted.
    """

    _name = "credit.workflow.mixin"
    _inherit = ["credit.guard.mixin"]
    _description = "Credit Workflow Mixin"
    _credit_guard_trust_sudo = False

    # decision fields guarded with ``state``
    _workflow_fields = ()
    # a document is created in this state (the field's default)
    _workflow_initial_state = "draft"
    # states in which a document may be deleted
    _workflow_unlink_states = ("draft", "cancel")
    # what a decision is taken on (the request, the scores...): changed only while the document
    # is in one of ``_workflow_edit_states``
    _workflow_locked_fields = ()
    _workflow_edit_states = ("draft",)

    # ------------------------------------------------------------------ guard
    def _workflow_guarded_fields(self):
        """The state and the decision fields: written only through ``_workflow_write``."""
        return {"state", *self._workflow_fields}

    def _credit_guarded_fields(self):
        return dict(
            super()._credit_guarded_fields(),
            **dict.fromkeys(self._workflow_guarded_fields()),
        )

    def _credit_guard_vals(self, vals, creating=False):
        if creating and vals.get("state") == self._workflow_initial_state:
            vals = {key: value for key, value in vals.items() if key != "state"}
        if not creating and not self._credit_guard_trusted():
            self._workflow_check_locked(vals)
        return super()._credit_guard_vals(vals, creating=creating)

    def _workflow_check_locked(self, vals):
        """Refuse to change the locked fields of documents past their edit states."""
        locked = set(self._workflow_locked_fields) & vals.keys()
        if not locked:
            return
        decided = self.filtered(lambda record: record.state not in self._workflow_edit_states)
        changed = decided._credit_guard_changed(vals, locked) if decided else set()
        if changed:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(fields)s of %(name)s can no longer be changed: it is %(state)s.",
                    fields=", ".join(
                        sorted(self._fields[f]._description_string(self.env) for f in changed)
                    ),
                    name=decided[0].display_name,
                    state=labels[decided[0].state],
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        # whoever asks, the server included: a decided document is evidence
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
