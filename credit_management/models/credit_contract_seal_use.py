# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class CreditContractSealUse(models.Model):
    """One use of the contract seal (用印登记): requested against an approved contract, granted by
    the custodian and logged (who, when, which contract, how many copies)."""

    _name = "credit.contract.seal.use"
    _description = "Contract Seal Use"
    _inherit = ["mail.thread", "credit.workflow.mixin"]
    _order = "request_date desc, id desc"
    _check_company_auto = True
    _workflow_initial_state = "requested"
    _workflow_fields = ("granted_by_id", "grant_date", "request_date", "requested_by_id")
    _workflow_unlink_states = ("requested",)
    # the handler who asks for the seal follows the request without editing it
    _mail_post_access = "read"

    name = fields.Char(compute="_compute_name", store=True)
    seal_id = fields.Many2one(
        "credit.contract.seal",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self._default_seal(),
    )
    company_id = fields.Many2one(related="seal_id.company_id", store=True, index=True)
    custodian_id = fields.Many2one(related="seal_id.custodian_id")
    contract_id = fields.Many2one(
        "credit.contract",
        required=True,
        index=True,
        check_company=True,
        domain="[('state', '=', 'approved')]",
    )
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True)
    requested_by_id = fields.Many2one(
        "res.users", readonly=True, default=lambda self: self.env.user
    )
    request_date = fields.Datetime(readonly=True, default=fields.Datetime.now)
    copies = fields.Integer(default=2, help="Number of copies stamped.")
    purpose = fields.Char(help="What is stamped: contract originals, amendment, annexes...")
    state = fields.Selection(
        [("requested", "Requested"), ("granted", "Granted"), ("refused", "Refused")],
        default="requested",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    granted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    grant_date = fields.Datetime(string="Stamped On", readonly=True, copy=False)

    @api.model
    def _default_seal(self):
        return self.env["credit.contract.seal"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )

    @api.depends("seal_id.name", "contract_id.name")
    def _compute_name(self):
        for use in self:
            use.name = f"{use.seal_id.name or ''} / {use.contract_id.name or ''}"

    @api.constrains("copies")
    def _check_copies(self):
        for use in self:
            if use.copies < 1:
                raise ValidationError(
                    self.env._(
                        "Copies: at least one copy is stamped (got %(copies)s).",
                        copies=use.copies,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        contracts = self.env["credit.contract"].browse(
            [vals["contract_id"] for vals in vals_list if vals.get("contract_id")]
        )
        self._check_contracts_approved(contracts)
        uses = super().create(vals_list)
        for use in uses:
            use._credit_message_post(
                self.env._(
                    "Use of %(seal)s requested for %(contract)s (%(copies)s copies).",
                    seal=use.seal_id.name,
                    contract=use.contract_id.name,
                    copies=use.copies,
                ),
                partner_ids=use.custodian_id.partner_id.ids,
            )
        return uses

    def write(self, vals):
        if {"contract_id", "seal_id", "copies"} & vals.keys() and not self.env.su:
            if any(use.state != "requested" for use in self):
                raise UserError(self.env._("A logged seal use can no longer be changed."))
            if "contract_id" in vals:
                self._check_contracts_approved(
                    self.env["credit.contract"].browse(vals["contract_id"])
                )
        return super().write(vals)

    def _check_contracts_approved(self, contracts):
        if self.env.su:
            # data files and the server itself log past uses (the demo's signed contracts)
            return
        labels = dict(contracts._fields["state"]._description_selection(self.env))
        # sudo: the state of the contract decides, whoever asks for the seal
        for contract in contracts.sudo():
            if contract.state != "approved":
                raise UserError(
                    self.env._(
                        "The contract seal is used only for approved contracts: %(contract)s "
                        "is %(state)s.",
                        contract=contract.display_name,
                        state=labels[contract.state],
                    )
                )

    def _check_custodian(self):
        others = self.filtered(lambda use: use.custodian_id != self.env.user)
        if others and not self.env.su:
            raise AccessError(
                self.env._(
                    "Only the custodian of %(seal)s (%(custodian)s) grants its use.",
                    seal=others[0].seal_id.name,
                    custodian=others[0].custodian_id.name,
                )
            )

    def action_grant(self):
        """The custodian stamps the approved contract: the use is logged."""
        self._check_custodian()
        self._check_state(("requested",))
        self._check_contracts_approved(self.contract_id)
        now = fields.Datetime.now()
        self._workflow_write({"state": "granted", "granted_by_id": self.env.uid, "grant_date": now})
        for use in self:
            message = self.env._(
                "%(seal)s stamped on %(copies)s copies of %(contract)s by %(user)s.",
                seal=use.seal_id.name,
                copies=use.copies,
                contract=use.contract_id.name,
                user=self.env.user.name,
            )
            use._credit_message_post(message)
            # sudo: the custodian logs the use on the contract he may not otherwise edit
            use.contract_id._credit_message_post(message)
        return True

    def action_refuse(self):
        self._check_custodian()
        self._check_state(("requested",))
        self._workflow_write({"state": "refused"})
        for use in self:
            use._credit_message_post(
                self.env._("Use of the seal refused by %(user)s.", user=self.env.user.name)
            )
        return True

    @api.model
    def _sealed_contracts(self, contracts):
        """Contracts bearing the seal: a granted use, or no active seal in their company (the
        company keeps no contract seal in the suite). One query each."""
        granted = self.sudo()._read_group(
            [("contract_id", "in", contracts.ids), ("state", "=", "granted")],
            groupby=["contract_id"],
        )
        sealed = {contract.id for (contract,) in granted}
        with_seal = {
            company.id
            for (company,) in self.env["credit.contract.seal"]
            .sudo()
            ._read_group([("company_id", "in", contracts.company_id.ids)], groupby=["company_id"])
        }
        sealed |= {c.id for c in contracts if c.company_id.id not in with_seal}
        return sealed
