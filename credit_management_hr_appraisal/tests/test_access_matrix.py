# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The access matrix of the suite, run as a connector would: JSON-RPC on /web/dataset/call_kw.

Every cell of ``access_matrix.MATRIX`` (role, model, operation) is called by that role's own
session and its outcome compared with the table: ``ok`` (allowed), or the refusal it must get
(see ``access_matrix.REFUSALS``). Each cell runs in a savepoint rolled back afterwards, so cells do
not see each other's effects. A model, a guarded field or an action of the suite missing from the
table fails the test: the table grows with every new screen.

To see what the server answers today (e.g. after adding a model), run the test with
``CREDIT_MATRIX_RECORD=/tmp/matrix.py``: the observed rows are written there, in the table's
format, to be reviewed and copied into ``access_matrix.py``.
"""

import inspect
import json
import logging
import os
import time
from datetime import date, datetime, timedelta

from odoo import Command, fields, models
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.credit_management.tests.common_roles import create_credit_roles

from . import access_matrix as table

_logger = logging.getLogger(__name__)

SUITE_PREFIX = "odoo.addons.credit_management"


class _Rollback(Exception):
    pass


# on the modules-alone database of make test (tests/harness.py: its fixtures are the modules' own
# demo records, which the Chinese demo renames and relocalises)
@tagged("post_install", "-at_install", "credit_modules_alone")
class TestAccessMatrix(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.users = create_credit_roles(
            cls.env, cls.company, prefix="matrix", roles=list(table.ROLE_CODES)
        )
        cls.surface = cls._suite_models()
        cls.fixtures = table.prepare_fixtures(cls.env, cls.users, cls.surface)

    # ------------------------------------------------------------------ the suite's surface
    @classmethod
    def _suite_models(cls):
        """Models the suite creates, and host models it gives guarded fields or actions."""
        result = {}
        for name, model in cls.env.registry.items():
            if model._abstract or name.startswith("ir.") or name in table.NOT_IN_MATRIX:
                continue
            suite_classes = [
                cls
                for cls in model.__mro__
                if getattr(cls, "__module__", "").startswith(SUITE_PREFIX)
                and getattr(cls, "_name", None) in (name, None)
            ]
            if not suite_classes:
                continue
            own = model._original_module in table.SUITE_MODULES
            actions = sorted(
                {
                    attr
                    for cls in suite_classes
                    for attr, value in vars(cls).items()
                    if attr.startswith("action_") and inspect.isfunction(value)
                }
            )
            guarded = (
                sorted(cls.env[name]._credit_guarded_fields())
                if "_credit_guarded_fields" in dir(model)
                else []
            )
            if own or actions or guarded:
                result[name] = {"own": own, "actions": actions, "guarded": guarded}
        return result

    def _operations(self, name, surface):
        model = self.env[name]
        operations = ["read"]
        if surface["own"] and model._auto:
            operations += ["create", "unlink"]
        operations += [f"write {fname}" for fname in surface["guarded"]]
        if not model._transient:
            operations += surface["actions"]
        return operations

    # ------------------------------------------------------------------ one cell
    def _new_value(self, record, fname):
        field = record._fields[fname]
        value = record[fname]
        if field.type == "many2one":
            other = self.env[field.comodel_name].search([("id", "!=", value.id)], limit=1)
            return other.id if not value else False
        if field.type in ("one2many", "many2many"):
            if value:
                return [Command.clear()]
            other = self.env[field.comodel_name].search([], limit=1)
            return [Command.link(other.id)] if field.type == "many2many" else [Command.clear()]
        if field.type == "boolean":
            return not value
        if field.type == "selection":
            options = [key for key, _label in field._description_selection(self.env)]
            return next(key for key in options if key != value)
        if field.type in ("integer", "float", "monetary"):
            return (value or 0) + 1
        if field.type == "date":
            return fields.Date.to_string((value or date.today()) + timedelta(days=1))
        if field.type == "datetime":
            return fields.Datetime.to_string((value or datetime.now()) + timedelta(days=1))
        return f"{value or ''} (matrix)"

    def _jsonable(self, value):
        if isinstance(value, (list, tuple)):
            return [self._jsonable(item) for item in value]
        if isinstance(value, dict):
            return {key: self._jsonable(item) for key, item in value.items()}
        if isinstance(value, datetime):
            return fields.Datetime.to_string(value)
        if isinstance(value, date):
            return fields.Date.to_string(value)
        if isinstance(value, models.BaseModel):
            return value.ids
        return value

    def _call(self, model, method, args, kwargs=None):
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": kwargs or {"context": {"lang": "en_US"}},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        answer = response.json()
        if "error" in answer:
            data = answer["error"]["data"]
            return data["name"].rsplit(".", 1)[-1], data["message"]
        return "ok", ""

    def _cell(self, name, operation):
        record = self.fixtures[name](operation)
        if operation == "read":
            return self._call(name, "read", [record.ids])
        if operation == "create":
            vals = record.copy_data()[0] if record else {}
            vals = {key: value for key, value in vals.items() if key not in table.NO_COPY}
            return self._call(name, "create", [self._jsonable(vals)])
        if operation == "unlink":
            return self._call(name, "unlink", [record.ids])
        if operation.startswith("write "):
            fname = operation.split(" ", 1)[1]
            value = self._new_value(record.sudo(), fname)
            before = record.sudo()[fname]
            outcome = self._call(name, "write", [record.ids, {fname: self._jsonable(value)}])
            if outcome[0] != "ok":
                record.invalidate_recordset()
                self.assertEqual(record.sudo()[fname], before, f"{name}.{fname} was written")
            return outcome
        return self._call(name, operation, [record.ids])

    # ------------------------------------------------------------------ the test
    @mute_logger("odoo.http", "odoo.models", "odoo.sql_db", "odoo.addons.base.models.ir_model")
    def test_access_matrix(self):
        surface = self.surface
        _logger.info(
            "access matrix: %s models, %s with a fixture", len(surface), len(self.fixtures)
        )
        missing = []
        for name, info in sorted(surface.items()):
            row = table.MATRIX.get(name, {})
            for operation in self._operations(name, info):
                if operation not in row:
                    missing.append(f"{name}: {operation}")
        record_to = os.environ.get("CREDIT_MATRIX_RECORD")
        observed = {}
        mismatches = []
        timings = []
        for role, user in self.users.items():
            self.authenticate(user.login, user.login)
            for name, info in sorted(surface.items()):
                if name not in self.fixtures:
                    missing.append(f"{name}: no fixture (access_matrix.FIXTURES)")
                    continue
                row = table.MATRIX.get(name, {})
                for operation in self._operations(name, info):
                    if operation not in row and not record_to:
                        continue
                    savepoint = self.env.cr.savepoint(flush=True)
                    started = time.monotonic()
                    try:
                        kind, message = self._cell(name, operation)
                    finally:
                        timings.append((time.monotonic() - started, role, name, operation))
                        savepoint.close(rollback=True)
                        self.env.invalidate_all()
                    outcome = table.classify(name, kind, message)
                    observed.setdefault(name, {}).setdefault(operation, {})[role] = (
                        outcome,
                        message,
                    )
                    if operation not in row:
                        continue
                    expected = table.expected(row[operation], role)
                    if not table.matches(expected, outcome, message):
                        mismatches.append(
                            f"{table.ROLE_CODES[role]} {name} {operation}: expected "
                            f"{expected}, got {outcome} {message[:160]!r}"
                        )
        if record_to:
            with open(record_to, "w") as out:
                out.write(table.render(observed))
            timings.sort(reverse=True)
            _logger.info(
                "access matrix: %s cells in %.0f s; slowest: %s",
                len(timings),
                sum(t[0] for t in timings),
                timings[:25],
            )
        self.assertFalse(
            sorted(set(missing)),
            "The access matrix misses rows (add them to access_matrix.py):\n"
            + "\n".join(sorted(set(missing))),
        )
        self.assertFalse(mismatches, "\n".join(mismatches))
