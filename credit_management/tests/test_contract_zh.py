# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

CJK = re.compile(r"[\u4e00-\u9fff]")
CONTRACT_MODELS = (
    "credit.contract",
    "credit.contract.type",
    "credit.contract.template",
    "credit.contract.template.clause",
    "credit.contract.clause",
    "credit.contract.review",
    "credit.contract.review.line",
    "credit.contract.review.vote",
    "credit.contract.authorization",
    "credit.contract.seal",
    "credit.contract.seal.use",
    "credit.contract.reconciliation",
    "credit.contract.dispute",
    "credit.complaint",
    "credit.contract.decision.wizard",
)
# labels that are no words (codes) or the same in Chinese
NOT_WORDS = {"ID", "Res Id"}


@tagged("post_install", "-at_install")
class TestContractChinese(TransactionCase):
    """Contract management in Chinese: every label, choice, menu, action and report of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["credit_management"], ["zh_CN"], True)
        cls.zh = cls.env(context=dict(cls.env.context, lang="zh_CN"))

    def _untranslated(self, texts):
        return sorted(
            {text for text in texts if text and text not in NOT_WORDS and not CJK.search(text)}
        )

    def test_fields_and_choices_are_chinese(self):
        missing = []
        for model in CONTRACT_MODELS:
            for fname, field in self.zh[model]._fields.items():
                if field._module != "credit_management" or fname in models_magic():
                    continue
                description = field.get_description(self.zh)
                labels = [description["string"]]
                if field.type == "selection" and isinstance(field.selection, list):
                    labels += [label for _value, label in description["selection"]]
                missing += [f"{model}.{fname}: {label}" for label in self._untranslated(labels)]
        self.assertFalse(missing, "untranslated labels")

    def test_menus_actions_and_reports_are_chinese(self):
        menus = self.zh["ir.ui.menu"].search(
            [("id", "child_of", self.env.ref("credit_management.menu_credit_contracts").id)]
        )
        actions = self.zh["ir.actions.act_window"].search([("res_model", "in", CONTRACT_MODELS)])
        reports = self.zh["ir.actions.report"].search([("model", "in", CONTRACT_MODELS)])
        names = menus.mapped("name") + actions.mapped("name") + reports.mapped("name")
        self.assertGreater(len(names), 20)
        self.assertFalse(self._untranslated(names))

    def test_data_are_chinese(self):
        types = self.zh["credit.contract.type"].search([])
        template = self.zh.ref("credit_management.contract_template_standard")
        texts = [*types.mapped("name"), template.name, *template.clause_ids.mapped("name")]
        self.assertFalse(self._untranslated(texts))
        self.assertEqual(template.name, "标准合同文本")


def models_magic():
    return {"id", "display_name", "create_uid", "create_date", "write_uid", "write_date"}
