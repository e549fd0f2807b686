# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Chinese company of the demo, as the users live it (``make demo``, and ``make test``'s
first database).

The three modules do not depend on ``l10n_cn``: only this setup does. ``harness.py`` runs it in an
``odoo shell``, around the installation of the modules with their demo data:

1. ``before(env)`` once ``base`` is installed: Chinese is loaded (English stays active), the main
   company becomes a Chinese company in yuan, so that installing ``l10n_cn`` (with ``account``)
   loads the Chinese chart of accounts (``cn``) on it before any demo document;
2. the modules are installed with their demo data (Chinese names, amounts in yuan);
3. ``after(env)``: every demo user reads Chinese, the bad-debt write-offs post to the Chinese
   chart's 资产减值损失 (670100) in the miscellaneous journal.
"""

COMPANY = {
    "name": "华东机械有限公司",
    "street": "浦东新区张江路 88 号",
    "zip": "201203",
    "city": "上海",
    "phone": "+86 21 5080 1234",
    "email": "credit@huadong-machinery.example.com",
    "website": "https://huadong-machinery.example.com",
    "vat": "91310115MA1K3A8X2B",
}
BAD_DEBT_ACCOUNT_CODE = "670100"  # 资产减值损失, l10n_cn


def before(env):
    lang = env["res.lang"].with_context(active_test=False).search([("code", "=", "zh_CN")])
    env["base.language.install"].create({"lang_ids": [(6, 0, lang.ids)]}).lang_install()
    cny = env.ref("base.CNY")
    cny.active = True
    company = env.ref("base.main_company")
    company.write(
        dict(
            COMPANY,
            country_id=env.ref("base.cn").id,
            state_id=env.ref("base.state_cn_SH").id,
            currency_id=cny.id,
        )
    )


def after(env):
    company = env.ref("base.main_company")
    assert company.chart_template == "cn", f"chart of accounts {company.chart_template}"
    account = env["account.account"].search(
        [("code", "=", BAD_DEBT_ACCOUNT_CODE), ("company_ids", "in", company.ids)], limit=1
    )
    journal = env["account.journal"].search(
        [("type", "=", "general"), ("company_id", "=", company.id)], limit=1
    )
    company.write(
        {"credit_bad_debt_account_id": account.id, "credit_writeoff_journal_id": journal.id}
    )
    users = (
        env["res.users"]
        .with_context(active_test=False)
        .search([("id", "!=", env.ref("base.user_root").id)])
    )
    users.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
    # l10n_cn's own demo company: one company in this demo
    other = env.ref("base.demo_company_cn", raise_if_not_found=False)
    if other:
        users.filtered(lambda user: other in user.company_ids).write(
            {"company_ids": [(3, other.id)]}
        )
        other.active = False
