# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

CONTRACT_KINDS = [
    ("sales", "Sales"),
    ("purchase", "Purchase"),
    ("technical", "Technical"),
    ("other", "Other"),
]


class CreditContractType(models.Model):
    """A kind of contract the company signs (销售合同, 采购合同, 技术合同 ...).

    Authorization letters name the types their handler may sign; a type can require the joint
    review (会审) of every contract of its kind.
    """

    _name = "credit.contract.type"
    _description = "Contract Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        CONTRACT_KINDS,
        required=True,
        default="sales",
        help="Sales contracts are checked against the customer's credit; purchase contracts "
        "against the supplier's credit file (供应商信誉档案); sales contracts in force let the "
        "customer's orders pass the written-contract rule.",
    )
    joint_review = fields.Boolean(
        string="Always Reviewed Jointly",
        help="Every contract of this type is reviewed jointly (会审) by the named finance, legal "
        "and technical reviewers, whatever its amount.",
    )
    company_id = fields.Many2one(
        "res.company", help="Leave empty to use the type in every company.", index=True
    )
