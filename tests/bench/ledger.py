"""The bench data, built at SQL speed.

Posting 200,000 invoices through the ORM takes hours; copying ORM-made documents with SQL takes
seconds. Each kind of document (posted invoice, draft invoice, confirmed order, held quotation) is
made once through the ORM, for the first row of its plan, so that every column, stored compute and
module-added field has the value the host and the installed modules give it. The other rows are
copies of that template with the columns that differ (ids, names, partner, dates, amounts, state
of payment) replaced, all rows of a table in one ``INSERT ... SELECT``. Money columns are scaled
by the row's amount over the template's. Columns a module adds and the bench does not know are
copied from the template, which is what the module would have given the copy.

The plan (who owes what, since when, which follow-up level was already sent) is drawn in Python
from a fixed seed: every database of a run gets the same data.
"""

import random
import re
import time
from contextlib import contextmanager
from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.tools import SQL

# Follow-up ladder of the bench (days past due): e-mails at 1, 30 and 60 days, a phone call at 90.
LADDER = (1, 30, 60, 90)
LADDER_ACTIONS = ("email", "email", "email", "phone")
SEED = 20260110
TERM_DAYS = 30
PREFIX = "Bench customer"
MONEY = re.compile(r"(amount|price|debit|credit|balance|risk_amount)")
# numeric columns that are quantities or rates, never scaled
NOT_MONEY = re.compile(r"(qty|quantity|discount$|rate|percent|_uom|sequence|customer_lead)")


class Timer:
    """Collect named durations for the build log."""

    def __init__(self):
        self.steps = []
        self.started = time.perf_counter()
        self.last = self.started

    def step(self, name):
        now = time.perf_counter()
        self.steps.append((name, round(now - self.last, 2)))
        self.last = now

    def total(self):
        return round(time.perf_counter() - self.started, 1)


# ---------------------------------------------------------------------------------------- plan


def make_plan(spec, today):
    """Draw the data of a run: customers, invoices, orders. Pure Python, deterministic."""
    rng = random.Random(SEED)
    customers = spec["customers"]
    p1 = spec["p1"]
    due_count = spec["due_per_customer"]
    special = [lines for lines, _orders in p1]
    normal = customers - len(special)
    rest = spec["open_lines"] - sum(special)
    base, extra = divmod(rest, normal)
    if base < due_count:
        raise ValueError("too few open lines for the customers and their due invoices")
    counts = special + [base + (1 if i < extra else 0) for i in range(normal)]

    invoices = []  # (customer, invoice date, due date, amount, open, sent level index or -1)
    for customer, count in enumerate(counts):
        due_level = customer % len(LADDER)
        for j in range(count):
            if j < due_count:
                # due for its next level: the level is reached, the one before it was sent
                low = LADDER[due_level]
                high = LADDER[due_level + 1] - 1 if due_level + 1 < len(LADDER) else 400
                days, sent = rng.randint(low, high), due_level - 1
            elif rng.random() < 0.5:
                days, sent = -rng.randint(0, 60), -1  # not due yet
            else:
                # overdue, steady state: the highest level reached was already sent; ageing
                # over more than three years
                days = rng.randint(1, 1200)
                sent = max(i for i, delay in enumerate(LADDER) if delay <= days)
            date_due = today - timedelta(days=days)
            amount = round(rng.uniform(100, 5000), 2)
            invoices.append(
                (customer, date_due - timedelta(days=TERM_DAYS), date_due, amount, True, sent)
            )
    for _i in range(spec["paid_invoices"]):
        customer = rng.randrange(len(special), customers)
        date = today - timedelta(days=rng.randint(30, 730))
        invoices.append(
            (
                customer,
                date,
                date + timedelta(days=TERM_DAYS),
                round(rng.uniform(100, 5000), 2),
                False,
                -1,
            )
        )

    # uninvoiced confirmed orders: the P1 customers' own, then one in every N customers
    orders = []  # (customer, date, amount)
    for customer, (_lines, count) in enumerate(p1):
        orders += [
            (customer, today - timedelta(days=rng.randint(0, 60)), round(rng.uniform(100, 2000), 2))
            for _ in range(count)
        ]
    for customer in range(len(special), customers, spec["order_every"]):
        orders.append(
            (customer, today - timedelta(days=rng.randint(0, 60)), round(rng.uniform(100, 2000), 2))
        )
    drafts = [
        (customer, today - timedelta(days=rng.randint(0, 10)), round(rng.uniform(100, 2000), 2))
        for customer in range(len(special), customers, spec["draft_every"])
    ]
    # P2 customers: after the P1 ones; the held quotations go to the others
    p2_first = len(special)
    p2_last = p2_first + spec["p2_customers"]
    held = [
        (
            rng.randrange(p2_last, customers),
            today - timedelta(days=rng.randint(0, 55)),
            round(rng.uniform(1000, 20000), 2),
            i % spec["teams"],
        )
        for i in range(spec["held_orders"])
    ]
    open_totals = [0.0] * customers
    for customer, _d, _due, amount, is_open, _sent in invoices:
        if is_open:
            open_totals[customer] += amount
    limits = []
    for customer in range(customers):
        if customer < p2_last:
            limits.append(1e9)  # P1 and P2 customers pass: every rule is evaluated, none holds
        else:
            limits.append(round(open_totals[customer] * rng.choice((0.6, 0.9, 1.2, 1.5, 2.5)), -2))
    return {
        "today": today,
        "counts": counts,
        "invoices": invoices,
        "orders": orders,
        "drafts": drafts,
        "held": held,
        "limits": limits,
        "p2": list(range(p2_first, p2_last)),
        # P1 and P2 customers: every rule is evaluated, none holds
        "pass_until": p2_last,
        "rng": rng,
    }


# ------------------------------------------------------------------------------- SQL helpers


def _columns(cr, table):
    cr.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
        [table],
    )
    return cr.fetchall()


def source_table(cr, name, columns, rows):
    """A temporary table ``name`` with ``columns`` ((name, sql type)) filled with ``rows``."""
    cr.execute(f"DROP TABLE IF EXISTS {name}")
    cr.execute("CREATE TEMP TABLE {} ({})".format(name, ", ".join(f"{c} {t}" for c, t in columns)))
    if not rows:
        return
    arrays = [list(column) for column in zip(*rows, strict=True)]
    selects = ", ".join(f"%s::{t}[]" for _c, t in columns)
    for start in range(0, len(rows), 50_000):
        cr.execute(
            f"INSERT INTO {name} SELECT * FROM unnest({selects})",
            [array[start : start + 50_000] for array in arrays],
        )


def clone(cr, table, template_where, source, overrides, factor=None, join="", order=""):
    """Insert one copy of the template row(s) of ``table`` per row of ``source``.

    ``overrides`` maps columns to SQL expressions over ``t`` (template) and ``s`` (source);
    overrides of columns the table does not have are ignored (another module's database).
    Money columns are multiplied by ``factor`` (an SQL expression) unless overridden. ``join``
    adds tables to the source, ``order`` orders the copies (their ids follow it).
    :return: number of rows inserted
    """
    names, exprs = [], []
    for name, data_type in _columns(cr, table):
        if name in overrides:
            expr = overrides[name]
        elif name == "id":
            continue
        elif (
            factor and data_type == "numeric" and MONEY.search(name) and not NOT_MONEY.search(name)
        ):
            expr = f"ROUND(t.{name} * {factor}, 2)"
        else:
            expr = f"t.{name}"
        names.append(f'"{name}"')
        exprs.append(expr)
    # The copies reference rows that exist (template, plan): foreign-key triggers are skipped
    # for the bulk load, as pg_restore does (the bench's role owns the cluster).
    cr.execute("SET LOCAL session_replication_role = replica")
    cr.execute(
        f"INSERT INTO {table} ({', '.join(names)}) "
        f"SELECT {', '.join(exprs)} FROM {table} t CROSS JOIN {source} s {join} "
        f"WHERE {template_where} {'ORDER BY ' + order if order else ''}"
    )
    count = cr.rowcount
    cr.execute("SET LOCAL session_replication_role = DEFAULT")
    return count


@contextmanager
def indexes_rebuilt(cr, tables):
    """Drop the secondary indexes of ``tables``, then build them again once the block is done.

    Maintaining some twenty indexes (three of them trigram GIN) row by row is what makes a bulk
    insert slow; building each index once over the loaded rows is several times faster.
    Indexes that back a constraint (primary key, unique constraints) stay.
    """
    cr.execute(
        """
        SELECT i.indexname, i.indexdef
          FROM pg_indexes i
          JOIN pg_class c ON c.relname = i.indexname
         WHERE i.schemaname = current_schema()
           AND i.tablename = ANY(%s)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
        """,
        [list(tables)],
    )
    indexes = cr.fetchall()
    for name, _definition in indexes:
        cr.execute(f'DROP INDEX "{name}"')
    yield
    for _name, definition in indexes:
        cr.execute(definition)


# ------------------------------------------------------------------------------------- build


def _bench_env(env):
    return env(
        context=dict(env.context, tracking_disable=True, mail_create_nolog=True, mail_notrack=True)
    )


def build_common(env, spec):
    """The data every flavour shares, built once in the base database (copied per flavour
    before its modules are installed): customers, invoices, orders, users, teams.
    Return the ids the scenarios need."""
    timer = Timer()
    cr = env.cr
    env = _bench_env(env)
    company = env.company
    today = fields.Date.context_today(env.user)
    plan = make_plan(spec, today)
    # the orders are confirmed without any credit check; build_flavour switches it on
    company.write({"email": "credit@example.com", "account_use_credit_limit": False})
    journal = env["account.journal"].create(
        {"name": "Bench Sales", "code": "BNCH", "type": "sale", "company_id": company.id}
    )
    product = env["product.product"].create(
        {
            "name": "Bench service",
            "type": "service",
            "invoice_policy": "order",
            "list_price": 100.0,
            "taxes_id": [Command.clear()],
        }
    )
    users = _users(env, spec)
    teams = env["crm.team"].create(
        [
            {"name": f"Bench team {i + 1}", "user_id": users["leaders"][i]}
            for i in range(spec["teams"])
        ]
    )
    timer.step("setup")
    partners = _customers(env, spec, plan)
    timer.step("customers")
    with indexes_rebuilt(cr, ["account_move", "account_move_line"]):
        move_ids = _invoices(env, plan, partners, journal, product)
        timer.step("invoices")
        _drafts(env, plan, partners, journal, product)
        timer.step("draft invoices")
    timer.step("invoice indexes")
    p1_orders, p2_orders = _orders(env, spec, plan, partners, product)
    timer.step("orders")
    env.flush_all()
    return {
        "today": str(today),
        "customers": partners.ids,
        "moves": move_ids,
        "product": product.id,
        "teams": teams.ids,
        "p1": [
            {"partner": partners[i].id, "lines": lines, "orders": orders, "order": p1_orders[i]}
            for i, (lines, orders) in enumerate(spec["p1"])
        ],
        "p2_orders": p2_orders,
        "users": users,
        "build_seconds": timer.total(),
        "build_steps": timer.steps,
    }


def build_flavour(env, spec, flavour, meta):
    """What a flavour adds to the common data once its modules are installed: the customers'
    credit settings, held quotations, the follow-up levels already sent. Return the meta data
    completed."""
    timer = Timer()
    env = _bench_env(env)
    plan = make_plan(spec, fields.Date.to_date(meta["today"]))
    partners = env["res.partner"].browse(meta["customers"])
    users = meta["users"]
    credit_users = env["res.users"].browse([users["credit"], *users["collectors"]])
    credit_users.write(
        {"groups_id": [Command.link(env.ref(group).id) for group in flavour.credit_groups]}
    )
    rng = plan["rng"]
    values = [
        flavour.partner_values(i, rng, users, plan["today"], i < plan["pass_until"])
        for i in range(len(partners))
    ]
    write_columns(env.cr, "res_partner", partners.ids, values)
    env.invalidate_all()
    timer.step("customers' credit settings")
    held = _held_orders(env, plan, partners, meta, flavour)
    timer.step("held quotations")
    flavour.steady_state(env, plan, partners, meta["moves"], users)
    timer.step("follow-up history")
    env.company.write({"account_use_credit_limit": True, **flavour.company_values()})
    env.flush_all()
    env.cr.execute("ANALYZE")  # the runner also vacuums, outside this transaction
    timer.step("analyze")
    return {
        **meta,
        "held": held,
        "build_seconds": round(meta["build_seconds"] + timer.total(), 1),
        "build_steps": meta["build_steps"] + timer.steps,
    }


def write_columns(cr, table, ids, values):
    """Write one dict of column values per id in one UPDATE (bench data: no ORM side effect
    is wanted for these settings)."""
    if not ids or not values[0]:
        return
    columns = list(values[0])
    types = dict(_columns(cr, table))
    arrays = [ids] + [[vals[column] for vals in values] for column in columns]
    casts = ["int"] + [
        {"character varying": "varchar", "timestamp without time zone": "timestamp"}.get(
            types[column], types[column]
        )
        for column in columns
    ]
    unnest = ", ".join(f"%s::{cast}[]" for cast in casts)
    assignments = ", ".join(f'"{column}" = v.c{i}' for i, column in enumerate(columns))
    names = ", ".join(["id"] + [f"c{i}" for i in range(len(columns))])
    cr.execute(
        f"UPDATE {table} t SET {assignments} FROM unnest({unnest}) AS v({names}) WHERE t.id = v.id",
        arrays,
    )


def _users(env, spec):
    def user(login, groups):
        return (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": login.replace("_", " ").title(),
                    "login": login,
                    "email": f"{login}@example.com",
                    "groups_id": [Command.set([env.ref(g).id for g in groups])],
                }
            )
            .id
        )

    salesman = ["sales_team.group_sale_salesman_all_leads"]
    clerk = ["account.group_account_invoice"]
    return {
        "sales": user("bench_sales", salesman),
        "credit": user("bench_credit", clerk),
        "collectors": [user(f"bench_collector_{i + 1}", clerk) for i in range(spec["collectors"])],
        "leaders": [user(f"bench_leader_{i + 1}", salesman) for i in range(spec["teams"])],
    }


def _customers(env, spec, plan):
    p1 = spec["p1"]
    return env["res.partner"].create(
        [
            {
                # the P1 key accounts (up to 100,000 open items) sort after the other customers:
                # the customer list's first page (P5) is one of ordinary customers
                "name": (
                    f"Bench key account {i + 1} ({p1[i][0]} open items)"
                    if i < len(p1)
                    else f"{PREFIX} {i + 1:05d}"
                ),
                "is_company": True,
                "email": f"customer{i + 1}@example.com",
                "customer_rank": 1,
                "credit_limit": plan["limits"][i],
            }
            for i in range(spec["customers"])
        ]
    )


def _invoices(env, plan, partners, journal, product):
    """Posted invoices, open and paid: one ORM template, the others copied. Return move ids."""
    cr = env.cr
    rows = plan["invoices"]
    customer, date, date_due, amount, _is_open, _sent = rows[0]
    template = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "journal_id": journal.id,
            "partner_id": partners[customer].id,
            "invoice_date": date,
            "invoice_date_due": date_due,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "quantity": 1,
                        "price_unit": amount,
                        "tax_ids": [Command.clear()],
                    }
                )
            ],
        }
    )
    template.action_post()
    env.flush_all()
    ids, names = partners.ids, partners.mapped("name")
    source = [
        (
            i,
            ids[c],
            names[c],
            d,
            due,
            a,
            o,
            f"BNCH/{d.year}/",
            1_000_000 + i,
        )
        for i, (c, d, due, a, o, _s) in enumerate(rows)
        if i
    ]
    source_table(
        cr,
        "bench_inv",
        [
            ("seq", "int"),
            ("partner_id", "int"),
            ("partner_name", "varchar"),
            ("date", "date"),
            ("date_due", "date"),
            ("amount", "numeric"),
            ("open", "bool"),
            ("prefix", "varchar"),
            ("number", "int"),
        ],
        source,
    )
    cr.execute("ALTER TABLE bench_inv ADD COLUMN move_id int")
    cr.execute("UPDATE bench_inv SET move_id = nextval('account_move_id_seq')")
    factor = f"(s.amount / {amount})"

    def open_only(column):
        return f"CASE WHEN s.open THEN ROUND(t.{column} * {factor}, 2) ELSE 0 END"

    clone(
        cr,
        "account_move",
        f"t.id = {template.id}",
        "bench_inv",
        {
            "id": "s.move_id",
            "name": "s.prefix || s.number",
            "sequence_prefix": "s.prefix",
            "sequence_number": "s.number",
            "payment_reference": "s.prefix || s.number",
            "partner_id": "s.partner_id",
            "commercial_partner_id": "s.partner_id",
            "partner_shipping_id": "s.partner_id",
            "invoice_partner_display_name": "s.partner_name",
            "date": "s.date",
            "invoice_date": "s.date",
            "invoice_date_due": "s.date_due",
            "access_token": "NULL",
            "amount_residual": open_only("amount_residual"),
            "amount_residual_signed": open_only("amount_residual_signed"),
            "payment_state": "CASE WHEN s.open THEN t.payment_state ELSE 'paid' END",
        },
        factor=factor,
    )
    term = "t.display_type = 'payment_term'"
    clone(
        cr,
        "account_move_line",
        f"t.move_id = {template.id}",
        "bench_inv",
        {
            "move_id": "s.move_id",
            "move_name": "s.prefix || s.number",
            "partner_id": "s.partner_id",
            "date": "s.date",
            "invoice_date": "s.date",
            "date_maturity": f"CASE WHEN {term} THEN s.date_due ELSE t.date_maturity END",
            "reconciled": f"CASE WHEN {term} THEN NOT s.open ELSE t.reconciled END",
            "amount_residual": open_only("amount_residual"),
            "amount_residual_currency": open_only("amount_residual_currency"),
        },
        factor=factor,
    )
    cr.execute("SELECT seq, move_id FROM bench_inv ORDER BY seq")
    ids = dict(cr.fetchall())
    ids[0] = template.id
    return [ids[i] for i in range(len(rows))]


def _drafts(env, plan, partners, journal, product):
    rows = plan["drafts"]
    if not rows:
        return
    customer, date, amount = rows[0]
    template = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "journal_id": journal.id,
            "partner_id": partners[customer].id,
            "invoice_date": date,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "quantity": 1,
                        "price_unit": amount,
                        "tax_ids": [Command.clear()],
                    }
                )
            ],
        }
    )
    env.flush_all()
    cr = env.cr
    source_table(
        cr,
        "bench_draft",
        [
            ("partner_id", "int"),
            ("partner_name", "varchar"),
            ("date", "date"),
            ("amount", "numeric"),
        ],
        [(partners[c].id, partners[c].name, d, a) for c, d, a in rows[1:]],
    )
    cr.execute("ALTER TABLE bench_draft ADD COLUMN move_id int")
    cr.execute("UPDATE bench_draft SET move_id = nextval('account_move_id_seq')")
    factor = f"(s.amount / {amount})"
    common = {"partner_id": "s.partner_id", "date": "s.date", "invoice_date": "s.date"}
    clone(
        cr,
        "account_move",
        f"t.id = {template.id}",
        "bench_draft",
        {
            **common,
            "id": "s.move_id",
            "commercial_partner_id": "s.partner_id",
            "partner_shipping_id": "s.partner_id",
            "invoice_partner_display_name": "s.partner_name",
            "access_token": "NULL",
        },
        factor=factor,
    )
    clone(
        cr,
        "account_move_line",
        f"t.move_id = {template.id}",
        "bench_draft",
        {**common, "move_id": "s.move_id"},
        factor=factor,
    )


def _order_template(env, partner, product, amount, date, **vals):
    return env["sale.order"].create(
        {
            "partner_id": partner.id,
            "date_order": datetime.combine(date, datetime.min.time()),
            "order_line": [
                Command.create(
                    {
                        "product_id": product.id,
                        "product_uom_qty": 1,
                        "price_unit": amount,
                        "tax_id": [Command.clear()],
                    }
                )
            ],
            **vals,
        }
    )


def _clone_orders(env, template, name, rows, amount, extra_columns=(), overrides=None):
    """Copy ``template`` (order and lines) once per row (partner_id, date, amount, extra...)."""
    cr = env.cr
    env.flush_all()
    source_table(
        cr,
        name,
        [
            ("seq", "int"),
            ("partner_id", "int"),
            ("date", "timestamp"),
            ("amount", "numeric"),
            *extra_columns,
        ],
        rows,
    )
    cr.execute(f"ALTER TABLE {name} ADD COLUMN order_id int")
    cr.execute(f"UPDATE {name} SET order_id = nextval('sale_order_id_seq')")
    factor = f"(s.amount / {amount})"
    clone(
        cr,
        "sale_order",
        f"t.id = {template.id}",
        name,
        {
            "id": "s.order_id",
            "name": f"'{name.upper()}' || s.seq",
            "partner_id": "s.partner_id",
            "partner_invoice_id": "s.partner_id",
            "partner_shipping_id": "s.partner_id",
            "date_order": "s.date",
            "access_token": "NULL",
            **(overrides or {}),
        },
        factor=factor,
    )
    clone(
        cr,
        "sale_order_line",
        f"t.order_id = {template.id}",
        name,
        {
            "order_id": "s.order_id",
            "order_partner_id": "s.partner_id",
            "risk_partner_id": "s.partner_id",
            **{k: v for k, v in (overrides or {}).items() if k in ("salesman_id",)},
        },
        factor=factor,
    )
    cr.execute(f"SELECT order_id FROM {name} ORDER BY seq")
    return [template.id] + [row[0] for row in cr.fetchall()]


def _orders(env, spec, plan, partners, product):
    """Uninvoiced confirmed orders (exposure), the P1 quotations and the P2 quotations."""
    rows = plan["orders"]
    customer, date, amount = rows[0]
    template = _order_template(env, partners[customer], product, amount, date)
    template.action_confirm()  # the base database: no credit module yet
    ids = partners.ids
    _clone_orders(
        env,
        template,
        "bench_so",
        [(i, ids[c], d, a) for i, (c, d, a) in enumerate(rows) if i],
        amount,
    )
    today = plan["today"]
    p1_orders = [
        _order_template(env, partners[i], product, 500.0, today).id for i in range(len(spec["p1"]))
    ]
    p2_orders = env["sale.order"]
    per_customer = max(1, spec["p2_orders"] // max(1, len(plan["p2"])))
    for n in range(spec["p2_orders"]):
        customer = plan["p2"][min(n // per_customer, len(plan["p2"]) - 1)]
        p2_orders |= _order_template(env, partners[customer], product, 200.0 + n, today)
    return p1_orders, p2_orders.ids


def _held_orders(env, plan, partners, meta, flavour):
    """Quotations held by credit control (only where the flavour has holds)."""
    rows = plan["held"]
    if not rows or not flavour.has_holds:
        return []
    customer, date, amount, team = rows[0]
    team_ids = meta["teams"]
    leaders = meta["users"]["leaders"]
    template = _order_template(
        env,
        partners[customer],
        env["product.product"].browse(meta["product"]),
        amount,
        date,
        team_id=team_ids[team],
        user_id=leaders[team],
    )
    flavour.hold(template)
    ids = partners.ids
    order_ids = _clone_orders(
        env,
        template,
        "bench_held",
        [(i, ids[c], d, a, team_ids[t], leaders[t]) for i, (c, d, a, t) in enumerate(rows) if i],
        amount,
        extra_columns=[("team_id", "int"), ("user_id", "int")],
        overrides={"team_id": "s.team_id", "user_id": "s.user_id", "salesman_id": "s.user_id"},
    )
    # each held quotation has the credit managers' review activity, as the ORM gives it
    env.cr.execute(
        SQL(
            "SELECT id FROM mail_activity WHERE res_model = 'sale.order' AND res_id = %s",
            template.id,
        )
    )
    activities = [row[0] for row in env.cr.fetchall()]
    if activities:
        clone(
            env.cr,
            "mail_activity",
            "t.id IN ({})".format(",".join(map(str, activities))),
            "bench_held",
            {
                "res_id": "s.order_id",
                "res_name": "'BENCH_HELD' || s.seq",
                "date_deadline": "s.date::date",
            },
        )
    return order_ids
