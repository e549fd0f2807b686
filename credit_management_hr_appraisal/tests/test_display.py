# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import AppraisalCommon

SHEET = "credit_management_hr_appraisal.report_credit_appraisal_sheet"
# not the text of i18n/zh_CN.po: the test stands whether the module's translations are loaded or not
ITEM_ZH = "督促合同履约"


@tagged("post_install", "-at_install")
class TestAppraisalDisplay(AppraisalCommon):
    """What a Chinese appraiser sees: the template's own (translated) texts, and years as years."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.item = cls.env.ref(
            "credit_management_hr_appraisal.appraisal_template_credit_clerk_item_3_3"
        )

    def test_lines_show_the_item_text_translated_after_their_creation(self):
        # Appraisals created before the Chinese texts are loaded (demo data is loaded before the
        # module's translations; a language installed later) still show them.
        appraisal = self._create_appraisal()
        self.item.with_context(lang="zh_CN").name = ITEM_ZH
        line = appraisal.line_ids.filtered(lambda li: li.item_id == self.item)
        self.assertEqual(line.with_context(lang="zh_CN").name, ITEM_ZH)
        self.assertEqual(line.with_context(lang="en_US").name, "Chases performance")
        self.clerk.lang = "zh_CN"
        html, _type = self.env["ir.actions.report"]._render_qweb_html(SHEET, appraisal.ids)
        self.assertIn(ITEM_ZH, html.decode())
        self.assertNotIn("Chases performance", html.decode())

    def test_lines_read_in_the_readers_language(self):
        self.item.with_context(lang="zh_CN").name = ITEM_ZH
        appraisal = self._create_appraisal()
        line = appraisal.line_ids.filtered(lambda li: li.item_id == self.item)
        self.manager_user.lang = "zh_CN"
        values = line.with_user(self.manager_user).with_context(lang="zh_CN").web_read({"name": {}})
        self.assertEqual(values[0]["name"], ITEM_ZH)

    def test_year_is_shown_without_thousands_separator(self):
        """Every view showing an integer year disables the number formatting ("2,026")."""
        for model in ("credit.appraisal", "credit.training.session"):
            views = self.env[model].get_views(
                [(False, view_type) for view_type in ("list", "form", "search", "pivot", "graph")]
            )["views"]
            for view_type, view in views.items():
                for node in etree.fromstring(view["arch"]).iter("field"):
                    if node.get("name") != "year" or view_type in ("search", "pivot", "graph"):
                        continue
                    options = safe_eval(node.get("options", "{}"), {"false": False, "true": True})
                    self.assertIs(
                        options.get("enable_formatting"), False, f"{model} {view_type} view"
                    )
        appraisal = self._create_appraisal(year=2026)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(SHEET, appraisal.ids)
        self.assertIn("2026", html.decode())
        self.assertNotIn("2,026", html.decode())
