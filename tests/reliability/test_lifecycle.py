"""R5: the three modules installed into a living database (customers, orders, invoices),
upgraded twice, then uninstalled in reverse order: the log stays clean, the exposure matches
the existing data, and sales and invoicing still work afterwards."""

import subprocess

from servers import bad_lines, harness, odoo, run

DB = "credit_living"


def _uninstall(cluster, logfile, module):
    """Uninstall ``module`` the way the Apps menu does, in an Odoo shell."""
    script = (
        f"env['ir.module.module'].search([('name', '=', {module!r})])"
        ".button_immediate_uninstall()\nenv.cr.commit()\n"
    )
    with open(logfile, "a") as log:
        start = sum(1 for _ in open(logfile))
        subprocess.run(
            odoo(cluster, "shell", "-d", DB, "--no-http", "--log-level", "info"),
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
    partner_ids = sorted({move["commercial_partner_id"][0] for move in moves})
    assert partner_ids, "the living database has open invoices"
    for partner in admin.call(
        "res.partner", "read", partner_ids, ["credit", "credit_exposure_receivable", "name"]
    ):
        assert round(partner["credit_exposure_receivable"], 2) == round(partner["credit"], 2), partner
    orders = admin.call(
        "sale.order",
        "search_read",
        [("state", "=", "sale"), ("invoice_ids", "=", False)],
        ["partner_id", "amount_total", "currency_id", "company_id"],
    )
    assert orders, "the living database has confirmed, uninvoiced orders"
    by_partner = {}
    for order in orders:
        commercial = admin.call("res.partner", "read", [order["partner_id"][0]], ["commercial_partner_id"])
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
    customer = admin.call("res.partner", "create", {"name": "After the credit suite", "is_company": True})
    product = admin.call("product.product", "create", {"name": "Lifecycle product", "list_price": 100.0})
    order = admin.call(
        "sale.order",
        "create",
        {"partner_id": customer, "order_line": [(0, 0, {"product_id": product, "product_uom_qty": 2})]},
    )
    admin.call("sale.order", "action_confirm", [order])
    assert admin.call("sale.order", "read", [order], ["state"])[0]["state"] == "sale"
    invoice = admin.call(
        "account.move",
        "create",
        {
            "move_type": "out_invoice",
            "partner_id": customer,
            "invoice_line_ids": [(0, 0, {"product_id": product, "quantity": 1, "price_unit": 100.0})],
        },
    )
    admin.call("account.move", "action_post", [invoice])
    assert admin.call("account.move", "read", [invoice], ["state"])[0]["state"] == "posted"


def test_install_upgrade_uninstall_on_a_living_database(cluster, workdir, servers):
    log = workdir / "living.log"
    # a company that already sells and invoices: stock apps with their demo customers,
    # quotations, confirmed orders and invoices
    run(cluster, log, "-d", DB, "-i", "sale_management,account")
    assert not run(cluster, log, "-d", DB, "-i", ",".join(harness.MODULES))
    server = servers(DB, workers=2)
    _check_exposure(server.login("admin", "admin"))
    server.stop()
    for _time in range(2):
        assert not run(cluster, log, "-d", DB, "-u", ",".join(harness.MODULES))
    for module in reversed(harness.MODULES):
        assert not _uninstall(cluster, log, module)
    server = servers(DB, workers=2)
    admin = server.login("admin", "admin")
    installed = admin.call(
        "ir.module.module", "search_read", [("name", "in", harness.MODULES)], ["name", "state"]
    )
    assert {module["state"] for module in installed} == {"uninstalled"}
    _sell_and_invoice(admin)
    assert not bad_lines(server.logfile)
