from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestAppraisalTemplate(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env.ref("credit_management_hr_appraisal.appraisal_template_credit_clerk")

    def test_default_template_has_19_items_for_100_points(self):
        self.assertEqual(len(self.template.section_ids), 6)
        self.assertEqual(len(self.template.item_ids), 19)
        self.assertEqual(sum(self.template.item_ids.mapped("max_score")), 100)
        self.assertEqual(self.template.total_max_score, 100)
        sections = self.template.section_ids.sorted("sequence")
        self.assertEqual(sections.mapped("code"), ["一", "二", "三", "四", "五", "六"])
        self.assertEqual(
            [s.item_ids.sorted("sequence").mapped("max_score") for s in sections],
            [[3, 5], [3, 3, 3, 6, 4, 4], [5, 6, 5, 6], [6, 4], [6, 10, 5, 6], [10]],
        )

    def test_chinese_texts_of_the_manual(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["credit_management_hr_appraisal"], ["zh_CN"], overwrite=True
        )
        template = self.template.with_context(lang="zh_CN")
        self.assertEqual(template.name, "信用(合同)管理员年终考核")
        items = template.item_ids.sorted(lambda i: (i.section_id.sequence, i.sequence))
        self.assertEqual(
            items.mapped("name"),
            [
                "掌握合同有关法律、法规的应知应会基础知识",
                "认真参加部门或公司举办的业务和有关法律法规学习",
                '所签订合同符合"三性"(合法性、真实性、可行性)',
                '所签订合同符合"五审查"',
                "除即时清结外签订了书面合同",
                "合同文本使用正确、内容合法、条款齐全、手续完备",
                "签订合同人员的有效代理范围和权限",
                "杜绝无效合同的出现",
                "合同审查表的办理和送审,内容齐全,手续完备",
                "定期或不定期与部门业务员对帐",
                "经常督促合同的履约行为",
                "全面了解本部门的合同履行情况",
                "合同变更、解除手续及时办理、手续齐全",
                "协助做好信息反馈和信访工作",
                "建立合同台帐",
                "合同台帐的登记质量(及时、正确、全面)",
                "合同章的使用和保管",
                "有关资料的保管和归档",
                "在信用(合同)管理上有创新的典型事例(包括运用计算机管理)",
            ],
        )
        self.assertEqual(items[10].with_context(lang="en_US").name, "Chases performance")

    def test_default_bands(self):
        bands = {b.rating: b.min_score for b in self.template.band_ids}
        self.assertEqual(
            bands, {"advanced": 95, "excellent": 90, "commended": 80, "pass": 60, "fail": 0}
        )

    def test_kpi_sources_on_training_and_contract_items(self):
        item = self.template.item_ids
        by_source = {
            i.kpi_source: (i.section_id.code, i.code) for i in item if i.kpi_source != "none"
        }
        # sections 二 to 五 (16 items, 82 points) score the clerk's contract work
        self.assertEqual(
            by_source,
            {
                "training_exam": ("一", "1"),
                "training_attendance": ("一", "2"),
                "contract_three_properties": ("二", "1"),
                "contract_five_checks": ("二", "2"),
                "contract_written": ("二", "3"),
                "contract_terms": ("二", "4"),
                "contract_authority": ("二", "5"),
                "contract_invalid": ("二", "6"),
                "contract_review_forms": ("三", "1"),
                "contract_reconcile": ("三", "2"),
                "contract_chase": ("三", "3"),
                "contract_knowledge": ("三", "4"),
                "contract_changes": ("四", "1"),
                "contract_complaints": ("四", "2"),
                "contract_ledger": ("五", "1"),
                "contract_ledger_quality": ("五", "2"),
                "contract_seal": ("五", "3"),
                "contract_archive": ("五", "4"),
            },
        )
        # only 一 (training) and 六 (innovation) have no contract source
        self.assertEqual(sum(i.max_score for i in item if i.kpi_source.startswith("contract_")), 82)

    def test_active_template_must_total_100(self):
        item = self.template.item_ids[0]
        with self.assertRaises(ValidationError):
            self.template.write({"item_ids": [Command.update(item.id, {"max_score": 4})]})

    def test_archived_template_may_be_unbalanced(self):
        self.template.active = False
        item = self.template.item_ids[0]
        self.template.write({"item_ids": [Command.update(item.id, {"max_score": 4})]})
        self.assertEqual(self.template.total_max_score, 101)
        with self.assertRaises(ValidationError):
            self.template.active = True

    def test_rating_for_uses_the_template_bands(self):
        self.template.band_ids.filtered(lambda b: b.rating == "advanced").min_score = 98
        self.assertEqual(self.template._rating_for(97), "excellent")
        self.assertEqual(self.template._rating_for(98), "advanced")
