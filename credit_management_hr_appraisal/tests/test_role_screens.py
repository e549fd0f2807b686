# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Role x screen matrix: what each role of the suite sees in the web client, on a running server.

The expectations are the table ``role_screens.csv`` (one row per menu, report and group of the
suite's modules, one column per role). For every role, over JSON-RPC and HTTP as the web client:

* the menus it sees are exactly the ``v`` cells of the menu rows;
* each menu it sees opens: the action loads, its views load, the records load
  (``web_search_read`` of the list or kanban with the default filters, ``read_group`` of the
  pivot and graph, ``onchange`` of a new record for a form-only action) and the first record
  opens in the form (``web_read``);
* an ``x`` menu cell is refused: the role does not see the menu and loading its records fails;
* each ``p`` report cell renders a real PDF over ``/report/pdf/...`` for the first record the
  role can read; an ``x`` report cell is refused;
* each ``y`` group cell is a group the role has.

A menu, report or group of the suite missing from the table, or a role column missing, fails.
Set ``CREDIT_SCREENS_DUMP=/path.csv`` to write the table as observed (to review and extend it).
"""

import csv
import json
import os
from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger
from odoo.tools.misc import file_path
from odoo.tools.safe_eval import safe_eval

from odoo.addons.credit_management.tests.common_roles import create_credit_roles

MATRIX = "credit_management_hr_appraisal/tests/role_screens.csv"
ROLES = (
    "salesperson",
    "sales_manager",
    "credit_clerk",
    "credit_analyst",
    "credit_manager",
    "followup_accountant",
    "hr_officer",
    "appraiser",
    "appraised_clerk",
    "legal_representative",
    "portal",
)
MENU_CELLS = {"v", "-", "x"}
REPORT_CELLS = {"p", "x", "-"}
GROUP_CELLS = {"y", "-"}
LIST_TYPES = ("list", "kanban")


def read_matrix():
    """{(kind, xmlid): {role: cell}} of the table, in its order."""
    rows = {}
    with open(file_path(MATRIX), newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines)
    for row in reader:
        kind, xmlid = row.pop("kind").strip(), row.pop("xmlid").strip()
        rows[(kind, xmlid)] = {role: (cell or "").strip() for role, cell in row.items()}
    return reader.fieldnames[2:], rows


@tagged("post_install", "-at_install", "credit_journey")
class TestRoleScreens(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.users = create_credit_roles(cls.env, cls.company, prefix="screens", roles=ROLES)
        modules = cls.env["ir.module.module"].search(
            [("name", "=like", "credit_management%"), ("state", "=", "installed")]
        )
        cls.suite_modules = modules.mapped("name")
        cls.columns, cls.matrix = read_matrix()
        cls._printable_fixtures()
        # the appraised clerk's approved appraisal: its appraiser, the clerk and the approvers
        # each have one to open and print
        appraisal = cls.env["credit.appraisal"].create(
            {"employee_id": cls.users["appraised_clerk"].employee_id.id, "year": 2025}
        )
        appraisal.with_user(cls.users["appraiser"]).action_submit()
        appraisal.with_user(cls.users["credit_manager"]).action_review()
        appraisal.with_user(cls.users["legal_representative"]).action_approve()
        # The test server serves one request at a time (one test cursor): wkhtmltopdf, run
        # inside the /report/pdf request, cannot fetch the report's stylesheets from it. It is
        # pointed at a closed port instead and prints the unstyled document (exit code 1, which
        # Odoo accepts): the rights and the rendering are the ones users get, not the styles.
        cls.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")

    @classmethod
    def _printable_fixtures(cls):
        """A document for each report whose roles have none of their own (the demo data gives
        the others): the salesperson's held order, a contract with its review form, an
        authorization letter and a seal when the database has none."""
        env, company = cls.env, cls.company
        company.account_use_credit_limit = True
        customer = env["res.partner"].create({"name": "客户 (matrix)", "is_company": True})
        customer.with_company(company).credit_limit = 1.0
        product = env["product.product"].create({"name": "Matrix goods", "list_price": 100.0})
        order = (
            env["sale.order"]
            .with_user(cls.users["salesperson"])
            .create(
                {
                    "partner_id": customer.id,
                    "order_line": [Command.create({"product_id": product.id})],
                }
            )
        )
        order.action_confirm()
        assert order.credit_hold, "the salesperson's order is held"
        if "credit.contract" not in env or env["credit.contract"].search_count([]):
            return
        contract = env["credit.contract"].create(
            {
                "title": "Matrix contract",
                "type_id": env.ref("credit_management.contract_type_sales").id,
                "partner_id": customer.id,
            }
        )
        env["credit.contract.review"].create({"contract_id": contract.id})
        env["credit.contract.authorization"].create(
            {
                "handler_id": cls.users["credit_clerk"].id,
                "type_ids": [Command.set(contract.type_id.ids)],
                "date_from": date(2026, 1, 1),
                "date_to": date(2026, 12, 31),
            }
        )
        env["credit.contract.seal"].create(
            {"name": "Matrix seal", "custodian_id": cls.users["credit_manager"].id}
        )

    # ------------------------------------------------------------------ the table itself

    def _suite_records(self, model):
        data = self.env["ir.model.data"].search(
            [("module", "in", self.suite_modules), ("model", "=", model)]
        )
        return {f"{d.module}.{d.name}": self.env[model].browse(d.res_id) for d in data}

    def test_table_lists_every_role_menu_report_and_group(self):
        self.assertEqual(tuple(self.columns), ROLES, "one column per role, in this order")
        expected = {("menu", xmlid) for xmlid in self._suite_records("ir.ui.menu")} | {
            ("report", xmlid) for xmlid in self._suite_records("ir.actions.report")
        }
        expected |= {("group", xmlid) for xmlid in self._suite_records("res.groups")}
        self.assertFalse(
            sorted(expected - set(self.matrix)), "menus, reports, groups missing from the table"
        )
        self.assertFalse(
            sorted(set(self.matrix) - expected), "rows of the table that do not exist any more"
        )
        allowed = {"menu": MENU_CELLS, "report": REPORT_CELLS, "group": GROUP_CELLS}
        for (kind, xmlid), cells in self.matrix.items():
            for role, cell in cells.items():
                self.assertIn(cell, allowed[kind], f"{kind} {xmlid}, {role}")

    # ------------------------------------------------------------------ per role

    # refusals are expected in the table: their request errors are not test failures
    @mute_logger(
        "odoo.http",
        "odoo.addons.base.models.ir_rule",
        "odoo.addons.base.models.ir_actions_report",  # the unreachable stylesheets
    )
    def test_each_role_sees_and_opens_its_screens(self):
        observed = {key: {} for key in self.matrix}
        problems = []
        for role in ROLES:
            user = self.users[role]
            self.authenticate(user.login, user.login)
            menus = self._visible_menus()
            seen_models = set()
            for (kind, xmlid), cells in self.matrix.items():
                expected = cells[role]
                if kind == "group":
                    has = user.has_group(xmlid)
                    observed[(kind, xmlid)][role] = "y" if has else "-"
                    if has != (expected == "y"):
                        problems.append(f"{role}: group {xmlid}: {'has' if has else 'lacks'} it")
                    continue
                if kind != "menu":
                    continue
                visible = xmlid in menus
                observed[(kind, xmlid)][role] = "v" if visible else "-"
                if visible != (expected == "v"):
                    problems.append(f"{role}: menu {xmlid} {'shown' if visible else 'hidden'}")
                    continue
                menu = self.env.ref(xmlid)
                if visible and menu.action:
                    problem, model = self._open_action(menu.action, user)
                    if problem:
                        problems.append(f"{role}: menu {xmlid}: {problem}")
                    seen_models.add(model)
                elif expected == "x" and menu.action:
                    problem, _model = self._open_action(menu.action, user)
                    if problem is None:
                        problems.append(f"{role}: menu {xmlid}: its records load, expected refused")
                    else:
                        observed[(kind, xmlid)][role] = "x"
            for (kind, xmlid), cells in self.matrix.items():
                if kind != "report":
                    continue
                report = self.env.ref(xmlid)
                expected = cells[role]
                if expected == "-":
                    observed[(kind, xmlid)][role] = "-"
                    if report.model in seen_models:
                        problems.append(
                            f"{role}: report {xmlid}: the role sees {report.model}, decide p or x"
                        )
                    continue
                printed, detail = self._print(report, user)
                observed[(kind, xmlid)][role] = "p" if printed else "x"
                if printed != (expected == "p"):
                    problems.append(f"{role}: report {xmlid}: {detail}")
        self._dump(observed)
        self.assertFalse(problems, "\n" + "\n".join(problems))

    def _dump(self, observed):
        path = os.environ.get("CREDIT_SCREENS_DUMP")
        if not path:
            return
        with open(path, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["kind", "xmlid", *ROLES])
            for (kind, xmlid), cells in observed.items():
                writer.writerow([kind, xmlid, *(cells.get(role, "?") for role in ROLES)])

    # ------------------------------------------------------------------ JSON-RPC

    def _rpc(self, route, params):
        """JSON-RPC as the web client; an error raises JsonRpcException with its message."""
        response = self.url_open(
            route,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "id": 0, "params": params}),
            headers={"Content-Type": "application/json"},
        )
        response.raise_for_status()
        reply = response.json()
        if "error" in reply:
            data = reply["error"]["data"]
            raise JsonRpcException(
                code=reply["error"]["code"],
                message=f"{data['name']}: {data['message'].splitlines()[0][:300]}",
            )
        return reply["result"]

    def _call(self, model, method, *args, **kwargs):
        return self._rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _visible_menus(self):
        try:
            menus = self._call("ir.ui.menu", "load_web_menus", [], False)
        except JsonRpcException:
            return set()  # portal users have no backend menus
        return {menu["xmlid"] for menu in menus.values() if menu.get("xmlid")}

    def _eval_context(self, user):
        return {
            "uid": user.id,
            "context_today": date.today,
            "datetime": datetime,
            "relativedelta": relativedelta,
            "allowed_company_ids": user.company_ids.ids,
            "current_company_id": user.company_id.id,
            "active_id": False,
            "active_ids": [],
        }

    def _open_action(self, action, user):
        """Open ``action`` as the web client does; return (problem or None, model)."""
        try:
            loaded = self._rpc("/web/action/load", {"action_id": action.id})
        except JsonRpcException as error:
            return f"action load refused ({error})", None
        if loaded.get("type") != "ir.actions.act_window":
            return None, None
        model = loaded["res_model"]
        try:
            self._load_window(loaded, user)
        except JsonRpcException as error:
            return f"{model}: {error}", model
        return None, model

    def _load_window(self, action, user):
        model = action["res_model"]
        eval_context = self._eval_context(user)
        context = action.get("context") or {}
        if isinstance(context, str):
            context = safe_eval(context, dict(eval_context, context={}))
        domain = action.get("domain") or []
        if isinstance(domain, str):
            domain = safe_eval(domain, dict(eval_context, context=context))
        views = [[view_id, view_type] for view_id, view_type in action["views"]]
        search_view = action.get("search_view_id")
        views.append([search_view and search_view[0], "search"])
        result = self._call(
            model,
            "get_views",
            views=views,
            options={"action_id": action["id"], "load_filters": True, "toolbar": True},
            context=context,
        )
        models = {
            name: (info.get("fields", info) if isinstance(info, dict) else info)
            for name, info in result["models"].items()
        }
        arches = {kind: etree.fromstring(view["arch"]) for kind, view in result["views"].items()}
        domain = list(domain) + self._default_filters(arches["search"], context, eval_context)
        plain_context = {k: v for k, v in context.items() if not k.startswith("search_default")}
        plain_context.pop("group_by", None)
        first_id = None
        for kind in arches:
            if kind in LIST_TYPES:
                spec = self._spec(arches[kind], model, models)
                records = self._call(
                    model,
                    "web_search_read",
                    domain=domain,
                    specification=spec,
                    limit=80,
                    context=plain_context,
                )["records"]
                first_id = first_id or (records and records[0]["id"])
            elif kind in ("pivot", "graph"):
                self._read_group(arches[kind], model, domain, plain_context)
        if "form" in arches:
            spec = self._spec(arches["form"], model, models)
            if first_id:
                self._call(model, "web_read", [first_id], specification=spec, context=plain_context)
            elif not any(kind in arches for kind in LIST_TYPES):
                self._call(model, "onchange", [], {}, [], spec, context=plain_context)

    def _default_filters(self, search_arch, context, eval_context):
        domain = []
        for node in search_arch.iter("filter"):
            name = node.get("name")
            if name and context.get(f"search_default_{name}") and node.get("domain"):
                domain += safe_eval(node.get("domain"), dict(eval_context, context=context))
        return domain

    def _read_group(self, arch, model, domain, context):
        rows = [
            node.get("name")
            for node in arch.iter("field")
            if node.get("type") in ("row", None) and node.get("type") != "measure"
        ][:1]
        measures = [
            f"{node.get('name')}:sum"
            for node in arch.iter("field")
            if node.get("type") == "measure"
        ]
        self._call(
            model,
            "read_group",
            domain,
            measures or ["__count"],
            rows,
            lazy=False,
            context=context,
        )

    def _spec(self, node, model, models):
        """The web client's specification of the fields of ``node`` (a view arch)."""
        fields = models.get(model, {})
        spec = {}
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag != "field":
                spec.update(self._spec(child, model, models))
                continue
            name = child.get("name")
            field = fields.get(name)
            if not field:
                continue
            sub = {}
            if field["type"] == "many2one":
                sub = {"fields": {"display_name": {}}}
            elif field["type"] in ("one2many", "many2many"):
                subview = next(
                    (c for c in child if isinstance(c.tag, str) and c.tag in LIST_TYPES), None
                )
                comodel = field["relation"]
                sub_fields = self._spec(subview, comodel, models) if subview is not None else {}
                sub = {"fields": sub_fields or {"display_name": {}}}
            spec[name] = sub
        return spec

    # ------------------------------------------------------------------ reports

    def _print(self, report, user):
        """(True, '') when ``report`` prints a PDF for ``user``, else (False, why)."""
        try:
            ids = self._call(report.model, "search", [], limit=1)
        except JsonRpcException as error:
            return False, f"cannot read {report.model}: {error}"
        if not ids:
            return False, f"no {report.model} record readable to print"
        context = json.dumps({"force_report_rendering": True})
        response = self.url_open(
            f"/report/pdf/{report.report_name}/{ids[0]}?context={context}", timeout=60
        )
        if response.status_code != 200 or not response.content.startswith(b"%PDF"):
            return False, f"HTTP {response.status_code} on {report.model} {ids[0]}"
        return True, f"prints {report.model} {ids[0]}"
