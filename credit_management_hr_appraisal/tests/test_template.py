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

    def test_default_bands(self):
        bands = {b.rating: b.min_score for b in self.template.band_ids}
        self.assertEqual(
            bands, {"advanced": 95, "excellent": 90, "commended": 80, "pass": 60, "fail": 0}
        )

    def test_kpi_sources_on_reconcile_chase_and_training_items(self):
        item = self.template.item_ids
        by_source = {
            i.kpi_source: (i.section_id.code, i.code) for i in item if i.kpi_source != "none"
        }
        self.assertEqual(
            by_source,
            {
                "training_exam": ("一", "1"),
                "training_attendance": ("一", "2"),
                "collections_reconcile": ("三", "2"),
                "collections_chase": ("三", "3"),
            },
        )

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
