# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# ruff: noqa: E501 (the table: one line per cell group reads best)
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
  field by a user who may only write credit fields), ``acl:<model>`` (no access right on another
  model the operation needs), or ``re:<regular expression>`` matched against the refusal message
  (the action's own rights check).

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
    match = re.search(r"You are not allowed to \w+ .*?\((?P<model>[\w.]+)\)", message)
    if match:
        return "acl" if match["model"] == model else f"acl:{match['model']}"
    first = message.splitlines()[0][:50]
    return "re:" + re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", first)


def expected(row, role):
    code = ROLE_CODES[role]
    for outcome, codes in row.items():
        if code in codes.split():
            return outcome
    return None


def matches(expected_outcome, outcome, message):
    if expected_outcome is None:
        return False
    if not expected_outcome.startswith("re:") and "|" in expected_outcome:
        # either refusal: a tracked document out of the user's reach (mail.thread reads its
        # tracked values as the user before the write) is refused by the read rule when the
        # values are not in the ORM cache, else by the write check (acl)
        return any(matches(one, outcome, message) for one in expected_outcome.split("|"))
    if expected_outcome.startswith("re:"):
        return outcome.startswith("re:") and bool(re.search(expected_outcome[3:], message))
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
    """The first record of ``model`` (in the current company when it has companies)."""
    records = env[model].sudo().with_context(active_test=False)
    if "company_id" in records._fields and records._fields["company_id"].store:
        found = records.search([*domain, ("company_id", "in", [env.company.id, False])], limit=1)
        if found:
            return found
    return records.search(list(domain), limit=1)


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
    manager = env["hr.employee"].search([("user_id", "=", users["appraiser"].id)], limit=1) or env[
        "hr.employee"
    ].create({"name": "Matrix appraiser", "user_id": users["appraiser"].id})
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
MATRIX = {
    "account.move": {
        "read": {"rule": "SP PO", "ok": "SM IU AC CC CS CA CM", "acl": "HR AP LR"},
        "write followup_date_last": {
            "rule": "SP PO",
            "acl": "SM CC CS CA CM HR AP LR",
            "buttons": "IU AC",
        },
        "write followup_dispute_reason": {
            "rule": "SP PO",
            "acl": "SM CC CS CA CM HR AP LR",
            "buttons": "IU AC",
        },
        "write followup_disputed": {
            "rule": "SP PO",
            "acl": "SM CC CS CA CM HR AP LR",
            "buttons": "IU AC",
        },
        "write followup_level_id": {
            "rule": "SP PO",
            "acl": "SM CC CS CA CM HR AP LR",
            "buttons": "IU AC",
        },
        "write followup_promise_date": {
            "rule": "SP PO",
            "acl": "SM CC CS CA CM HR AP LR",
            "buttons": "IU AC",
        },
        "action_view_followup_communications": {"ok": "SP SM IU AC CC CS CA CM HR AP LR PO"},
    },
    "credit.ageing.report": {
        "read": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
    },
    "credit.annual.report": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR PO", "error": "CC CS CA CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "write computed_by_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write date_computed": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write date_done": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write done_by_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write figures": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write state": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "action_compute": {
            "re:Only the credit department can compute year-end re": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
        "action_done": {
            "re:Only credit managers can finalize or reopen a year": "SP SM IU AC CC CS CA HR AP LR PO",
            "ok": "CM",
        },
        "action_draft": {
            "re:Only credit managers can finalize or reopen a year": "SP SM IU AC CC CS CA HR AP LR PO",
            "error": "CM",
        },
        "action_export_xlsx": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "action_print": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
    },
    "credit.annual.report.wizard": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "unlink": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
    },
    "credit.application": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR", "ok": "CC CS CA CM", "acl:ir.sequence": "PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "write approval_date": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write approver_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write first_approval_date": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write first_approver_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write refuse_date": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write state": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "action_approve": {
            "re:Only members of the group Credit Manager can do th": "SP SM IU AC CC CS CA HR AP LR",
            "error": "CM",
            "acl:res.groups": "PO",
        },
        "action_draft": {
            "re:Only members of the group Credit User can do this ": "SP SM IU AC HR AP LR",
            "error": "CC CS CA CM",
            "acl:res.groups": "PO",
        },
        "action_refresh_data": {
            "re:Only members of the group Credit User can do this ": "SP SM IU AC HR AP LR",
            "ok": "CC CS CA CM",
            "acl:res.groups": "PO",
        },
        "action_refuse": {
            "re:Only members of the group Credit Manager can do th": "SP SM IU AC CC CS CA HR AP LR",
            "error": "CM",
            "acl:res.groups": "PO",
        },
        "action_submit": {
            "re:Only members of the group Credit User can do this ": "SP SM IU AC HR AP LR",
            "ok": "CC CS CA CM",
            "acl:res.groups": "PO",
        },
    },
    "credit.application.line": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "unlink": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
    },
    "credit.appraisal": {
        "read": {"rule": "SP SM IU AC CC CS CA", "ok": "CM HR AP LR", "acl": "PO"},
        "create": {"error": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA AP LR PO", "ok": "CM HR"},
        "write approval_date": {
            "rule": "SP SM IU AC CC CS CA",
            "buttons": "CM HR AP LR",
            "acl": "PO",
        },
        "write approver_id": {
            "rule": "SP SM IU AC CC CS CA",
            "buttons": "CM HR AP LR",
            "acl": "PO",
        },
        "write bonus_deduction": {
            "rule": "SP SM IU AC CC CS CA",
            "buttons": "CM HR AP LR",
            "acl": "PO",
        },
        "write is_award": {"rule": "SP SM IU AC CC CS CA", "buttons": "CM HR AP LR", "acl": "PO"},
        "write rating": {"rule": "SP SM IU AC CC CS CA", "buttons": "CM HR AP LR", "acl": "PO"},
        "write reviewer_id": {
            "rule": "SP SM IU AC CC CS CA",
            "buttons": "CM HR AP LR",
            "acl": "PO",
        },
        "write state": {"rule": "SP SM IU AC CC CS CA", "buttons": "CM HR AP LR", "acl": "PO"},
        "write total_score": {
            "rule": "SP SM IU AC CC CS CA",
            "buttons": "CM HR AP LR",
            "acl": "PO",
        },
        "action_approve": {
            "re:Only the legal representative \\(appraisal approvers": "SP SM IU AC CC CS CA CM HR AP PO",
            "error": "LR",
        },
        "action_cancel": {
            "rule": "SP SM IU AC CC CS CA",
            "ok": "CM HR AP",
            "re:You cannot cancel the appraisal Zhang Wei \\(张伟\\) - 2": "LR",
            "acl": "PO",
        },
        "action_draft": {
            "re:Only credit managers and HR officers can do this o": "SP SM IU AC CC CS CA AP LR PO",
            "error": "CM HR",
        },
        "action_reopen": {
            "re:Only credit managers can reopen an approved apprai": "SP SM IU AC CC CS CA HR AP LR PO",
            "error": "CM",
        },
        "action_review": {
            "re:Only the credit department \\(credit managers\\) revie": "SP SM IU AC CC CS CA HR AP LR PO",
            "error": "CM",
        },
        "action_submit": {
            "rule": "SP SM IU AC CC CS CA",
            "ok": "CM HR AP",
            "re:Only the appraiser of Zhang Wei \\(张伟\\) - 2026 can su": "LR",
            "acl": "PO",
        },
    },
    "credit.appraisal.line": {
        "read": {"rule": "SP SM IU AC CC CS CA AP", "ok": "CM HR LR", "acl": "PO"},
        "create": {"rule": "SP SM IU AC CC CS CA AP", "error": "CM HR LR", "acl": "PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA AP LR PO", "error": "CM HR"},
        "action_apply_suggestion": {
            "rule": "SP SM IU AC CC CS CA AP",
            "error": "CM HR LR",
            "acl:credit.appraisal": "PO",
        },
    },
    "credit.appraisal.template": {
        "read": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "acl": "PO"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
    },
    "credit.appraisal.template.band": {
        "read": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "acl": "PO"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
    },
    "credit.appraisal.template.item": {
        "read": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "acl": "PO"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
    },
    "credit.appraisal.template.section": {
        "read": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "acl": "PO"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
    },
    "credit.clerk.status.history": {
        "read": {"acl": "SP SM IU AC AP PO", "ok": "CC CS CA CM HR LR"},
        "create": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
    },
    "credit.collection.case": {
        "read": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR", "ok": "CC CS CA CM", "acl:ir.sequence": "PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "write amount_handed_over": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write close_date": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write reviewer_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write state": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "action_cancel": {
            "re:Only credit users may work on collection cases\\.": "SP SM IU AC HR AP LR PO",
            "re:Only a credit manager may approve, close or reopen": "CC CS CA",
            "ok": "CM",
        },
        "action_close": {
            "re:Only a credit manager may approve, close or reopen": "SP SM IU AC CC CS CA HR AP LR PO",
            "error": "CM",
        },
        "action_draft": {
            "re:Only credit users may work on collection cases\\.": "SP SM IU AC HR AP LR PO",
            "error": "CC CS CA CM",
        },
        "action_handover": {
            "re:Only a credit manager may approve, close or reopen": "SP SM IU AC CC CS CA HR AP LR PO",
            "error": "CM",
        },
        "action_reject": {
            "re:Only a credit manager may approve, close or reopen": "SP SM IU AC CC CS CA HR AP LR PO",
            "error": "CM",
        },
        "action_submit": {
            "re:Only credit users may work on collection cases\\.": "SP SM IU AC HR AP LR PO",
            "error": "CC CS CA CM",
        },
    },
    "credit.collection.contact": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
    },
    "credit.collection.contact.wizard": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "unlink": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
    },
    "credit.collection.kpi.report": {
        "read": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
        "create": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
        "unlink": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
    },
    "credit.collection.kpi.wizard": {
        "read": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
        "create": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
        "unlink": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
    },
    "credit.collection.worklist": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "action_log_contact": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "action_log_dispute": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "action_log_no_answer": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "action_log_promise": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "action_log_reached": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "action_log_wrong_contact": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "action_open_invoices": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "action_open_partner": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "action_refresh": {"error": "SP SM IU AC CC CS CA CM HR AP LR PO"},
    },
    "credit.complaint": {
        "read": {"rule": "SP SM IU AC HR AP LR", "ok": "CC CS CA CM", "acl": "PO"},
        "create": {"buttons": "SP SM IU AC CC CS CA CM HR AP LR", "acl:ir.sequence": "PO"},
        "unlink": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "write answered_by_id": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write date_answered": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write date_filed": {"rule": "SP SM IU AC HR AP LR", "buttons": "CC CS CA CM", "acl": "PO"},
        "write filed_by_id": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write state": {"rule": "SP SM IU AC HR AP LR", "buttons": "CC CS CA CM", "acl": "PO"},
        "action_answer": {
            "re:Only the credit department answers complaints\\.": "SP SM IU AC HR AP LR PO",
            "error": "CC CS CA CM",
        },
        "action_close": {"rule": "SP SM IU AC HR AP LR", "error": "CC CS CA CM", "acl": "PO"},
    },
    "credit.contract": {
        "read": {"ok": "SP SM CC CS CA CM LR", "rule": "IU AC HR AP", "acl": "PO"},
        "create": {
            "re:Handler: you can only draft contracts you handle y": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
        "unlink": {"rule": "SP SM IU AC HR AP LR", "error": "CC CS CA CM", "acl": "PO"},
        "write approval_date": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write approver_id": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write authorization_id": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write invalid_date": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write invalid_reason": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write refuse_reason": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write registration_date": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write signer_id": {"rule": "SP SM IU AC HR AP LR", "buttons": "CC CS CA CM", "acl": "PO"},
        "write state": {"rule": "SP SM IU AC HR AP LR", "buttons": "CC CS CA CM", "acl": "PO"},
        "write termination_date": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write termination_notice_date": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write termination_procedure": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write termination_reason": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write termination_registration_date": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "action_amend": {
            "re:Only the handler of HT/2026/0011 or the credit dep": "SP SM LR",
            "rule": "IU AC HR AP",
            "ok": "CC CS CA CM",
            "acl": "PO",
        },
        "action_approve": {
            "re:Only members of the group Credit User can do this ": "SP SM IU AC HR AP LR",
            "error": "CC CS CA CM",
            "acl:res.groups": "PO",
        },
        "action_chase_performance": {
            "re:Only members of the group Credit User can do this ": "SP SM IU AC HR AP LR",
            "ok": "CC CS CA CM",
            "acl:res.groups": "PO",
        },
        "action_complete": {
            "re:Only members of the group Credit User can do this ": "SP SM IU AC HR AP LR",
            "ok": "CC CS CA CM",
            "acl:res.groups": "PO",
        },
        "action_include_all_clauses": {
            "re:Only the handler of HT/2026/0011 or the credit dep": "SP SM LR",
            "rule": "IU AC HR AP",
            "error": "CC CS CA CM",
            "acl": "PO",
        },
        "action_invalidate": {
            "re:Only members of the group Credit Manager can do th": "SP SM IU AC CC CS CA HR AP LR",
            "ok": "CM",
            "acl:res.groups": "PO",
        },
        "action_propose_credit_application": {
            "re:Only members of the group Credit User can do this ": "SP SM IU AC HR AP LR",
            "ok": "CC CS CA CM",
            "acl:res.groups": "PO",
        },
        "action_refuse": {
            "re:Only members of the group Credit User can do this ": "SP SM IU AC HR AP LR",
            "error": "CC CS CA CM",
            "acl:res.groups": "PO",
        },
        "action_report_clerk_violation": {
            "re:Only members of the group Credit Manager can do th": "SP SM IU AC CC CS CA HR AP LR",
            "ok": "CM",
            "acl:res.groups": "PO",
        },
        "action_request_seal": {
            "re:Only the handler of HT/2026/0011 or the credit dep": "SP SM LR",
            "rule": "IU AC HR AP",
            "error": "CC CS CA CM",
            "acl": "PO",
        },
        "action_sign": {
            "re:Only the handler of HT/2026/0011 or the credit dep": "SP SM LR",
            "rule": "IU AC HR AP",
            "error": "CC CS CA CM",
            "acl": "PO",
        },
        "action_start_performance": {
            "re:Only the handler of HT/2026/0011 or the credit dep": "SP SM LR",
            "rule": "IU AC HR AP",
            "error": "CC CS CA CM",
            "acl": "PO",
        },
        "action_submit": {
            "re:Only the handler of HT/2026/0011 or the credit dep": "SP SM LR",
            "rule": "IU AC HR AP",
            "error": "CC CS CA CM",
            "acl": "PO",
        },
        "action_terminate": {
            "re:Only members of the group Credit Manager can do th": "SP SM IU AC CC CS CA HR AP LR",
            "ok": "CM",
            "acl:res.groups": "PO",
        },
        "action_view_invoices": {"ok": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "action_view_reviews": {"ok": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "action_view_sale_orders": {"ok": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "action_view_seal_uses": {"ok": "SP SM CC CS CA CM LR", "rule": "IU AC HR AP", "acl": "PO"},
    },
    "credit.contract.authorization": {
        "read": {"rule": "SP SM IU AC HR AP", "ok": "CC CS CA CM LR", "acl": "PO"},
        "create": {
            "re:Only members of the group Credit Manager can do th": "SP SM IU AC CC CS CA HR AP LR",
            "ok": "CM",
            "acl:res.groups": "PO",
        },
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "write approval_date": {
            "rule": "SP SM IU AC HR AP",
            "acl": "CC CS CA PO",
            "buttons": "CM LR",
        },
        "write approver_id": {
            "rule": "SP SM IU AC HR AP",
            "acl": "CC CS CA PO",
            "buttons": "CM LR",
        },
        "write prepared_by_id": {
            "rule": "SP SM IU AC HR AP",
            "acl": "CC CS CA PO",
            "buttons": "CM LR",
        },
        "write revoke_date": {
            "rule": "SP SM IU AC HR AP",
            "acl": "CC CS CA PO",
            "buttons": "CM LR",
        },
        "write revoke_reason": {
            "rule": "SP SM IU AC HR AP",
            "acl": "CC CS CA PO",
            "buttons": "CM LR",
        },
        "write state": {"rule": "SP SM IU AC HR AP", "acl": "CC CS CA PO", "buttons": "CM LR"},
        "action_approve": {
            "re:Only members of the group Legal Representative can": "SP SM IU AC CC CS CA CM HR AP",
            "error": "LR",
            "acl:res.groups": "PO",
        },
        "action_reject": {
            "re:Only members of the group Legal Representative can": "SP SM IU AC CC CS CA CM HR AP",
            "error": "LR",
            "acl:res.groups": "PO",
        },
        "action_revoke": {
            "re:Only credit managers and the legal representative ": "SP SM IU AC CC CS CA HR AP PO",
            "ok": "CM LR",
        },
        "action_submit": {
            "re:Only members of the group Credit Manager can do th": "SP SM IU AC CC CS CA HR AP LR",
            "error": "CM",
            "acl:res.groups": "PO",
        },
    },
    "credit.contract.clause": {
        "read": {"ok": "SP SM CC CS CA CM LR", "rule": "IU AC HR AP", "acl": "PO"},
        "create": {"rule": "SP SM IU AC HR AP LR", "error": "CC CS CA CM", "acl": "PO"},
        "unlink": {"rule": "SP SM IU AC HR AP LR", "error": "CC CS CA CM", "acl": "PO"},
    },
    "credit.contract.decision.wizard": {
        "read": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "acl": "PO"},
        "create": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "acl": "PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
    },
    "credit.contract.dispute": {
        "read": {"ok": "SP SM CC CS CA CM LR", "rule": "IU AC HR AP", "acl": "PO"},
        "create": {
            "re:Only the credit department handles contract disput": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
        "unlink": {"acl": "SP SM IU AC HR AP LR PO", "error": "CC CS CA CM"},
        "write collection_case_id": {
            "acl": "SP SM LR PO",
            "buttons": "CC CS CA CM",
            "rule": "IU AC HR AP",
        },
        "write date_arbitration": {
            "acl": "SP SM LR PO",
            "buttons": "CC CS CA CM",
            "rule": "IU AC HR AP",
        },
        "write date_closed": {
            "acl": "SP SM LR PO",
            "buttons": "CC CS CA CM",
            "rule": "IU AC HR AP",
        },
        "write date_litigation": {
            "acl": "SP SM LR PO",
            "buttons": "CC CS CA CM",
            "rule": "IU AC HR AP",
        },
        "write date_mediation": {
            "acl": "SP SM LR PO",
            "buttons": "CC CS CA CM",
            "rule": "IU AC HR AP",
        },
        "write state": {"acl": "SP SM LR PO", "buttons": "CC CS CA CM", "rule": "IU AC HR AP"},
        "action_close": {
            "re:Only the credit department handles contract disput": "SP SM IU AC HR AP LR PO",
            "error": "CC CS CA CM",
        },
        "action_escalate": {
            "re:Only the credit department handles contract disput": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
        "action_open_legal_case": {
            "ok": "SP SM CC CS CA CM LR",
            "rule": "IU AC HR AP",
            "acl": "PO",
        },
    },
    "credit.contract.reconciliation": {
        "read": {"rule": "SP SM IU AC HR AP LR", "ok": "CC CS CA CM", "acl": "PO"},
        "create": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "unlink": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "write amount_invoiced": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write amount_open": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write amount_paid": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write confirmed_by_id": {
            "rule": "SP SM IU AC HR AP LR",
            "buttons": "CC CS CA CM",
            "acl": "PO",
        },
        "write state": {"rule": "SP SM IU AC HR AP LR", "buttons": "CC CS CA CM", "acl": "PO"},
        "action_confirm": {
            "re:Only the credit department confirms reconciliation": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
    },
    "credit.contract.review": {
        "read": {"rule": "SP SM IU AC HR AP", "ok": "CC CS CA CM LR", "acl": "PO"},
        "create": {"buttons": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "write clerk_id": {
            "buttons": "CC CS CA CM",
            "acl|rule": "SP SM IU AC HR AP",
            "acl": "LR PO",
        },
        "write date_done": {
            "buttons": "CC CS CA CM",
            "acl|rule": "SP SM IU AC HR AP",
            "acl": "LR PO",
        },
        "write refuse_reason": {
            "buttons": "CC CS CA CM",
            "acl|rule": "SP SM IU AC HR AP",
            "acl": "LR PO",
        },
        "write refused_by_id": {
            "buttons": "CC CS CA CM",
            "acl|rule": "SP SM IU AC HR AP",
            "acl": "LR PO",
        },
        "write state": {
            "buttons": "CC CS CA CM",
            "acl|rule": "SP SM IU AC HR AP",
            "acl": "LR PO",
        },
        "action_approve_contract": {
            "rule": "SP SM IU AC HR AP",
            "error": "CC CS CA CM LR",
            "acl": "PO",
        },
        "action_open_contract": {"rule": "SP SM IU AC HR AP", "ok": "CC CS CA CM LR", "acl": "PO"},
        "action_propose_credit_application": {
            "rule": "SP SM IU AC HR AP",
            "ok": "CC CS CA CM",
            "re:Only members of the group Credit User can do this ": "LR",
            "acl": "PO",
        },
        "action_refresh_checks": {
            "rule": "SP SM IU AC HR AP",
            "error": "CC CS CA CM",
            "re:Only members of the group Credit User can do this ": "LR",
            "acl": "PO",
        },
        "action_return_contract": {
            "rule": "SP SM IU AC HR AP",
            "error": "CC CS CA CM LR",
            "acl": "PO",
        },
    },
    "credit.contract.review.line": {
        "read": {"rule": "SP SM IU AC HR AP", "ok": "CC CS CA CM LR", "acl": "PO"},
        "create": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "action_mark_passed": {
            "rule": "SP SM IU AC HR AP",
            "error": "CC CS CA CM",
            "re:Only the credit department fills the contract revi": "LR",
            "acl": "PO",
        },
    },
    "credit.contract.review.vote": {
        "read": {"rule": "SP SM IU AC HR AP", "ok": "CC CS CA CM LR", "acl": "PO"},
        "create": {"buttons": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "write date": {"rule": "SP SM IU AC CC CS CA CM HR AP LR", "acl": "PO"},
        "write state": {"rule": "SP SM IU AC CC CS CA CM HR AP LR", "acl": "PO"},
        "action_approve": {
            "rule": "SP SM IU AC HR AP",
            "re:Only Sun Hong \\(Finance\\) gives the Finance opinion ": "CC CS CA CM LR",
            "acl": "PO",
        },
        "action_refuse": {
            "rule": "SP SM IU AC HR AP",
            "re:Only Sun Hong \\(Finance\\) gives the Finance opinion ": "CC CS CA CM LR",
            "acl": "PO",
        },
    },
    "credit.contract.seal": {
        "read": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "acl": "PO"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "action_view_uses": {"ok": "SP SM IU AC CC CS CA CM HR AP LR PO"},
    },
    "credit.contract.seal.use": {
        "read": {"rule": "SP SM IU AC HR AP LR", "ok": "CC CS CA CM", "acl": "PO"},
        "create": {"buttons": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "unlink": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "write grant_date": {"buttons": "CC CS CA CM", "rule": "SP SM IU AC HR AP LR", "acl": "PO"},
        "write granted_by_id": {
            "buttons": "CC CS CA CM",
            "rule": "SP SM IU AC HR AP LR",
            "acl": "PO",
        },
        "write request_date": {
            "buttons": "CC CS CA CM",
            "rule": "SP SM IU AC HR AP LR",
            "acl": "PO",
        },
        "write requested_by_id": {
            "buttons": "CC CS CA CM",
            "rule": "SP SM IU AC HR AP LR",
            "acl": "PO",
        },
        "write state": {"buttons": "CC CS CA CM", "rule": "SP SM IU AC HR AP LR", "acl": "PO"},
        "action_grant": {
            "re:Only the custodian of .+ grants its use": "SP SM IU AC CC CS CA CM HR AP LR PO"
        },
        "action_refuse": {
            "re:Only the custodian of .+ grants its use": "SP SM IU AC CC CS CA CM HR AP LR PO"
        },
    },
    "credit.contract.template": {
        "read": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "acl": "PO"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
    },
    "credit.contract.template.clause": {
        "read": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "acl": "PO"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
    },
    "credit.contract.type": {
        "read": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "acl": "PO"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
    },
    "credit.contract.violation.wizard": {
        "read": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
    },
    "credit.exposure.snapshot": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
    },
    "credit.followup.communication": {
        "read": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
        "create": {"buttons": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "write date": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write date_done": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write fee_amount": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write fee_move_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write level_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write partner_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write run_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write state": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "action_cancel": {
            "re:Only credit users can handle follow-up communicati": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
        "action_confirm_communication": {
            "re:Only credit users can handle follow-up communicati": "SP SM IU AC HR AP LR PO",
            "error": "CC CS CA CM",
        },
        "action_mark_done": {
            "re:Only credit users can handle follow-up communicati": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
        "action_print_letter": {
            "ok": "SP SM IU AC CC CS CA CM HR AP LR",
            "acl:ir.actions.report": "PO",
        },
        "action_print_letters": {
            "re:Only credit users can handle follow-up communicati": "SP SM IU AC HR AP LR PO",
            "error": "CC CS CA CM",
        },
        "action_resend": {
            "re:Only credit users can handle follow-up communicati": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
    },
    "credit.followup.communication.line": {
        "read": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
        "create": {"buttons": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "unlink": {
            "acl": "SP SM IU AC CC CS CA HR AP LR PO",
            "re:A follow-up level done for an invoice cannot be un": "CM",
        },
        "write amount_residual": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write amount_total": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write communication_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write date_due": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write days_overdue": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write interest_amount": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write level_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write move_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
    },
    "credit.followup.level": {
        "read": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
    },
    "credit.followup.policy": {
        "read": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "action_set_company_default": {
            "acl": "SP SM HR AP LR PO",
            "acl:res.company": "IU AC CC CS CA CM",
        },
    },
    "credit.dashboard.month": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "rule": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
    },
    "credit.followup.promise.wizard": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "unlink": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
    },
    "credit.followup.run": {
        "read": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR", "ok": "CC CS CA CM", "acl:ir.sequence": "PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "write date_end": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write date_start": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write error_partner_ids": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write hold_count": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write log": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write skipped_count": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write state": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write todo_partners": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write user_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "action_run": {
            "re:Only credit users can run follow-ups\\.": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
        "action_run_background": {
            "re:Only credit users can run follow-ups\\.": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
        "action_view_communications": {"ok": "SP SM IU AC CC CS CA CM HR AP LR PO"},
    },
    "credit.followup.run.wizard": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "unlink": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
    },
    "credit.grade": {
        "read": {"ok": "SP SM CC CS CA CM", "acl": "IU AC HR AP LR PO"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
    },
    "credit.insurance.claim": {
        "read": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR", "ok": "CC CS CA CM", "acl:ir.sequence": "PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "write date_filed": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write date_settled": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write filed_by_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write state": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "action_file": {
            "re:Only members of the group Credit User can do this ": "SP SM IU AC HR AP LR",
            "acl:res.groups": "PO",
            "ok": "CC CS CA CM",
        },
        "action_reject": {
            "re:Only members of the group Credit Manager can do th": "SP SM IU AC CC CS CA HR AP LR",
            "error": "CM",
            "acl:res.groups": "PO",
        },
        "action_settle": {
            "re:Only members of the group Credit Manager can do th": "SP SM IU AC CC CS CA HR AP LR",
            "error": "CM",
            "acl:res.groups": "PO",
        },
    },
    "credit.overdue.customer.report": {
        "read": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
    },
    "credit.release.wizard": {
        "read": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
    },
    "credit.reject.wizard": {
        "read": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
    },
    "credit.scorecard": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
    },
    "credit.scorecard.band": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
    },
    "credit.scorecard.criterion": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
    },
    "credit.security": {
        "read": {"ok": "SP SM IU AC CC CS CA CM", "acl": "HR AP LR PO"},
        "create": {"acl": "SP SM IU AC HR AP LR", "ok": "CC CS CA CM", "acl:ir.sequence": "PO"},
        "unlink": {"acl": "SP SM IU AC HR AP LR PO", "error": "CC CS CA CM"},
        "write approval_date": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write approver_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write state": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "action_approve": {
            "re:Only members of the group Credit Manager can do th": "SP SM IU AC CC CS CA HR AP LR",
            "error": "CM",
            "acl:res.groups": "PO",
        },
        "action_draft": {
            "re:Only members of the group Credit User can do this ": "SP SM IU AC HR AP LR",
            "error": "CC CS CA CM",
            "acl:res.groups": "PO",
        },
        "action_refuse": {
            "re:Only members of the group Credit Manager can do th": "SP SM IU AC CC CS CA HR AP LR",
            "error": "CM",
            "acl:res.groups": "PO",
        },
        "action_release": {
            "re:Only members of the group Credit Manager can do th": "SP SM IU AC CC CS CA HR AP LR",
            "ok": "CM",
            "acl:res.groups": "PO",
        },
        "action_submit": {
            "re:Only members of the group Credit User can do this ": "SP SM IU AC HR AP LR",
            "error": "CC CS CA CM",
            "acl:res.groups": "PO",
        },
    },
    "credit.training.attendee": {
        "read": {"acl": "SP SM IU AC AP LR PO", "ok": "CC CS CA CM HR"},
        "create": {"acl": "SP SM IU AC CC CS CA AP LR PO", "error": "CM HR"},
        "unlink": {"acl": "SP SM IU AC CC CS CA AP LR PO", "ok": "CM HR"},
    },
    "credit.training.session": {
        "read": {"acl": "SP SM IU AC AP LR PO", "ok": "CC CS CA CM HR"},
        "create": {"acl": "SP SM IU AC CC CS CA AP LR PO", "ok": "CM HR"},
        "unlink": {"acl": "SP SM IU AC CC CS CA AP LR PO", "ok": "CM HR"},
        "write state": {"acl": "SP SM IU AC CC CS CA AP LR PO", "buttons": "CM HR"},
        "action_cancel": {
            "re:Only HR officers and credit managers organise trai": "SP SM IU AC CC CS CA AP LR PO",
            "ok": "CM HR",
        },
        "action_done": {
            "re:Only HR officers and credit managers organise trai": "SP SM IU AC CC CS CA AP LR PO",
            "ok": "CM HR",
        },
        "action_draft": {
            "re:Only HR officers and credit managers organise trai": "SP SM IU AC CC CS CA AP LR PO",
            "error": "CM HR",
        },
    },
    "credit.warning": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"buttons": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "write close_reason": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write closed_by_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write company_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write date_closed": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write date_evaluated": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write date_open": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write grade": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write indicator_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write partner_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write severity": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write signal_active": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write state": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write threshold": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write value": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write value_last": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "action_act": {
            "re:Only the credit department can work on credit warn": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
        "action_close": {
            "re:Only the credit department can work on credit warn": "SP SM IU AC HR AP LR PO",
            "error": "CC CS CA CM",
        },
        "action_evaluate_now": {"error": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "action_investigate": {
            "re:Only the credit department can work on credit warn": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
        "action_open_measure_wizard": {
            "re:Only the credit department can work on credit warn": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
        "action_view_measures": {"ok": "SP SM IU AC CC CS CA CM HR AP LR PO"},
    },
    "credit.warning.indicator": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "action_evaluate_now": {"error": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "action_view_warnings": {"ok": "SP SM IU AC CC CS CA CM HR AP LR PO"},
    },
    "credit.warning.measure": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA CM HR AP LR PO"},
        "action_open_reference": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
    },
    "credit.warning.measure.wizard": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "unlink": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
    },
    "credit.warning.signal": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "write resolved_date": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write resolved_user_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write state": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "action_reopen": {
            "re:Only the credit department can resolve or reopen s": "SP SM IU AC HR AP LR PO",
            "error": "CC CS CA CM",
        },
        "action_resolve": {
            "re:Only the credit department can resolve or reopen s": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
    },
    "credit.warning.threshold": {
        "read": {"acl": "SP SM IU AC HR AP LR PO", "ok": "CC CS CA CM"},
        "create": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "ok": "CM"},
    },
    "credit.writeoff": {
        "read": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
        "create": {"acl": "SP SM IU AC HR AP LR", "error": "CC CS CA CM", "acl:ir.sequence": "PO"},
        "unlink": {"acl": "SP SM IU AC CC CS CA HR AP LR PO", "error": "CM"},
        "write approval_date": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write approver_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write move_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write reversal_move_id": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "write state": {"acl": "SP SM IU AC HR AP LR PO", "buttons": "CC CS CA CM"},
        "action_approve": {
            "re:Only a credit manager may approve or undo a bad-de": "SP SM IU AC CC CS CA HR AP LR PO",
            "error": "CM",
        },
        "action_cancel": {
            "re:Only credit users may submit a bad-debt write-off\\.": "SP SM IU AC HR AP LR PO",
            "ok": "CM",
            "re:Only a credit manager may approve or undo a bad-de": "CC CS CA",
        },
        "action_create_insurance_claim": {
            "re:Only credit users may submit a bad-debt write-off\\.": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
        "action_draft": {
            "re:Only credit users may submit a bad-debt write-off\\.": "SP SM IU AC HR AP LR PO",
            "error": "CC CS CA CM",
        },
        "action_open_move": {"acl": "SP SM HR AP LR PO", "ok": "IU AC CC CS CA CM"},
        "action_submit": {
            "re:Only credit users may submit a bad-debt write-off\\.": "SP SM IU AC HR AP LR PO",
            "error": "CC CS CA CM",
        },
    },
    "hr.employee": {
        "read": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "acl:hr.employee.public": "PO"},
        "write credit_clerk_status": {
            "acl": "SP SM IU AC CC CS CA CM AP LR",
            "buttons": "HR",
            "acl:hr.employee.public": "PO",
        },
        "action_view_credit_appraisals": {"ok": "SP SM IU AC CC CS CA CM HR AP LR PO"},
    },
    "res.partner": {
        "read": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "rule": "PO"},
        "write credit_analyst_id": {
            "owner": "SP SM IU AC HR AP LR",
            "ok": "CC CS CA CM",
            "acl|rule": "PO",
        },
        "write credit_collector_id": {
            "owner": "SP SM IU AC HR AP LR",
            "ok": "CC CS CA CM",
            "acl|rule": "PO",
        },
        "write credit_grade": {
            "owner": "SP SM IU AC CC CS CA HR AP LR",
            "ok": "CM",
            "acl|rule": "PO",
        },
        "write credit_hold": {
            "owner": "SP SM IU AC CC CS CA HR AP LR",
            "ok": "CM",
            "acl|rule": "PO",
        },
        "write credit_hold_reason": {
            "owner": "SP SM IU AC CC CS CA HR AP LR",
            "ok": "CM",
            "acl|rule": "PO",
        },
        "write credit_limit": {
            "owner": "SP SM IU CC CS CA HR AP LR",
            "ok": "AC CM",
            "acl|rule": "PO",
        },
        "write credit_review_date_last": {
            "owner": "SP SM IU AC HR AP LR",
            "ok": "CC CS CA CM",
            "acl|rule": "PO",
        },
        "write credit_review_date_next": {
            "owner": "SP SM IU AC HR AP LR",
            "ok": "CC CS CA CM",
            "acl|rule": "PO",
        },
        "write credit_score": {
            "owner": "SP SM IU AC CC CS CA HR AP LR",
            "ok": "CM",
            "acl|rule": "PO",
        },
        "write followup_policy_id": {
            "owner": "SP SM IU AC CC CS CA HR AP LR",
            "ok": "CM",
            "acl|rule": "PO",
        },
        "action_credit_start_review": {
            "re:Only the credit department starts credit reviews\\.": "SP SM IU AC HR AP LR PO",
            "ok": "CC CS CA CM",
        },
        "action_new_credit_signal": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "rule": "PO"},
        "action_view_credit_applications": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "rule": "PO"},
        "action_view_credit_contracts": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "rule": "PO"},
        "action_view_credit_securities": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "rule": "PO"},
        "action_view_credit_warnings": {"ok": "SP SM IU AC CC CS CA CM HR AP LR", "rule": "PO"},
        "action_view_followup_communications": {
            "ok": "SP SM IU AC CC CS CA CM HR AP LR",
            "rule": "PO",
        },
    },
    "sale.order": {
        "read": {"rule": "SP PO", "ok": "SM IU AC CC CS CA CM", "acl": "HR AP LR"},
        "write credit_checked_amount": {
            "rule": "SP CS CA CM PO",
            "buttons": "SM IU AC",
            "acl": "CC HR AP LR",
        },
        "write credit_hold": {
            "rule": "SP CS CA CM PO",
            "buttons": "SM IU AC",
            "acl": "CC HR AP LR",
        },
        "write credit_hold_reason": {
            "rule": "SP CS CA CM PO",
            "buttons": "SM IU AC",
            "acl": "CC HR AP LR",
        },
        "write credit_reject_reason": {
            "rule": "SP CS CA CM PO",
            "buttons": "SM IU AC",
            "acl": "CC HR AP LR",
        },
        "write credit_release_date": {
            "rule": "SP CS CA CM PO",
            "buttons": "SM IU AC",
            "acl": "CC HR AP LR",
        },
        "write credit_release_user_id": {
            "rule": "SP CS CA CM PO",
            "buttons": "SM IU AC",
            "acl": "CC HR AP LR",
        },
        "write credit_released_amount": {
            "rule": "SP CS CA CM PO",
            "buttons": "SM IU AC",
            "acl": "CC HR AP LR",
        },
        "action_confirm": {"rule": "SP CS CA CM", "ok": "SM IU AC", "acl": "CC HR AP LR PO"},
        "action_credit_file_complaint": {
            "rule": "SP PO",
            "ok": "SM IU AC CC CS CA CM",
            "acl": "HR AP LR",
        },
        "action_credit_reject": {
            "re:Only credit managers can release, reject or change": "SP SM IU AC CC CS CA HR AP LR PO",
            "ok": "CM",
        },
        "action_credit_release": {
            "re:Only credit managers can release, reject or change": "SP SM IU AC CC CS CA HR AP LR PO",
            "ok": "CM",
        },
        "action_credit_release_wizard": {
            "re:Only credit managers can release, reject or change": "SP SM IU AC CC CS CA HR AP LR PO",
            "ok": "CM",
        },
        "action_credit_view_complaints": {"ok": "SP SM IU AC CC CS CA CM HR AP LR PO"},
    },
}
