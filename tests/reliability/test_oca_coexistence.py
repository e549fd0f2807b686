"""Beside OCA account_financial_risk + sale_financial_risk (18.0, from their PyPI wheels, unpacked
into their own addons folder): the modules install without warnings, and an order is stopped
once, by one module, with one message."""

from servers import bad_lines, harness, run

DB = "credit_oca"


def test_installs_beside_oca_risk_and_holds_once(cluster, workdir, servers):
    addons = [harness.oca_addons()]
    modules = ["account_financial_risk", "sale_financial_risk", *harness.MODULES]
    bad = run(
        cluster,
        workdir / "oca.log",
        "-d",
        DB,
        "-i",
        ",".join(modules),
        "--without-demo=all",
        addons=addons,
    )
    assert not bad, bad  # e.g. "two fields have the same label: Credit Currency"
    server = servers(DB, workers=2, addons=addons)
    admin = server.login("admin", "admin")
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
        return admin.call(
            "sale.order",
            "create",
            {
                "partner_id": customer,
                "order_line": [
                    (0, 0, {"product_id": product, "product_uom_qty": 1, "price_unit": amount})
                ],
            },
        )

    # within our tolerance (1 050 <= 1 100), over OCA's bare limit: confirmed, no second check
    within = order(1050.0)
    assert admin.call("sale.order", "action_confirm", [within]) is True
    assert admin.call("sale.order", "read", [within], ["state"])[0]["state"] == "sale"
    # over the limit: held once, by the credit hold, with its message; no OCA wizard
    over = order(500.0)
    result = admin.call("sale.order", "action_confirm", [over])
    assert result["tag"] == "display_notification", result
    held = admin.call("sale.order", "read", [over], ["state", "credit_hold", "credit_hold_reason"])[0]
    assert held["state"] == "draft" and held["credit_hold"], held
    assert held["credit_hold_reason"].count("Credit limit exceeded") == 1
    assert not admin.call("partner.risk.exceeded.wiz", "search_count", [])
    notes = admin.call(
        "mail.message",
        "search_count",
        [("model", "=", "sale.order"), ("res_id", "=", over), ("body", "ilike", "held by credit")],
    )
    assert notes == 1
    # released by a credit manager: confirmed, OCA does not stop it again
    admin.call("sale.order", "action_credit_release", [over])
    assert admin.call("sale.order", "read", [over], ["state"])[0]["state"] == "sale"
    assert not admin.call("partner.risk.exceeded.wiz", "search_count", [])
    assert not bad_lines(server.logfile)
