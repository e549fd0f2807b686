# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

KPI_SOURCES = [
    ("none", "None"),
    ("collections_reconcile", "Collections: reconciliations"),
    ("collections_chase", "Collections: chasing performance"),
    ("training_attendance", "Training attendance"),
    ("training_exam", "Training exams"),
    # the clerk's contract work (合同管理), items of sections 二 to 五
    ("contract_three_properties", "Contracts: three properties (二.1)"),
    ("contract_five_checks", "Contracts: five checks (二.2)"),
    ("contract_written", "Contracts: written-contract coverage of orders (二.3)"),
    ("contract_terms", "Contracts: templates and clauses complete (二.4)"),
    ("contract_authority", "Contracts: signed within authority (二.5)"),
    ("contract_invalid", "Contracts: no invalid contracts (二.6)"),
    ("contract_review_forms", "Contracts: review forms on time and complete (三.1)"),
    ("contract_reconcile", "Contracts: reconciliations with salespeople (三.2)"),
    ("contract_chase", "Contracts: performance chased (三.3)"),
    ("contract_knowledge", "Contracts: performance known (三.4)"),
    ("contract_changes", "Contracts: changes and terminations by procedure (四.1)"),
    ("contract_complaints", "Contracts: complaints answered on time (四.2)"),
    ("contract_ledger", "Contracts: ledger registered on time (五.1)"),
    ("contract_ledger_quality", "Contracts: ledger complete (五.2)"),
    ("contract_seal", "Contracts: seal uses logged (五.3)"),
    ("contract_archive", "Contracts: signed scans archived (五.4)"),
]


class CreditAppraisalTemplateItem(models.Model):
    _name = "credit.appraisal.template.item"
    _description = "Credit Clerk Appraisal Template Item"
    _order = "template_id, section_sequence, sequence, id"

    section_id = fields.Many2one(
        "credit.appraisal.template.section", required=True, ondelete="cascade", index=True
    )
    section_sequence = fields.Integer(
        related="section_id.sequence", store=True, string="Section Sequence"
    )
    template_id = fields.Many2one(
        "credit.appraisal.template",
        related="section_id.template_id",
        store=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(help="Number of the item inside its section: 1, 2, 3 …")
    name = fields.Char(string="Criterion", required=True, translate=True)
    max_score = fields.Float(string="Points", required=True, digits=(16, 1))
    kpi_source = fields.Selection(
        KPI_SOURCES,
        string="Score Suggestion",
        required=True,
        default="none",
        help="Figures that suggest a score for this item on the appraisal: the clerk's own "
        "contract work of the year (reviews, ledger, seal, reconciliations...), collections "
        "or training attendance and exams.",
    )

    @api.constrains("max_score")
    def _check_max_score(self):
        for item in self:
            if item.max_score <= 0:
                raise ValidationError(
                    self.env._(
                        "The points of the appraisal item %(item)s must be positive.",
                        item=item.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items._check_template_total()
        return items

    def write(self, vals):
        result = super().write(vals)
        if {"max_score", "active", "section_id"} & vals.keys():
            self._check_template_total()
        return result

    def _check_template_total(self):
        """An item changed on its own (not through its template's form) still leaves its
        template at 100 points: the template's constraint only sees writes of the template.
        Data files create a template's items one by one while modules load: not checked then."""
        if self.env.registry.ready and not self.env.context.get("credit_template_items"):
            self.template_id._check_total_max_score()
