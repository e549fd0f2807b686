# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Everything the suite shows a Chinese user comes out in Chinese.

Counted from what Odoo renders for a zh_CN user, not only from the .po files: every term the
suite's modules export (views, menus, fields, selections, data records, mail templates, report
templates, Python messages) has its Chinese; the views as ``get_views`` returns them, the fields
as ``fields_get`` describes them, the data records as they are read, the printed documents as
they are rendered and the messages users meet (a hold, an error) read in Chinese; years and
amounts read as a Chinese user expects (年度 2026, ¥).
"""

import re
from datetime import date

from lxml import etree
from lxml import html as lxml_html

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.translate import TranslationModuleReader

CJK = re.compile(r"[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]")
WORD = re.compile(r"(?<![0-9A-Za-z])[A-Za-z][A-Za-z'\u2019-]*(?![0-9])")
# markup and placeholders are not read: <br/>, %(name)s, %s, {name}
NOT_READ = re.compile(r"<[^>]*>|%\([^)]*\)[sdf]|%[sdf]|\{[^}]*\}|&[a-z]+;")
# Latin words a Chinese user reads as they are: abbreviations and names.
KEPT = {
    "A", "B", "C", "D", "DSO", "KPI", "KPIs", "PDF", "CSV", "ID", "Odoo", "OCA", "L", "No",
    "CNY", "VAT", "e", "g", "ie", "i", "x", "mm", "pt", "px", "nbsp",
}  # fmt: skip
# The field giving the language a document is printed in (its ``t-lang``), by model; default
# ``partner_id.lang``: a letter is printed in the language of whom it is sent to.
READER_LANG = {
    "res.partner": "lang",
    "credit.collection.case": "agency_partner_id.lang",
}
# Attributes of view nodes that users read.
SHOWN_ATTRIBUTES = ("string", "help", "placeholder", "confirm", "title", "sum", "avg")


def untranslated(text):
    """``text`` reads in English for a Chinese user: Latin words beyond the kept ones and no
    Chinese character."""
    if not text or CJK.search(text):
        return False
    return any(word not in KEPT for word in WORD.findall(NOT_READ.sub(" ", text)))


@tagged("post_install", "-at_install", "credit_journey")
class TestChinese(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lang = cls.env["res.lang"]
        if not Lang._lang_get("zh_CN"):
            Lang._activate_lang("zh_CN")
        modules = cls.env["ir.module.module"].search(
            [("name", "=like", "credit_management%"), ("state", "=", "installed")]
        )
        cls.suite = modules.mapped("name")
        if not cls.env["ir.model.data"].search_count(
            [("module", "in", cls.suite), ("model", "=", "ir.ui.menu")]
        ):
            raise AssertionError("the suite's menus are not installed")
        # the module translations as the database has them (loaded with the language)
        modules._update_translations(["zh_CN"])
        cls.user = new_test_user(
            cls.env,
            login="zh_reader",
            groups="credit_management.group_credit_manager,sales_team.group_sale_manager,"
            "hr.group_hr_user,account.group_account_invoice,"
            "credit_management_hr_appraisal.group_appraisal_approver",
            lang="zh_CN",
        )
        cls.zh = cls.env(user=cls.user, context={"lang": "zh_CN"})

    # ------------------------------------------------------------------ every exported term

    def test_every_term_of_the_suite_has_its_chinese(self):
        """The terms ``make pot`` exports: the Chinese the database holds for model terms, the
        .po files' for Python and JavaScript messages."""
        reader = TranslationModuleReader(self.env.cr, modules=self.suite, lang="zh_CN")
        missing = sorted(
            {
                f"{module} {ttype} {name}: {source[:90]!r}"
                for module, ttype, name, _res_id, source, value, _comments in reader
                if untranslated(source)
                and (not value or untranslated(value))
                and "/tests/" not in name
                and not (name == "ir.actions.report,print_report_name" and "'" not in source)
            }
        )
        self.assertFalse(missing, f"{len(missing)} terms without Chinese:\n" + "\n".join(missing))

    # ------------------------------------------------------------------ what is rendered

    def _own_views(self):
        data = self.env["ir.model.data"].search(
            [("module", "in", self.suite), ("model", "=", "ir.ui.view")]
        )
        return self.env["ir.ui.view"].browse(data.mapped("res_id")).exists()

    def _shown_texts(self, arch, html=False):
        if isinstance(arch, str):
            tree = (
                lxml_html.fragment_fromstring(arch, create_parent="div")
                if html
                else (etree.fromstring(arch))
            )
        else:
            tree = arch
        for node in tree.iter():
            if not isinstance(node.tag, str):
                continue
            for attribute in SHOWN_ATTRIBUTES:
                if node.get(attribute):
                    yield node.get(attribute)
            if node.tag in ("field", "script", "style") or node.get("t-esc") or node.get("t-out"):
                continue
            texts = (node.text, node.tail)
            if node.tag == "attribute" and node.get("name") not in SHOWN_ATTRIBUTES:
                texts = (node.tail,)  # an inherited view setting e.g. readonly="<domain>"
            for text in texts:
                if text and text.strip():
                    yield text.strip()

    def test_views_as_get_views_returns_them(self):
        """The screens of the suite's models as the web client receives them, and what the
        suite adds to other models' screens."""
        problems = []
        views = self._own_views().filtered(lambda v: v.type not in ("qweb",))
        primary = views.filtered(lambda v: v.mode == "primary" and v.model.startswith("credit."))
        for view in primary:
            result = self.zh[view.model].get_views([(view.id, view.type)])
            for text in self._shown_texts(result["views"][view.type]["arch"]):
                if untranslated(text):
                    problems.append(f"{view.xml_id}: {text!r}")
        for view in views - primary:
            for text in self._shown_texts(view.with_context(lang="zh_CN").arch_db):
                if untranslated(text):
                    problems.append(f"{view.xml_id}: {text!r}")
        self.assertFalse(problems, "\n".join(sorted(set(problems))))

    def test_fields_and_selections_as_fields_get_describes_them(self):
        problems = []
        data = self.env["ir.model.data"].search(
            [("module", "in", self.suite), ("model", "=", "ir.model.fields")]
        )
        fields = self.env["ir.model.fields"].browse(data.mapped("res_id")).exists()
        for model, model_fields in fields.grouped("model").items():
            if model not in self.env or not self.env[model]._translate:
                continue
            names = [name for name in model_fields.mapped("name") if name in self.env[model]]
            described = (
                self.env[model]
                .with_context(lang="zh_CN")
                .fields_get(names, ["string", "help", "selection"])
            )
            for name, info in described.items():
                texts = [info.get("string"), info.get("help")]
                field = self.env[model]._fields[name]
                # The labels of a selection are the module's that defines the field: a host
                # mixin's (the activity state of mail.activity.mixin, left in English by stock
                # Odoo on its own models too) or the names of the installed languages are not
                # the suite's texts.
                if field._module in self.suite and name != "lang":
                    texts += [label for _value, label in info.get("selection") or []]
                problems += [f"{model}.{name}: {t!r}" for t in texts if untranslated(t)]
        self.assertFalse(problems, "\n".join(sorted(problems)))

    def test_data_records_as_they_are_read(self):
        """Criteria, sections, bands, grades, follow-up levels and policies, activity types,
        menus, actions, mail templates...: every translated field of the suite's records."""
        problems = []
        data = self.env["ir.model.data"].search([("module", "in", self.suite)])
        for model, entries in data.grouped("model").items():
            if model not in self.env or model in ("ir.model.fields", "ir.ui.view"):
                continue
            Model = self.env[model].with_context(lang="zh_CN", active_test=False)
            translated = [
                name
                for name, field in Model._fields.items()
                if field.translate and field.store and name != "print_report_name"
            ]
            if not translated:
                continue
            for record in Model.browse(entries.mapped("res_id")).exists():
                for name in translated:
                    value = record[name]
                    if isinstance(value, str) and "<" in value:
                        texts = list(self._shown_texts(value, html=True))
                    else:
                        texts = [value]
                    problems += [
                        f"{model} {record.display_name!r}.{name}: {str(t)[:80]!r}"
                        for t in texts
                        if isinstance(t, str) and untranslated(t)
                    ]
        self.assertFalse(problems, "\n".join(sorted(set(problems))))

    def test_printed_documents_in_chinese(self):
        """Each report of the suite rendered for a Chinese reader: none of the English texts of
        its templates is printed."""
        problems = []
        reports = self.env["ir.actions.report"].browse(
            self.env["ir.model.data"]
            .search([("module", "in", self.suite), ("model", "=", "ir.actions.report")])
            .mapped("res_id")
        )
        templates = self._own_views().filtered(lambda v: v.type == "qweb")
        english = {
            text
            for template in templates
            for text in self._shown_texts(template.with_context(lang="en_US").arch_db)
            if untranslated(text) and len(text) > 3
        }
        for report in reports:
            # a document sent to a customer is printed in the customer's language: print one
            # of a Chinese customer
            Model = self.env[report.model]
            reader = READER_LANG.get(report.model, "partner_id.lang")
            record = Model.search(
                [(reader, "=", "zh_CN")] if reader.split(".")[0] in Model._fields else [], limit=1
            ) or Model.search([], limit=1)
            if not record:
                problems.append(f"{report.report_name}: no record to print (demo data)")
                continue
            html, _kind = (
                self.env["ir.actions.report"]
                .with_user(self.user)
                .with_context(lang="zh_CN")
                ._render_qweb_html(report.report_name, record.ids)
            )
            printed = set(self._shown_texts(html.decode(), html=True))
            problems += [f"{report.report_name}: {text!r}" for text in sorted(english & printed)]
        self.assertFalse(problems, "\n".join(problems))

    # ------------------------------------------------------------------ what users meet

    def _cny_company(self):
        cny = self.env.ref("base.CNY")
        cny.active = True
        company = self.env["res.company"].create(
            {
                "name": "华北机械有限公司",
                "currency_id": cny.id,
                "account_use_credit_limit": True,
            }
        )
        self.user.write({"company_ids": [Command.link(company.id)], "company_id": company.id})
        return company

    def test_hold_message_and_amounts_for_a_chinese_salesperson(self):
        company = self._cny_company()
        seller = new_test_user(
            self.env,
            login="zh_seller",
            groups="sales_team.group_sale_salesman",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
            lang="zh_CN",
        )
        customer = self.env["res.partner"].create({"name": "华东贸易有限公司", "is_company": True})
        customer.with_company(company).credit_limit = 100000.0
        product = self.env["product.product"].create(
            {"name": "钢卷", "list_price": 1000.0, "taxes_id": [Command.clear()]}
        )
        env = self.env(user=seller, context={"lang": "zh_CN"})
        order = (
            env["sale.order"]
            .with_company(company)
            .create(
                {
                    "partner_id": customer.id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "product_uom_qty": 120, "tax_id": False}
                        )
                    ],
                }
            )
        )
        result = order.action_confirm()
        self.assertTrue(order.credit_hold)
        reason = order.credit_hold_reason
        self.assertTrue(CJK.search(reason), reason)
        self.assertIn("¥", reason, "amounts in yuan")
        self.assertIn("120,000.00", reason)
        self.assertFalse(untranslated(result["params"]["title"]), result["params"]["title"])
        self.assertTrue(CJK.search(result["params"]["message"]))
        note = order.message_ids.filtered(lambda m: "¥" in (m.body or ""))
        self.assertTrue(note and CJK.search(note[0].body), "the chatter note reads in Chinese")

    def test_errors_read_in_chinese(self):
        company = self._cny_company()
        order = self.zh["sale.order"].with_company(company).new({})
        with self.assertRaises(UserError) as caught:
            order.with_user(self.user)._credit_reject("")
        self.assertTrue(CJK.search(str(caught.exception)), str(caught.exception))

    def test_appraisal_year_and_sheet_for_a_chinese_reader(self):
        employee = self.env["hr.employee"].create(
            {"name": "赵敏", "is_credit_clerk": True, "lang": "zh_CN"}
        )
        appraisal = self.env["credit.appraisal"].create(
            {"employee_id": employee.id, "year": date.today().year}
        )
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user)
            .with_context(lang="zh_CN")
            ._render_qweb_html(
                "credit_management_hr_appraisal.report_credit_appraisal_sheet", appraisal.ids
            )
        )
        text = re.sub(r"<[^>]+>", " ", html.decode())
        text = re.sub(r"\s+", " ", text)
        self.assertRegex(text, rf"年度[^0-9]{{0,12}}{appraisal.year}")
        self.assertNotIn(f"{appraisal.year:,}", text)
        for line in appraisal.line_ids:
            self.assertTrue(CJK.search(line.with_context(lang="zh_CN").name), line.item_id.code)
