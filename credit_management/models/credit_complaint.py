# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

CREDIT_USER = "credit_management.group_credit_user"


class CreditComplaint(models.Model):
    """Feedback and complaints (信访/申诉) about a hold, a limit or a contract.

    A salesperson files one from a held order, the clerk records one for a customer; the credit
    department answers, and the response time is measured against the company's deadline.
    """

    _name = "credit.complaint"
    _description = "Credit Feedback and Complaint"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "date_filed desc, id desc"
    _check_company_auto = True
    _workflow_initial_state = "new"
    _workflow_fields = ("date_filed", "filed_by_id", "date_answered", "answered_by_id")
    _workflow_unlink_states = ("new",)

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/", index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        check_company=True,
        domain="[('parent_id', '=', False)]",
    )
    order_id = fields.Many2one("sale.order", string="Sales Order", check_company=True, index=True)
    contract_id = fields.Many2one("credit.contract", check_company=True, index="btree_not_null")
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", compute="_compute_team_id", store=True, readonly=False
    )
    subject = fields.Selection(
        [
            ("hold", "Credit Hold"),
            ("limit", "Credit Limit"),
            ("contract", "Contract"),
            ("other", "Other"),
        ],
        required=True,
        default="hold",
        tracking=True,
    )
    channel = fields.Selection(
        [
            ("salesperson", "Salesperson"),
            ("customer", "Customer"),
            ("portal", "Portal"),
        ],
        required=True,
        default="salesperson",
        help="Who brought the matter: a salesperson, the customer (letter, call, visit) or the "
        "customer portal.",
    )
    description = fields.Text(required=True)
    filed_by_id = fields.Many2one("res.users", readonly=True, default=lambda self: self.env.user)
    date_filed = fields.Datetime(string="Filed On", readonly=True, default=fields.Datetime.now)
    assigned_id = fields.Many2one(
        "res.users",
        string="Assigned To",
        tracking=True,
        domain="[('share', '=', False)]",
        help="Credit department member who answers.",
    )
    state = fields.Selection(
        [("new", "New"), ("answered", "Answered"), ("closed", "Closed")],
        default="new",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    answer = fields.Text()
    answered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_answered = fields.Datetime(string="Answered On", readonly=True, copy=False)
    response_days = fields.Float(
        string="Response Time (days)",
        compute="_compute_response",
        store=True,
        aggregator="avg",
        digits=(16, 1),
    )
    answered_on_time = fields.Boolean(compute="_compute_response", store=True)

    @api.depends("order_id.team_id")
    def _compute_team_id(self):
        for complaint in self:
            complaint.team_id = complaint.order_id.team_id or complaint.team_id

    @api.depends("date_filed", "date_answered", "company_id.credit_complaint_response_days")
    def _compute_response(self):
        for complaint in self:
            if not (complaint.date_filed and complaint.date_answered):
                complaint.response_days = 0.0
                complaint.answered_on_time = False
                continue
            days = (complaint.date_answered - complaint.date_filed).total_seconds() / 86400
            complaint.response_days = days
            complaint.answered_on_time = days <= complaint.company_id.credit_complaint_response_days

    @api.onchange("order_id")
    def _onchange_order_id(self):
        if self.order_id:
            self.partner_id = self.order_id.partner_id.commercial_partner_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = self.env["ir.sequence"].with_company(company).next_by_code(
                    "credit.complaint"
                ) or self.env._("New")
        complaints = super().create(vals_list)
        for complaint in complaints:
            if not complaint.assigned_id:
                # sudo: the salesperson filing cannot read the credit department's users rights
                complaint.sudo().assigned_id = complaint._default_assignee()
            if complaint.assigned_id:
                # sudo: a salesperson may not assign activities to the credit department
                complaint._credit_activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Answer the complaint"),
                    user_id=complaint.assigned_id.id,
                    date_deadline=fields.Date.add(
                        fields.Date.context_today(complaint),
                        days=complaint.company_id.credit_complaint_response_days,
                    ),
                )
        return complaints

    def write(self, vals):
        if not self.env.su and vals.keys() & {"answer", "assigned_id"}:
            self._check_clerk()
        if not self.env.su and any(c.state == "closed" for c in self):
            raise UserError(self.env._("A closed complaint can no longer be changed."))
        return super().write(vals)

    def _default_assignee(self):
        """The customer's credit analyst, else the manager who reviews the held order."""
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id.sudo()
        if partner.credit_analyst_id:
            return partner.credit_analyst_id
        if self.order_id:
            return self.order_id.sudo()._credit_hold_responsible()
        return self.env["res.users"]

    def _check_clerk(self):
        if not (self.env.su or self.env.user.has_group(CREDIT_USER)):
            raise AccessError(self.env._("Only the credit department answers complaints."))

    def action_answer(self):
        self._check_clerk()
        self._check_state(("new",))
        for complaint in self:
            if not (complaint.answer or "").strip():
                raise UserError(
                    self.env._("Answer: write the answer to %(name)s first.", name=complaint.name)
                )
        self._workflow_write(
            {
                "state": "answered",
                "answered_by_id": self.env.uid,
                "date_answered": fields.Datetime.now(),
            }
        )
        for complaint in self:
            complaint._credit_message_post(
                self.env._("Answered: %(answer)s", answer=complaint.answer),
                partner_ids=complaint.filed_by_id.partner_id.ids,
            )
            # sudo: the to-do may be assigned to another member of the department
            complaint.sudo().activity_feedback(
                ["mail.mail_activity_data_todo"], feedback=self.env._("Answered.")
            )
        return True

    def action_close(self):
        self._check_state(("answered",))
        if not (self.env.su or self.env.user.has_group(CREDIT_USER)) and any(
            complaint.filed_by_id != self.env.user for complaint in self
        ):
            raise AccessError(
                self.env._("Only the person who filed it or the credit department closes it.")
            )
        self._workflow_write({"state": "closed"})
        return True
