# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from contextlib import contextmanager

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount, html_escape

from .credit_lock import lock_partners_in_turn
from .res_partner import CREDIT_READ_GROUPS

# What the hold decision reads of the customer, fetched in one query.
CREDIT_PARTNER_FIELDS = [
    "commercial_partner_id",
    "credit_limit",
    "credit_hold",
    "credit_hold_reason",
    "credit_grade",
]
# Fields of the order's credit decision that only credit managers (or the check itself) may set.
CREDIT_ORDER_FIELDS = (
    "credit_hold",
    "credit_hold_reason",
    "credit_release_user_id",
    "credit_release_date",
    "credit_released_amount",
    "credit_reject_reason",
    "credit_checked_amount",
)


class _CreditGatePass:
    """Proof, carried in a context, that the orders ``ids`` passed the hold decision.

    Only the decision itself (``_credit_confirm_passed``) puts one in a context. An RPC client
    sends JSON and can never build this object, so a ``state: 'sale'`` written by a client always
    goes through the decision.
    """

    __slots__ = ("ids",)

    def __init__(self, ids):
        self.ids = frozenset(ids)


_GATE_KEY = "credit_gate_pass"

# Writes of these fields may change the amount of a confirmed order (``_credit_track_increase``).
INCREASE_ORDER_FIELDS = ("order_line", "pricelist_id", "currency_id")
_INCREASE_KEY = "credit_increase_tracked"
# Set by ``_credit_track_increase`` for the writes nested in an order write (its lines): the
# outer write checks the increase once, at its end. A client cannot send this object.
_INCREASE_TRACKED = object()


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "credit.guard.mixin"]

    credit_hold = fields.Boolean(
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        groups=CREDIT_READ_GROUPS,
        help="The order failed the credit check at confirmation and waits for a credit manager.",
    )
    credit_hold_reason = fields.Text(readonly=True, copy=False, groups=CREDIT_READ_GROUPS)
    credit_release_user_id = fields.Many2one(
        "res.users",
        string="Released By",
        readonly=True,
        copy=False,
        tracking=True,
        groups=CREDIT_READ_GROUPS,
    )
    credit_release_date = fields.Datetime(
        string="Released On", readonly=True, copy=False, groups=CREDIT_READ_GROUPS
    )
    credit_released_amount = fields.Monetary(
        string="Released Amount",
        readonly=True,
        copy=False,
        groups=CREDIT_READ_GROUPS,
        help="Order total approved by the credit manager; a higher total is checked again.",
    )
    credit_reject_reason = fields.Text(
        string="Credit Rejection Reason",
        readonly=True,
        copy=False,
        tracking=True,
        groups=CREDIT_READ_GROUPS,
    )
    credit_checked_amount = fields.Monetary(
        string="Credit-Checked Amount",
        currency_field="credit_currency_id",
        readonly=True,
        copy=False,
        groups=CREDIT_READ_GROUPS,
        help="Order total (company currency) that last passed the credit check or was released: "
        "a confirmed order that grows beyond it is checked again.",
    )
    credit_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency", groups=CREDIT_READ_GROUPS
    )
    credit_partner_exposure = fields.Monetary(
        string="Customer Exposure",
        compute="_compute_credit_partner_figures",
        currency_field="credit_currency_id",
        groups=CREDIT_READ_GROUPS,
    )
    credit_partner_limit = fields.Monetary(
        string="Customer Credit Limit",
        compute="_compute_credit_partner_figures",
        currency_field="credit_currency_id",
        groups=CREDIT_READ_GROUPS,
    )
    credit_partner_available = fields.Monetary(
        string="Customer Available Credit",
        compute="_compute_credit_partner_figures",
        currency_field="credit_currency_id",
        groups=CREDIT_READ_GROUPS,
    )

    @api.depends("company_id", "partner_id", "amount_total", "credit_hold")
    def _compute_partner_credit_warning(self):
        """One credit message on an order of a company under credit control: on a held order
        the hold banner says it all (no second, yellow warning with other figures); on a
        quotation that would be held, the warning gives the reasons and figures of the hold
        decision itself."""
        super()._compute_partner_credit_warning()
        controlled = self.filtered(
            lambda order: (
                order.company_id.account_use_credit_limit
                and order.state in ("draft", "sent")
                and order.partner_id
            )
        )
        # sudo: the hold flag decides which message shows, for whoever reads the order.
        held = controlled.filtered(lambda order: order.sudo().credit_hold)
        held.partner_credit_warning = ""
        quotations = controlled - held
        if not quotations:
            return
        failures = quotations._credit_evaluate()
        for order in quotations:
            reasons = failures.get(order.id)
            order.partner_credit_warning = (
                "\n".join(
                    [self.env._("Confirming this order will put it on credit hold:")]
                    + [failure["message"] for failure in reasons]
                )
                if reasons
                else ""
            )

    def _credit_guarded_fields(self):
        # the credit decision is written by the check and the release/reject actions only
        return dict(super()._credit_guarded_fields(), **dict.fromkeys(CREDIT_ORDER_FIELDS))

    @api.depends("partner_id", "company_id")
    def _compute_credit_partner_figures(self):
        for company, orders in self.grouped("company_id").items():
            partners = orders.partner_id.commercial_partner_id
            exposures = partners.with_company(company)._credit_exposure() if partners else {}
            for order in orders:
                values = exposures.get(order.partner_id.commercial_partner_id.id, {})
                order.credit_partner_exposure = values.get("exposure", 0.0)
                order.credit_partner_limit = values.get("limit", 0.0)
                order.credit_partner_available = values.get("available", 0.0)

    @api.model_create_multi
    def create(self, vals_list):
        """An order created sold (``state: 'sale'``: an import, a connector) is created as a
        quotation and then written sold, which runs the hold decision (``write``)."""
        sold = [vals.get("state") == "sale" for vals in vals_list]
        if any(sold):
            vals_list = [
                {key: value for key, value in vals.items() if key != "state"} if is_sold else vals
                for vals, is_sold in zip(vals_list, sold, strict=True)
            ]
        orders = super().create(vals_list)
        if any(sold):
            orders.browse(
                [order.id for order, is_sold in zip(orders, sold, strict=True) if is_sold]
            ).write({"state": "sale"})
        return orders

    def write(self, vals):
        """The gate of the sold state: writing ``state: 'sale'`` on orders that did not pass the
        hold decision in this call runs it first. Orders that fail are held instead (they stay
        quotations, the rest of ``vals`` is written); nothing is raised, so the holds are kept."""
        if (
            any(fname in vals for fname in INCREASE_ORDER_FIELDS)
            and self.env.context.get(_INCREASE_KEY) is not _INCREASE_TRACKED
        ):
            with self._credit_tracking_increase() as orders:
                return orders.write(vals)
        if vals.get("state") != "sale":
            return super().write(vals)
        passed_ids = self._credit_gate_passed_ids()
        undecided = self.filtered(
            lambda order: order.state != "sale" and order.id not in passed_ids
        )
        if not undecided:
            return super().write(vals)
        held = undecided._credit_decide()
        others = {key: value for key, value in vals.items() if key not in ("state", "date_order")}
        if held and others:
            super(SaleOrder, held).write(others)
        sold = (self - held).with_context(**{_GATE_KEY: _CreditGatePass((self - held).ids)})
        return super(SaleOrder, sold).write(vals) if sold else True

    @api.model
    def load(self, fields, data):
        """Import: report the orders the hold decision held (created or written sold)."""
        result = super().load(fields, data)
        held = self.browse([rid for rid in result.get("ids") or [] if rid]).filtered(
            lambda order: order.credit_hold
        )
        for order in held:
            result.setdefault("messages", []).append(
                {
                    "type": "warning",
                    "record": order.id,
                    "message": self.env._(
                        "%(order)s is on credit hold: %(reason)s",
                        order=order.name,
                        # sudo: the importer is told why his own order was held
                        reason=order.sudo().credit_hold_reason,
                    ),
                }
            )
        return result

    def action_confirm(self):
        """Confirm the orders that pass the credit check, hold the others.

        Returns the host's result when every order passes, else a notification action: the
        holds must be saved, so nothing is raised.
        """
        # Who may not edit the orders may not confirm them either (the hold is written by the
        # decision itself, so check before deciding).
        self.check_access("write")
        for order in self:
            error_msg = order._confirmation_error_message()
            if error_msg:
                raise UserError(error_msg)
        held = self._credit_decide()
        passed = (self - held).with_context(**{_GATE_KEY: _CreditGatePass((self - held).ids)})
        result = passed._credit_confirm_passed() if passed else True
        if not held:
            return result
        return held._credit_hold_notification()

    def _credit_confirm_passed(self):
        """Confirm orders that passed the hold decision (the host's ``action_confirm``).

        Where credit control is on, the decision is ours alone: OCA ``sale_financial_risk``, if
        installed, would check again with its own figures and stop the order a second time with
        another message; its ``bypass_risk`` key skips that. Elsewhere its check runs as before.
        """
        controlled = self.filtered("company_id.account_use_credit_limit")
        results = [
            super(SaleOrder, orders).action_confirm()
            for orders in (controlled.with_context(bypass_risk=True), self - controlled)
            if orders
        ]
        return next((result for result in results if result is not True), True)

    def _action_confirm(self):
        """What confirming creates (deliveries, subscriptions...) only for orders that are sold,
        i.e. that passed the hold decision: a module calling this directly on a quotation is
        refused."""
        undecided = self.filtered(lambda order: order.state != "sale")
        if undecided:
            raise UserError(
                self.env._(
                    "%(orders)s cannot be processed as confirmed: they are not confirmed. "
                    "Confirm them with the Confirm button so that the credit check runs.",
                    orders=", ".join(undecided.mapped("name")),
                )
            )
        return super()._action_confirm()

    def _create_invoices(self, grouped=False, final=False, date=None):
        self._credit_check_not_held("invoice")
        return super()._create_invoices(grouped=grouped, final=final, date=date)

    def action_credit_release(self):
        """Release held orders: record who, when and the approved amount; a held quotation is
        then confirmed, a confirmed order whose increase was held may be delivered and
        invoiced again."""
        self._credit_check_manager()
        if any(order.state not in ("draft", "sent", "sale") for order in self):
            raise UserError(
                self.env._("Only quotations and confirmed orders on credit hold can be released.")
            )
        now = fields.Datetime.now()
        for order in self:
            # sudo: the caller is a credit manager (checked above); the audit fields are
            # readonly for everyone else.
            order.sudo().write(
                {
                    "credit_hold": False,
                    "credit_release_user_id": self.env.uid,
                    "credit_release_date": now,
                    "credit_released_amount": order.amount_total,
                    "credit_reject_reason": False,
                    "credit_checked_amount": order._credit_amount(),
                }
            )
            message = self.env._(
                "Credit hold released by %(user)s for %(amount)s.",
                user=self.env.user.name,
                amount=format_amount(self.env, order.amount_total, order.currency_id),
            )
            note = (self.env.context.get("credit_release_note") or "").strip()
            if note:
                message = self.env._("%(message)s Note: %(note)s", message=message, note=note)
            order._credit_message_post(message)
        self._credit_close_activities()
        quotations = self.filtered(lambda order: order.state != "sale")
        # sudo: confirming the released quotations is the effect of the release decided by the
        # credit manager (checked above), who does not edit sales orders otherwise. The order
        # still passes the hold decision (the release covers its amount).
        return quotations.sudo().action_confirm() if quotations else True

    def action_credit_release_wizard(self):
        """Open the wizard releasing the held quotations with an optional note."""
        self._credit_check_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Release Credit"),
            "res_model": "credit.release.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_ids": self.ids},
        }

    def action_credit_reject(self):
        """Open the wizard asking the reason of the rejection."""
        self._credit_check_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject Credit"),
            "res_model": "credit.reject.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_ids": self.ids},
        }

    def _credit_reject(self, reason):
        """Reject held quotations: they stay unconfirmed and the salesperson is told why."""
        self._credit_check_manager()
        if not (reason or "").strip():
            raise UserError(self.env._("Please give the reason of the rejection."))
        if any(order.state not in ("draft", "sent") for order in self):
            raise UserError(self.env._("Only quotations can be rejected."))
        # sudo: the caller is a credit manager (checked above).
        self.sudo().write({"credit_hold": False, "credit_reject_reason": reason})
        self._credit_close_activities()
        for order in self:
            note = self.env._(
                "Credit rejected by %(user)s: %(reason)s",
                user=self.env.user.name,
                reason=reason,
            )
            order._credit_message_post(note)
            if order.user_id:
                order._credit_activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Order rejected by credit management"),
                    note=note,
                    user_id=order.user_id.id,
                )
        return True

    def _credit_check_manager(self):
        if self.env.su or self.env.user.has_group("credit_management.group_credit_manager"):
            return
        raise AccessError(
            self.env._("Only credit managers can release, reject or change credit holds.")
        )

    def _credit_check_not_held(self, operation):
        """Refuse to deliver (``operation`` "deliver") or invoice ("invoice") orders on credit
        hold, naming the order and the reason."""
        # sudo: the flag and its reason are read for whoever delivers or invoices (a stock
        # user, an accountant), to tell why the operation is refused.
        held = self.sudo().filtered("credit_hold")
        if not held:
            return
        if operation == "deliver":
            message = self.env._(
                "%(order)s is on credit hold: its goods cannot be delivered until a credit "
                "manager releases it.\n%(reason)s",
                order=held[0].name,
                reason=held[0].credit_hold_reason or "",
            )
        else:
            message = self.env._(
                "%(order)s is on credit hold: it cannot be invoiced until a credit manager "
                "releases it.\n%(reason)s",
                order=held[0].name,
                reason=held[0].credit_hold_reason or "",
            )
        raise UserError(message)

    @contextmanager
    def _credit_tracking_increase(self):
        """Around a write of orders or of their lines: yields the orders in the context to use
        for it, then checks every confirmed order whose amount the write increased, as its
        confirmation was (``_credit_decide``): over the limit, the increase is held (deliveries
        and invoicing wait for a credit manager). A decrease never holds; a held increase brought
        back within the amount checked before is no longer held. Writes nested in an order
        write (its lines) are checked once, by the outermost."""
        if self.env.context.get(_INCREASE_KEY) is _INCREASE_TRACKED:
            yield self
            return
        confirmed = self.filtered(lambda order: order.state == "sale")
        before = {order.id: order._credit_amount() for order in confirmed}
        yield self.with_context(**{_INCREASE_KEY: _INCREASE_TRACKED})
        if confirmed:
            confirmed._credit_check_increase(before)

    def _credit_check_increase(self, before):
        """Decide on confirmed orders whose amount moved from ``before`` ({id: amount in company
        currency})."""
        grown = self.browse()
        for order in self.filtered(lambda order: order.state == "sale"):
            currency = order.company_id.currency_id
            amount = order._credit_amount()
            # sudo: the checked amount is bookkeeping of the check, read whoever edits.
            checked = order.sudo().credit_checked_amount
            moved = currency.compare_amounts(amount, before.get(order.id, amount))
            if moved > 0 and currency.compare_amounts(amount, checked) > 0:
                grown |= order
            elif moved < 0 and order.credit_hold and currency.compare_amounts(amount, checked) <= 0:
                # sudo: back within the amount checked before, the increase is gone.
                order.sudo().write({"credit_hold": False})
                order._credit_close_activities()
                order._credit_message_post(
                    self.env._(
                        "The increase on credit hold was removed: the order is back within the "
                        "amount checked before."
                    )
                )
            elif moved < 0 and not order.credit_hold:
                # sudo: a decrease never holds; a later increase is measured from here.
                order.sudo().write({"credit_checked_amount": min(amount, checked)})
        if grown:
            grown._credit_decide()

    def _credit_gate_passed_ids(self):
        token = self.env.context.get(_GATE_KEY)
        return token.ids if isinstance(token, _CreditGatePass) else frozenset()

    def _credit_decide(self):
        """Run the hold decision on orders about to be sold and record its outcome.

        The orders that fail are held (reason, chatter, the salesperson and a credit manager
        told); those that pass lose a previous hold flag and remember the amount checked.
        Returns the held orders.
        """
        failures = self._credit_check()
        held = self.filtered(lambda order: failures[order.id])
        passed = self - held
        cleared = passed.filtered("credit_hold")
        # sudo: the outcome of the check, not a user's choice; the fields stay readonly. One
        # write per amount, not per order: confirming many orders at once stays cheap.
        amounts = {order.id: order._credit_amount() for order in passed}
        for amount, orders in passed.grouped(lambda order: amounts[order.id]).items():
            orders.sudo().write({"credit_checked_amount": amount})
        if cleared:
            cleared.sudo().write({"credit_hold": False})
            cleared._credit_close_activities()
        if held:
            held._credit_set_hold(failures)
        return held

    def _credit_amount(self):
        """Order total in company currency."""
        self.ensure_one()
        return self.currency_id._convert(
            self.amount_total,
            self.company_id.currency_id,
            self.company_id,
            fields.Date.to_date(self.date_order) or fields.Date.context_today(self),
        )

    def _credit_paid_amount(self):
        """Amount already paid online for the order (done payment transactions), in company
        currency: it adds no risk."""
        self.ensure_one()
        # sudo: transactions are read to measure the risk, whoever confirms (portal, salesman).
        transactions = self.sudo().transaction_ids.filtered(lambda tx: tx.state == "done")
        date = fields.Date.to_date(self.date_order) or fields.Date.context_today(self)
        return sum(
            tx.currency_id._convert(tx.amount, self.company_id.currency_id, self.company_id, date)
            for tx in transactions
        )

    def _credit_is_released(self):
        self.ensure_one()
        return bool(self.credit_release_user_id) and (
            self.currency_id.compare_amounts(self.amount_total, self.credit_released_amount) <= 0
        )

    def _credit_lock_partners(self, partners):
        """Serialize the checks of the same commercial partners (see ``credit_lock``)."""
        lock_partners_in_turn(self.env.cr, partners.ids)

    def _credit_check(self):
        """The hold decision: the credit rules that each order fails.

        Orders are evaluated in sequence per company; the amounts of the orders of the same call
        that pass count in the exposure of the next ones. Companies without credit control
        (Sales Credit Limit off) hold nothing. Parameters come from
        ``res.partner._credit_check_parameters``. The customers' rows are locked first (see
        ``_credit_lock_partners``).

        :return: {order_id: [{"rule": "limit"|"no_limit"|"overdue"|"manual", "message": str}]}
        """
        return self._credit_evaluate(lock=True)

    def _credit_evaluate(self, lock=False):
        """The rules of ``_credit_check``, without locking the customers when ``lock`` is false
        (to show what confirming would do, not to decide)."""
        result = {order.id: [] for order in self}
        for company, orders in self.grouped("company_id").items():
            if not company.account_use_credit_limit:
                continue
            orders = orders.with_company(company)
            # One read for the customers' credit settings (the limit is company-dependent: read
            # apart, it would cost a query of its own) and the company address's time zone (the
            # company's today); sudo: the check reads them whoever confirms (portal,
            # salesperson), as below.
            customers = orders.partner_id | company.partner_id
            customers.sudo().fetch([*CREDIT_PARTNER_FIELDS, "tz"])
            partners = orders.partner_id.commercial_partner_id
            (partners - customers).sudo().fetch(CREDIT_PARTNER_FIELDS)
            if lock:
                self._credit_lock_partners(partners)
            # sudo: the check reads every customer's figures to decide, whoever confirms.
            partners = partners.sudo()
            exposures = partners._credit_exposure()
            parameters = partners._credit_check_parameters()
            passed_amounts = defaultdict(float)
            currency = company.currency_id
            for order in orders:
                # sudo: the hold rules read the customer's credit file whoever confirms.
                partner = order.partner_id.commercial_partner_id.sudo()
                exposure = exposures[partner.id]
                if order.state == "sale":
                    # An increase of a confirmed order: the order is already in the exposure
                    # (uninvoiced orders) with its increase; show the increase as "this order".
                    # sudo: bookkeeping of the check, readable by the check whoever edits
                    amount = order._credit_amount() - order.sudo().credit_checked_amount
                    exposure = dict(
                        exposure,
                        sale=exposure["sale"] - amount,
                        gross=exposure["gross"] - amount,
                    )
                else:
                    amount = order._credit_amount() - order._credit_paid_amount()
                if currency.compare_amounts(amount, 0) <= 0:
                    continue  # paid in full, or not grown: no risk added
                if not order._credit_is_released():
                    rule_args = (partner, exposure, parameters[partner.id], amount)
                    batch_amount = passed_amounts[partner.id]
                    failures = order._credit_failed_rules(*rule_args, batch_amount=batch_amount)
                    # a decision is written for the salesperson (and the credit managers): in his
                    # language; a preview (lock false) speaks to whoever looks. Looked up only
                    # when there is something to write: a passing check reads no user.
                    staff_lang = failures and lock and order._credit_staff_lang()
                    if staff_lang and staff_lang != order.env.lang:
                        failures = order.with_context(lang=staff_lang)._credit_failed_rules(
                            *rule_args, batch_amount=batch_amount
                        )
                    result[order.id] = failures
                if not result[order.id] and order.state != "sale":
                    passed_amounts[partner.id] += amount
        return result

    def _credit_failed_rules(self, partner, exposure, parameters, amount, batch_amount=0.0):
        """Evaluate the three hold rules (DESIGN §2) for one order.

        ``amount`` is the order total and ``batch_amount`` the total of the orders of the same
        call that passed (confirmed just before: counted as uninvoiced orders), both in company
        currency."""
        self.ensure_one()
        currency = self.company_id.currency_id
        env = self.env

        def fmt(value):
            return format_amount(env, value, currency)

        failures = []
        # Securities cover the gross exposure including this order (DESIGN §2, credit.security).
        gross = exposure["gross"] + batch_amount + amount
        secured, total = partner._credit_net(gross, exposure["security"], currency)
        limit = exposure["limit"]
        tolerance = parameters["tolerance_percent"]
        if currency.compare_amounts(limit, 0) <= 0:
            if parameters["hold_without_limit"]:
                failures.append(
                    {
                        "rule": "no_limit",
                        "message": env._(
                            "The customer has no credit limit and customers without a limit "
                            "are held (exposure with this order: %(total)s).",
                            total=fmt(total),
                        ),
                    }
                )
        else:
            allowed = limit * (1 + tolerance / 100.0)
            if currency.compare_amounts(total, allowed) > 0:
                figures = {
                    "receivable": fmt(exposure["receivable"]),
                    "sale": fmt(exposure["sale"] + batch_amount),
                    "draft": fmt(exposure["draft_invoice"]),
                    "order": fmt(amount),
                    "limit": fmt(limit),
                    "tolerance": tolerance,
                    "allowed": fmt(allowed),
                }
                if secured:
                    message = env._(
                        "Credit limit exceeded: net exposure with this order %(total)s (gross "
                        "exposure %(gross)s: receivables %(receivable)s, uninvoiced orders "
                        "%(sale)s, draft invoices %(draft)s, this order %(order)s; secured by "
                        "guarantees, deposits and insurance %(secured)s) is above the limit "
                        "%(limit)s + %(tolerance)s %% tolerance = %(allowed)s.",
                        total=fmt(total),
                        gross=fmt(gross),
                        secured=fmt(secured),
                        **figures,
                    )
                else:
                    message = env._(
                        "Credit limit exceeded: exposure with this order %(total)s "
                        "(receivables %(receivable)s, uninvoiced orders %(sale)s, draft "
                        "invoices %(draft)s, this order %(order)s) is above the limit "
                        "%(limit)s + %(tolerance)s %% tolerance = %(allowed)s.",
                        total=fmt(total),
                        **figures,
                    )
                failures.append({"rule": "limit", "message": message})
        max_days = parameters["max_overdue_days"]
        if max_days and exposure["oldest_overdue_days"] > max_days:
            failures.append(
                {
                    "rule": "overdue",
                    "message": env._(
                        "Overdue receivables: the oldest is %(days)s days past due, more than "
                        "the %(max)s days allowed.",
                        days=exposure["oldest_overdue_days"],
                        max=max_days,
                    ),
                }
            )
        if partner.credit_hold:
            failures.append(
                {
                    "rule": "manual",
                    "message": env._(
                        "The customer is on manual credit hold: %(reason)s",
                        reason=partner.credit_hold_reason or env._("no reason given"),
                    ),
                }
            )
        return failures

    def _credit_set_hold(self, failures):
        """Record the hold on the orders: reason, chatter message, one activity per order."""
        for held_order in self:
            order = held_order.with_context(lang=held_order._credit_staff_lang())
            reason = "\n".join(failure["message"] for failure in failures[order.id])
            # sudo: the hold is the outcome of the credit check, not a user's choice; the
            # fields stay readonly for salespeople.
            order.sudo().write({"credit_hold": True, "credit_hold_reason": reason})
            # The salesperson is told at once when somebody else (the customer signing or
            # paying online, a colleague, an import) triggered the hold.
            salesperson = order.user_id.partner_id
            title = (
                order.env._(
                    "Increase of the confirmed order held by credit control: its deliveries and "
                    "invoicing wait for a credit manager."
                )
                if order.state == "sale"
                else order.env._("Order held by credit control:")
            )
            order._credit_message_post(
                Markup("<p>%s</p><ul>%s</ul>")
                % (
                    title,
                    Markup().join(
                        Markup("<li>%s</li>") % html_escape(failure["message"])
                        for failure in failures[order.id]
                    ),
                ),
                partner_ids=(salesperson - self.env.user.partner_id).ids,
            )
        # a deleted activity type must not block the hold: its scheduling logs the failure
        activity_type = self.env.ref(
            "credit_management.mail_activity_type_credit_hold", raise_if_not_found=False
        )
        with_activity = self.activity_ids.filtered(
            lambda act: act.activity_type_id == activity_type
        ).mapped("res_id")
        for order in self.filtered(lambda o: o.id not in with_activity):
            manager = order._credit_hold_responsible()
            # the salesperson who confirmed may not assign activities to credit managers on every
            # configuration: scheduled in superuser mode, it only points the manager to the order
            order._credit_activity_schedule(
                "credit_management.mail_activity_type_credit_hold",
                note=order.credit_hold_reason,
                user_id=manager.id or self.env.uid,
            )

    def _credit_staff_lang(self):
        """The language of the hold's texts: the salesperson's, who is told (and the credit
        managers with him), whoever triggered the decision: a customer signing or paying on the
        portal (in his own language, the server acting for him), a connector, the cron posting
        online payments; the current language when the order has no salesperson."""
        self.ensure_one()
        # sudo: the salesperson's language is read to write the texts, nothing else of him
        return self.sudo().user_id.lang or self.env.lang

    def _credit_hold_responsible(self):
        """The credit manager who gets the review activity of a held order."""
        self.ensure_one()
        # sudo: the members of the credit manager group are looked up to assign the activity;
        # nothing of them is shown to the user.
        managers = (
            self.env.ref("credit_management.group_credit_manager")
            .sudo()
            .users.filtered(
                lambda user: (
                    not user._is_superuser()
                    and not user.share
                    and self.company_id in user.company_ids
                )
            )
            .sorted("id")
        )
        admin = self.env.ref("base.user_admin", raise_if_not_found=False)
        return (managers - admin)[:1] or managers[:1]

    def _credit_close_activities(self):
        activity_type = self.env.ref(
            "credit_management.mail_activity_type_credit_hold", raise_if_not_found=False
        )
        if not activity_type:
            return
        # sudo: the activities are assigned to another credit manager.
        activities = self.sudo().activity_ids.filtered(
            lambda act: act.activity_type_id == activity_type
        )
        self._credit_activity_feedback(activities, self.env._("Decided by %s", self.env.user.name))

    def _credit_hold_notification(self):
        names = ", ".join(self.mapped("name"))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Credit hold"),
                "message": self.env._(
                    "%(orders)s could not be confirmed and wait for a credit manager:\n%(reasons)s",
                    orders=names,
                    reasons="\n".join(self.mapped("credit_hold_reason")),
                ),
                "type": "warning",
                "sticky": True,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
