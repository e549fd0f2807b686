# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The access matrix of the suite: who may do what, as data (run by test_access_matrix.py).

``MATRIX[model][operation]`` maps each outcome to the roles (codes of ``ROLE_CODES``, separated by
spaces) that get it. Operations: ``read`` (a whole record: ``read()`` without field list),
``create``, ``unlink``, ``write <field>`` for each field a model guards
(``_credit_guarded_fields``: states, decisions, credit fields) and each ``action_*`` button of the
suite. Outcomes:

- ``ok``: allowed (the call went through); ``error``: allowed by the rights, refused by a business
  rule (a UserError/ValidationError, e.g. the record is not in the right state);
- refusals (AccessError), each naming what refused (``classify``): ``acl`` (no access right on the
  model), ``rule`` (record rule), ``fields`` (field groups), ``buttons`` (a workflow field written
  directly), ``owner`` (a credit field not owned by the user's groups), ``scope`` (a non-credit
  field by a user who may only write credit fields), or ``re:<regular expression>`` matched
  against the refusal message (the action's own rights check).

Adding a model, a guarded field or a button without its row fails the test. To get the row as
the server answers today, run the test with ``CREDIT_MATRIX_RECORD=/tmp/matrix.py``, review what
each role may do, and copy the row here. ``FIXTURES`` says which record a model's cells work on
when the first record of the demo data is not the right one.
"""

import logging
import re

from odoo import Command, fields

_logger = logging.getLogger(__name__)

SUITE_MODULES = {
    "credit_management",
    "credit_management_collections",
    "credit_management_hr_appraisal",
}

ROLE_CODES = {
    "salesperson": "SP",
    "sales_manager": "SM",
    "invoicing_user": "IU",
    "accountant": "AC",
    "credit_clerk": "CC",
    "credit_clerk_sales": "CS",
    "credit_analyst": "CA",
    "credit_manager": "CM",
    "hr_officer": "HR",
    "appraiser": "AP",
    "legal_representative": "LR",
    "portal": "PO",
}

# models of the suite that are not documents a role works on (no rows needed)
NOT_IN_MATRIX = set()

# fields left out of the values a "create" cell sends (copied from the fixture)
NO_COPY = set()


# ---------------------------------------------------------------------------- outcomes
def classify(model, kind, message):
    """The outcome code of a cell from the exception class name and message it answered."""
    if kind == "ok":
        return "ok"
    if kind != "AccessError":
        return "error"
    if "can only be changed through its buttons" in message:
        return "buttons"
    if "can only be changed by" in message:
        return "owner"
    if "You may only change the credit fields" in message:
        return "scope"
    if "enough rights to access the fields" in message:
        return "fields"
    if "Uh-oh" in message or "top-secret" in message:
        return "rule"
    if re.search(rf"You are not allowed to \w+ .*\({re.escape(model)}\)", message):
        return "acl"
    return "re:" + re.escape(message.splitlines()[0][:60])


def expected(row, role):
    code = ROLE_CODES[role]
    for outcome, codes in row.items():
        if code in codes.split():
            return outcome
    return None


def matches(expected_outcome, outcome, message):
    if expected_outcome is None:
        return False
    if expected_outcome.startswith("re:"):
        return outcome != "ok" and bool(re.search(expected_outcome[3:], message))
    return expected_outcome == outcome


def render(observed):
    """The observed cells in the format of MATRIX."""
    lines = ["MATRIX = {"]
    for model in sorted(observed):
        lines.append(f"    {model!r}: {{")
        for operation, cells in observed[model].items():
            by_outcome = {}
            for role, (outcome, _message) in cells.items():
                by_outcome.setdefault(outcome, []).append(ROLE_CODES[role])
            inner = ", ".join(
                f"{outcome!r}: {' '.join(codes)!r}" for outcome, codes in by_outcome.items()
            )
            lines.append(f"        {operation!r}: {{{inner}}},")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- fixtures
def _first(env, model, domain=()):
    return env[model].sudo().with_context(active_test=False).search(list(domain), limit=1)


def _customer(env, users):
    return env.ref("credit_management.partner_manual_hold_demo")


def _held_order(env, users):
    order = env.ref("credit_management.sale_order_manual_hold_demo")
    if not order.credit_hold:
        order.action_confirm()
    return order


def _invoice(env, users):
    return env.ref("credit_management.invoice_overdue_demo")


def _employee(env, users):
    return _first(env, "hr.employee", [("is_credit_clerk", "=", True)])


def _appraisal(env, users):
    """A draft appraisal whose clerk the appraiser role manages."""
    appraisal = _first(env, "credit.appraisal", [("state", "=", "draft")])
    manager = env["hr.employee"].create(
        {"name": "Matrix appraiser", "user_id": users["appraiser"].id}
    )
    appraisal.employee_id.parent_id = manager
    appraisal.appraiser_id = users["appraiser"]
    return appraisal


def _reject_wizard(env, users):
    return env["credit.reject.wizard"].create(
        {"order_ids": [Command.set(_held_order(env, users).ids)], "reason": "matrix"}
    )


def _promise_wizard(env, users):
    return env["credit.followup.promise.wizard"].create(
        {"move_ids": [Command.set(_invoice(env, users).ids)], "kind": "clear"}
    )


def _run_wizard(env, users):
    return env["credit.followup.run.wizard"].create({"date": fields.Date.today()})


def _seal_use(env, users):
    """A seal use request needs an approved contract."""
    contract = _first(env, "credit.contract") or _auto_record(env, "credit.contract")
    if contract.state == "draft":
        contract._workflow_write({"state": "approved"})
    use = _first(env, "credit.contract.seal.use")
    if not use:
        seal = _first(env, "credit.contract.seal") or _auto_record(env, "credit.contract.seal")
        use = env["credit.contract.seal.use"].create(
            {"contract_id": contract.id, "seal_id": seal.id, "copies": 1}
        )
    return use


# model: function(env, users) -> the record its cells work on (default: its first record)
FIXTURES = {
    "res.partner": _customer,
    "sale.order": _held_order,
    "account.move": _invoice,
    "hr.employee": _employee,
    "credit.appraisal": _appraisal,
    "credit.reject.wizard": _reject_wizard,
    "credit.followup.promise.wizard": _promise_wizard,
    "credit.followup.run.wizard": _run_wizard,
    "credit.contract.seal.use": _seal_use,
}


def _value_for(env, field):
    """A plausible value of a required field (the first record, option, a date...)."""
    if field.type == "many2one":
        comodel = env[field.comodel_name].sudo()
        domain = []
        if "company_id" in comodel._fields and field.comodel_name != "res.company":
            domain = [("company_id", "in", [env.company.id, False])]
        return (comodel.search(domain, limit=1) or comodel.search([], limit=1)).id
    if field.type in ("many2many", "one2many"):
        return [Command.link(env[field.comodel_name].sudo().search([], limit=1).id)]
    if field.type == "selection":
        return field._description_selection(env)[0][0]
    if field.type in ("char", "text", "html"):
        return "Matrix"
    if field.type == "date":
        return fields.Date.today()
    if field.type == "datetime":
        return fields.Datetime.now()
    if field.type in ("integer", "float", "monetary"):
        return 1
    return True


def _auto_record(env, name):
    """A record of ``name`` with its required fields filled in, when no demo record exists."""
    model = env[name].sudo().with_context(tracking_disable=True)
    vals = model.default_get(list(model._fields))
    for fname, field in model._fields.items():
        if field.required and not field.compute and not vals.get(fname) and field.store:
            vals[fname] = _value_for(env, field)
    create = getattr(model, "_workflow_create", model.create)
    try:
        with env.cr.savepoint():
            return create([vals])
    except Exception as error:  # reported as "no fixture" by the test
        _logger.info("access matrix: no %s record from %s: %s", name, vals, error)
        return model.browse()


def prepare_fixtures(env, users, names):
    """{model: function(operation) -> record} for the models ``names`` that have a record."""
    result = {}
    # twice: a record needing another model's (a line, its document) is made on the second pass
    for _attempt in range(2):
        for name in names:
            if name in result:
                continue
            factory = FIXTURES.get(name)
            record = factory(env, users) if factory else _first(env, name)
            if not record:
                record = _auto_record(env, name)
            if record:
                result[name] = lambda operation, record=record: record
    return result


# ---------------------------------------------------------------------------- the table
MATRIX = {}
