"""The tasks a worker runs inside one database: build the data, measure, run a follow-up.

Each measure is timed as a user of the department that uses it, in its own transaction (rolled
back: every run starts from the same data), after one warm-up run, with the ORM cache cleared:
the figure is the median of ``repeats`` runs, the query count is the number of SQL statements
the run sent.
"""

import statistics
import time
from xml.etree import ElementTree

from odoo import SUPERUSER_ID, api

from . import followup, ledger
from .flavours import FLAVOURS


def run(registry, payload):
    task = payload["task"]
    if task == "build_common":
        with registry.cursor() as cr:
            return ledger.build_common(api.Environment(cr, SUPERUSER_ID, {}), payload["spec"])
    if task == "smoke":
        return smoke(registry, payload)
    flavour = FLAVOURS[payload["flavour"]]()
    if task == "build":
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return ledger.build_flavour(env, payload["spec"], flavour, payload["meta"])
    if task == "measure":
        bench = Measures(registry, payload["spec"], payload["meta"])
        for name in payload["measures"]:
            getattr(bench, name)()
        return {"results": bench.results}
    if task == "followup":
        return followup.run(
            registry, payload["spec"], payload["meta"], flavour, payload.get("server_url")
        )
    raise ValueError(f"unknown task {task}")


def smoke(registry, payload):
    """Every benchmark of our flavour at a few rows, in one process (``make test``)."""
    spec = payload["spec"]
    flavour = FLAVOURS["ours"]()
    with registry.cursor() as cr:
        common = ledger.build_common(api.Environment(cr, SUPERUSER_ID, {}), spec)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        meta = ledger.build_flavour(env, spec, flavour, common)
    bench = Measures(registry, spec, meta)
    for name in payload["measures"]:
        getattr(bench, name)()
    out = followup.run(registry, spec, meta, flavour, payload.get("server_url"))
    return {"results": bench.results + out["results"]}


def web_context(env):
    return {
        "lang": env.user.lang or "en_US",
        "tz": env.user.tz or "UTC",
        "uid": env.uid,
        "allowed_company_ids": env.user.company_id.ids,
    }


def timed(registry, uid, func, repeats, prepare=None):
    """Run ``func(env, *prepare(env))`` ``repeats`` times (after a warm-up), each in a fresh,
    rolled back transaction, with the web client's context and a cold ORM cache; return median
    seconds and queries, and every run's seconds."""
    seconds, queries = [], []
    for attempt in range(repeats + 1):
        with registry.cursor() as cr:
            env = api.Environment(cr, uid, {})
            # the context the web client sends with every call
            env = env(context=web_context(env))
            args = prepare(env) if prepare else ()
            env.flush_all()
            env.invalidate_all()
            count = cr.sql_log_count
            started = time.perf_counter()
            func(env, *args)
            env.flush_all()
            elapsed = time.perf_counter() - started
            if attempt:
                seconds.append(elapsed)
                queries.append(cr.sql_log_count - count)
            cr.rollback()
    return {
        "seconds": statistics.median(seconds),
        "queries": int(statistics.median(queries)),
        "runs": [round(s, 5) for s in seconds],
    }


def list_specification(env, model, view_xmlid):
    """The ``web_search_read`` specification the web client sends for a list view."""
    view = env.ref(view_xmlid)
    arch = env[model].get_views([(view.id, "list")])["views"]["list"]["arch"]
    spec = {}
    for node in ElementTree.fromstring(arch).iter("field"):
        field = env[model]._fields[node.get("name")]
        if field.type == "many2one":
            spec[field.name] = {"fields": {"display_name": {}}}
        elif field.type in ("one2many", "many2many"):
            spec[field.name] = {"fields": {}}
        else:
            spec[field.name] = {}
    return spec


class Measures:
    """The goals of issue 10 measured in one database; each method adds result rows."""

    def __init__(self, registry, spec, meta):
        self.registry = registry
        self.spec = spec
        self.meta = meta
        self.repeats = spec["repeats"]
        self.results = []

    def add(self, goal, size, impl, figures, **extra):
        self.results.append({"goal": goal, "size": size, "impl": impl, **figures, **extra})

    def user(self, key):
        return self.meta["users"][key]

    # -- P1: credit check of a 1-line order -------------------------------------------------

    def _p1(self, impl, check):
        for case in self.meta["p1"]:
            order_id = case["order"]
            figures = timed(
                self.registry,
                self.user("sales"),
                lambda env, order_id=order_id: check(env["sale.order"].browse(order_id)),
                self.repeats,
            )
            self.add("P1", f"{case['lines']} lines, {case['orders']} orders", impl, figures)

    def p1_ours(self):
        self._p1("ours", lambda order: order._credit_check())

    def p1_odoo(self):
        def check(order):
            order._compute_partner_credit_warning()
            return order.partner_credit_warning

        self._p1("odoo", check)

    def p1_oca(self):
        def check(order):
            partner = order.partner_invoice_id.commercial_partner_id
            return order.evaluate_risk_message(partner)

        self._p1("oca", check)

    # -- P2: confirming 100 orders, credit control on vs off ---------------------------------

    def p2_ours(self):
        orders = self.meta["p2_orders"]

        def confirm(env, switch):
            env.company.sudo().account_use_credit_limit = switch
            env.flush_all()
            env["sale.order"].browse(orders).action_confirm()

        # on and off alternate run by run, so that a busy neighbour weighs on both
        runs = {True: [], False: []}
        for _attempt in range(self.repeats):
            for switch in (True, False):
                figures = timed(
                    self.registry,
                    self.user("sales"),
                    lambda env, switch=switch: confirm(env, switch),
                    1,
                )
                runs[switch].append(figures)
        size = f"{len(orders)} orders"
        for switch, impl in ((True, "ours"), (False, "control off")):
            self.add(
                "P2",
                size,
                impl,
                {
                    "seconds": statistics.median(r["seconds"] for r in runs[switch]),
                    "queries": int(statistics.median(r["queries"] for r in runs[switch])),
                    "runs": [r["seconds"] for r in runs[switch]],
                },
            )

    # -- P4: ageing ---------------------------------------------------------------------------

    def p4_ours(self):
        Report = "credit.ageing.report"
        uid = self.user("credit")
        size = f"{self.spec['open_lines']:,} open lines"

        def totals(env):
            return env[Report].read_group([], ["amount_residual:sum"], ["bucket"], lazy=False)

        self.add("P4 totals", size, "ours", timed(self.registry, uid, totals, self.repeats))

        def pivot(env):
            # what the pivot view asks for its default layout (customer rows x bucket columns)
            for groupby in ([], ["bucket"], ["partner_id"], ["partner_id", "bucket"]):
                env[Report].read_group([], ["amount_residual:sum"], groupby, lazy=False)

        self.add("P4 pivot", size, "ours", timed(self.registry, uid, pivot, self.repeats))

    # -- P5: customer list with exposure columns ----------------------------------------------

    def _p5(self, impl, view_xmlid, domain, uid, spec=None):
        for rows in self.spec["list_rows"]:

            def load(env, rows=rows):
                specification = spec or list_specification(env, "res.partner", view_xmlid)
                return env["res.partner"].web_search_read(domain, specification, limit=rows)

            figures = timed(self.registry, uid, load, self.repeats)
            self.add("P5", f"{rows} rows", impl, figures)

    def p5_ours(self):
        self._p5(
            "ours",
            "credit_management.res_partner_view_list_credit",
            [("is_company", "=", True), ("customer_rank", ">", 0)],
            self.user("credit"),
        )

    def p5_odoo(self):
        self._p5(
            "odoo",
            None,
            [("is_company", "=", True), ("customer_rank", ">", 0)],
            self.user("credit"),
            spec={
                "display_name": {},
                "email": {},
                "credit_limit": {},
                "credit": {},
                "credit_to_invoice": {},
            },
        )

    def p5_oca(self):
        self._p5(
            "oca",
            None,
            [("is_company", "=", True), ("customer_rank", ">", 0)],
            self.user("credit"),
            spec={
                "display_name": {},
                "email": {},
                "credit_limit": {},
                "risk_total": {},
                "risk_remaining_value": {},
                "risk_remaining_percentage": {},
                "risk_invoice_unpaid": {},
                "risk_exception": {},
            },
        )

    # -- P6: hold queue and weekly hold report ------------------------------------------------

    def p6_ours(self):
        uid = self.user("credit")
        size = f"{len(self.meta['held']):,} held orders"
        domain = [("state", "in", ("draft", "sent")), ("credit_hold", "=", True)]

        def queue(env):
            spec = list_specification(env, "sale.order", "credit_management.sale_order_view_list")
            return env["sale.order"].web_search_read(domain, spec, limit=80)

        self.add("P6 hold queue", size, "ours", timed(self.registry, uid, queue, self.repeats))

        def report(env):
            env["crm.team"].sudo()._cron_send_credit_hold_report()

        self.add(
            "P6 weekly report",
            size,
            "ours",
            timed(self.registry, SUPERUSER_ID, report, self.repeats),
        )
