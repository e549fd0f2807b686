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

import re

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
# The people and the departments of the demo, by xml id (skipped when their module is absent).
CHINESE_NAMES = {
    "base.user_admin": "系统管理员",
    "credit_management.user_credit_manager_demo": "王丽",
    "credit_management.user_credit_user_demo": "赵敏",
    "credit_management.user_salesman_demo": "陈刚",
    "credit_management.user_contract_finance_demo": "孙红",
    "credit_management.user_contract_legal_demo": "周兰",
    "credit_management.user_legal_representative_demo": "刘军",
    "credit_management_hr_appraisal.user_credit_clerk_li_demo": "李强",
    "credit_management_hr_appraisal.user_credit_clerk_zhang_demo": "张伟",
    "credit_management_hr_appraisal.user_sales_manager_demo": "周涛",
    "credit_management_hr_appraisal.user_accountant_demo": "孙洁",
    "credit_management_hr_appraisal.user_hr_officer_demo": "刘芳",
    "credit_management_hr_appraisal.employee_accountant_demo": "孙洁",
    "credit_management_hr_appraisal.department_credit_demo": "信用管理部",
    "credit_management_hr_appraisal.department_credit_information_demo": "商情科",
    "credit_management_hr_appraisal.department_credit_granting_demo": "授信科",
    "credit_management_hr_appraisal.department_collections_demo": "商账科",
}
CJK_NAME = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff\u00b7\uff08\uff09]*")


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
    _chinese_names(env)
    # The demo's holds were decided while the modules installed, in English: their reasons are
    # given again in Chinese, as a Chinese salesperson's confirmation gives them.
    held = env["sale.order"].search([("credit_hold", "=", True)])
    failures = held.with_context(lang="zh_CN")._credit_evaluate()
    hold_type = env.ref("credit_management.mail_activity_type_credit_hold")
    for order in held.filtered(lambda order: failures[order.id]):
        reason = "\n".join(failure["message"] for failure in failures[order.id])
        order.credit_hold_reason = reason
        order.activity_ids.filtered(lambda act: act.activity_type_id == hold_type).note = reason
    # a Chinese company's customers read Chinese: their letters and statements print in it
    partners = env["res.partner"].with_context(active_test=False).search([("lang", "!=", "zh_CN")])
    partners.filtered(lambda partner: CJK_NAME.search(partner.name or "")).write({"lang": "zh_CN"})
    # the web client's asset bundles, built once here rather than by the first visitor (and by
    # each browser test of make test's Chinese database)
    for bundle in ("web.assets_web", "web.assets_tests", "web.assets_frontend"):
        assets = env["ir.qweb"]._get_asset_bundle(bundle)
        assets.js()
        assets.css()
    # l10n_cn's own demo company: one company in this demo
    other = env.ref("base.demo_company_cn", raise_if_not_found=False)
    if other:
        users.filtered(lambda user: other in user.company_ids).write(
            {"company_ids": [(3, other.id)]}
        )
        other.active = False


def _chinese_names(env):
    """The demo's people, customers and departments by their Chinese names: the named ones of
    CHINESE_NAMES, and the Chinese part of the bilingual names of the modules' demo records
    (华东贸易有限公司 Huadong Trading -> 华东贸易有限公司, Wang Li (王丽) -> 王丽)."""
    for xmlid, name in CHINESE_NAMES.items():
        record = env.ref(xmlid, raise_if_not_found=False)
        if record:
            record.name = name
    data = env["ir.model.data"].search(
        [
            ("module", "=like", "credit_management%"),
            ("model", "in", ("res.partner", "hr.employee")),
        ]
    )
    for entry in data:
        record = env[entry.model].browse(entry.res_id).exists()
        if not record or f"{entry.module}.{entry.name}" in CHINESE_NAMES:
            continue
        chinese = CJK_NAME.findall(record.name or "")
        if chinese and chinese[0] != record.name:
            record.name = chinese[0]
