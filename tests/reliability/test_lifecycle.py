"""R5 and neighbours: the three modules installed into a living database (customers, orders,
invoices, and OCA's account_financial_risk + sale_financial_risk 18.0, which many users already
run), upgraded twice, then uninstalled in reverse order. The log stays clean, the exposure matches
the existing data, an order is stopped once by one module with one message, and sales and
invoicing still work afterwards."""

import subprocess

from servers import bad_lines, harness, odoo, run

DB = "credit_living"


def _uninstall(cluster, logfile, module, addons):
    """Uninstall ``module`` the way the Apps menu does, in an Odoo shell."""
    script = (
        f"env['ir.module.module'].search([('name', '=', {module!r})])"
        ".button_immediate_uninstall()\nenv.cr.commit()\n"
    )
    with open(logfile, "a") as log:
        start = sum(1 for _ in open(logfile))
        subprocess.run(
            odoo(
                cluster,
                *("-d", DB, "--no-http", "--log-level", "info"),
                addons=addons,
                command=("shell",),
            ),
            input=script,
            text=True,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=900,
        )
    return bad_lines(logfile, since=start)


def _check_exposure(admin):
    """Receivables equal Odoo's own partner receivable; orders without invoices count whole."""
    moves = admin.call(
        "account.move",
        "search_read",
        [("move_type", "=", "out_invoice"), ("state", "=", "posted"), ("amount_residual", ">", 0)],
        ["commercial_partner_id"],
    )
    # money in transit (a payment registered without an entry) is not an open receivable of the
    # exposure (see README), while Odoo's own receivable still counts it: its invoice reads "in
    # payment" ("paid" in Community, which has no "in payment" state) with its receivable open
    in_transit = admin.call(
        "account.move",
        "search_read",
        [
            ("move_type", "=", "out_invoice"),
            ("payment_state", "in", ("in_payment", "paid")),
            ("amount_residual", ">", 0),
        ],
        ["commercial_partner_id"],
    )
    skip = {move["commercial_partner_id"][0] for move in in_transit}
    partner_ids = sorted({move["commercial_partner_id"][0] for move in moves} - skip)
    assert partner_ids, "the living database has open invoices"
    for partner in admin.call(
        "res.partner", "read", partner_ids, ["credit", "credit_exposure_receivable", "name"]
    ):
        assert round(partner["credit_exposure_receivable"], 2) == round(partner["credit"], 2), (
            partner
        )
    orders = admin.call(
        "sale.order",
        "search_read",
        [("state", "=", "sale"), ("invoice_ids", "=", False)],
        ["partner_id", "amount_total", "currency_id", "company_id"],
    )
    assert orders, "the living database has confirmed, uninvoiced orders"
    by_partner = {}
    for order in orders:
        commercial = admin.call(
            "res.partner", "read", [order["partner_id"][0]], ["commercial_partner_id"]
        )
        key = commercial[0]["commercial_partner_id"][0]
        by_partner[key] = by_partner.get(key, 0.0) + order["amount_total"]
    invoiced = admin.call(
        "sale.order",
        "search_read",
        [("state", "=", "sale"), ("invoice_ids", "!=", False)],
        ["partner_id"],
    )
    mixed = {order["partner_id"][0] for order in invoiced}
    for partner in admin.call("res.partner", "read", list(by_partner), ["credit_exposure_sale"]):
        if partner["id"] not in mixed:
            assert round(partner["credit_exposure_sale"], 2) == round(by_partner[partner["id"]], 2)


def _sell_and_invoice(admin):
    """A new order confirms and its invoice posts."""
    customer = admin.call(
        "res.partner", "create", {"name": "After the credit suite", "is_company": True}
    )
    product = admin.call(
        "product.product", "create", {"name": "Lifecycle product", "list_price": 100.0}
    )
    order = admin.call(
        "sale.order",
        "create",
        {
            "partner_id": customer,
            "order_line": [(0, 0, {"product_id": product, "product_uom_qty": 2})],
        },
    )
    admin.call("sale.order", "action_confirm", [order])
    assert admin.call("sale.order", "read", [order], ["state"])[0]["state"] == "sale"
    invoice = admin.call(
        "account.move",
        "create",
        {
            "move_type": "out_invoice",
            "partner_id": customer,
            "invoice_line_ids": [
                (0, 0, {"product_id": product, "quantity": 1, "price_unit": 100.0})
            ],
        },
    )
    admin.call("account.move", "action_post", [invoice])
    assert admin.call("account.move", "read", [invoice], ["state"])[0]["state"] == "posted"


def _hold_once_beside_oca(admin):
    """Where Sales Credit Limit is on, the credit hold is the one decision at confirmation: an
    order within the tolerance passes although it is over OCA's bare limit (no OCA wizard), an
    order over the limit is held once, with one message; released, it confirms."""
    company = admin.call("res.users", "read", [admin.uid], ["company_id"])[0]["company_id"][0]
    admin.call(
        "res.company",
        "write",
        [company],
        {"account_use_credit_limit": True, "credit_tolerance_percent": 10.0},
    )
    # the customer's OCA risk counts sales orders, against the same native credit limit
    customer = admin.call(
        "res.partner",
        "create",
        {
            "name": "Risky customer",
            "is_company": True,
            "credit_limit": 1000.0,
            "risk_sale_order_include": True,
        },
    )
    product = admin.call("product.product", "create", {"name": "Risky goods", "taxes_id": []})

    def order(amount):
        line = {"product_id": product, "product_uom_qty": 1, "price_unit": amount}
        return admin.call(
            "sale.order", "create", {"partner_id": customer, "order_line": [(0, 0, line)]}
        )

    within = order(1050.0)  # <= 1 000 x 1.1
    assert admin.call("sale.order", "action_confirm", [within]) is True
    assert admin.call("sale.order", "read", [within], ["state"])[0]["state"] == "sale"
    over = order(500.0)
    result = admin.call("sale.order", "action_confirm", [over])
    assert result["tag"] == "display_notification", result
    fields = ["state", "credit_hold", "credit_hold_reason"]
    held = admin.call("sale.order", "read", [over], fields)[0]
    assert held["state"] == "draft" and held["credit_hold"], held
    assert held["credit_hold_reason"].count("Credit limit exceeded") == 1
    assert not admin.call("partner.risk.exceeded.wiz", "search_count", [])
    notes = admin.call(
        "mail.message",
        "search_count",
        [("model", "=", "sale.order"), ("res_id", "=", over), ("body", "ilike", "held by credit")],
    )
    assert notes == 1
    admin.call("sale.order", "action_credit_release", [over])
    assert admin.call("sale.order", "read", [over], ["state"])[0]["state"] == "sale"
    assert not admin.call("partner.risk.exceeded.wiz", "search_count", [])
    admin.call("res.company", "write", [company], {"account_use_credit_limit": False})


def test_install_upgrade_uninstall_on_a_living_database(cluster, workdir, servers):
    log = workdir / "living.log"
    addons = [harness.oca_addons()]
    # a company that already sells and invoices: stock apps with their demo customers,
    # quotations, confirmed orders and invoices, and OCA's financial risk
    stock = "sale_management,sale_stock,account,account_financial_risk,sale_financial_risk"
    run(cluster, log, "-d", DB, "-i", stock, addons=addons)
    # no warning: e.g. "two fields have the same label: Credit Currency" beside OCA
    assert not run(cluster, log, "-d", DB, "-i", ",".join(harness.MODULES), addons=addons)
    server = servers(DB, workers=2, addons=addons)
    admin = server.login("admin", "admin")
    _check_exposure(admin)
    _hold_once_beside_oca(admin)
    assert not bad_lines(server.logfile)
    server.stop()
    for _time in range(2):
        assert not run(cluster, log, "-d", DB, "-u", ",".join(harness.MODULES), addons=addons)
    for module in reversed(harness.MODULES):
        assert not _uninstall(cluster, log, module, addons)
    server = servers(DB, workers=2, addons=addons)
    admin = server.login("admin", "admin")
    installed = admin.call(
        "ir.module.module", "search_read", [("name", "in", harness.MODULES)], ["name", "state"]
    )
    assert {module["state"] for module in installed} == {"uninstalled"}
    # the indexes the modules added to Odoo's tables went with them
    assert not cluster.psql(
        "SELECT indexname FROM pg_indexes WHERE indexname IN "
        "('account_move_line_credit_open_idx', 'account_move_credit_draft_idx')",
        DB,
    )
    # and the ageing balance with the triggers that kept it on the journal items
    assert not cluster.psql(
        "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'credit_ageing_balance%' "
        "UNION ALL SELECT relname FROM pg_class WHERE relname = 'credit_ageing_balance'",
        DB,
    )
    _sell_and_invoice(admin)
    assert not bad_lines(server.logfile)
