# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per concern of res.partner, so that a reader finds each rule where its name says.
# pylint: disable=consider-merging-classes-inherited
from itertools import repeat

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .res_partner import CREDIT_USER

# The exposure fields of a partner and their key in ``_credit_exposure``'s result.
EXPOSURE_FIELD_KEYS = {
    "credit_exposure_receivable": "receivable",
    "credit_exposure_sale": "sale",
    "credit_exposure_draft_invoice": "draft_invoice",
    "credit_exposure_gross": "gross",
    "credit_exposure_secured": "secured",
    "credit_exposure": "exposure",
    "credit_available": "available",
    "credit_usage_percent": "usage_percent",
    "credit_oldest_overdue_days": "oldest_overdue_days",
}


class ResPartner(models.Model):
    """Credit exposure (信用占用): the one home of its computation."""

    _inherit = "res.partner"

    # Not "Credit Currency": OCA account_financial_risk has a field of that label on partners.
    credit_currency_id = fields.Many2one(
        "res.currency",
        string="Exposure Currency",
        compute="_compute_credit_exposure",
        groups=CREDIT_USER,
    )
    credit_exposure_receivable = fields.Monetary(
        string="Open Receivables",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_USER,
        help="Posted, unreconciled receivables of the customer (residual amount), less the "
        "payments registered without a journal entry and not yet reconciled with the bank "
        "(money in transit counts as paid from the payment's date).",
    )
    credit_exposure_sale = fields.Monetary(
        string="Uninvoiced Orders",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_USER,
        help="Confirmed sales orders, tax included, for the ordered quantities not yet on a "
        "(draft or posted) invoice.",
    )
    credit_exposure_draft_invoice = fields.Monetary(
        string="Draft Invoices",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_USER,
        help="Draft customer invoices and credit notes, tax included.",
    )
    credit_exposure_gross = fields.Monetary(
        string="Gross Exposure",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_USER,
        help="Open receivables + uninvoiced orders + draft invoices, in company currency.",
    )
    credit_exposure_secured = fields.Monetary(
        string="Secured",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_USER,
        help="Part of the gross exposure covered by the customer's valid, approved securities "
        "(guarantees, letters of credit, deposits, collateral, credit insurance).",
    )
    credit_exposure = fields.Monetary(
        string="Net Exposure",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_USER,
        help="Gross exposure minus its secured part, in company currency: the figure compared "
        "with the credit limit.",
    )
    credit_available = fields.Monetary(
        string="Available Credit",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_USER,
        help="Credit limit minus exposure (tolerance not included).",
    )
    credit_usage_percent = fields.Float(
        string="Credit Usage (%)",
        compute="_compute_credit_exposure",
        groups=CREDIT_USER,
        help="Exposure as a percentage of the credit limit (0 when there is no limit).",
    )
    credit_over_limit = fields.Boolean(
        string="Over Limit",
        compute="_compute_credit_exposure",
        search="_search_credit_over_limit",
        groups=CREDIT_USER,
        help="Exposure above the credit limit (tolerance not included).",
    )
    credit_oldest_overdue_days = fields.Integer(
        string="Oldest Overdue (days)",
        compute="_compute_credit_exposure",
        groups=CREDIT_USER,
        help="Days past due of the customer's oldest overdue open instalment, at the company's "
        "today.",
    )

    @api.depends_context("company")
    def _compute_credit_exposure(self):
        exposures = self._credit_exposure()
        rows = [exposures[partner.commercial_partner_id.id] for partner in self]
        # Eleven fields for each row of a customer list: put in the cache field by field for all
        # the rows at once (assigned record by record, the ORM's bookkeeping of each assignment
        # took a third of the list's time). The values are final: rounded in _credit_exposure.
        cache, fields_ = self.env.cache, self._fields
        cache.update(self, fields_["credit_currency_id"], repeat(self.env.company.currency_id.id))
        for name, key in EXPOSURE_FIELD_KEYS.items():
            cache.update(self, fields_[name], [values[key] for values in rows])
        cache.update(
            self,
            fields_["credit_over_limit"],
            [bool(values["limit"]) and values["available"] < 0 for values in rows],
        )

    def _search_credit_over_limit(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("The Over Limit filter only compares with true or false."))
        # one computation for every customer with a limit (a few grouped queries)
        limited = self.search([("credit_limit", ">", 0)]).commercial_partner_id
        exposures = limited._credit_exposure()
        over = [pid for pid, values in exposures.items() if values["available"] < 0]
        positive = (operator == "=") == value
        return [("commercial_partner_id", "in" if positive else "not in", over)]

    def _credit_exposure(self, extra_amounts=None):
        """Compute the credit exposure of the commercial partners of ``self``.

        Current company, company currency; one query per component for any number of
        partners. Components:

        - ``receivable``: open receivables by the one definition
          (``account.move.line._credit_open_receivable_sql``): posted, unreconciled receivable
          lines (residual), less the money in transit (customer payments registered without a
          journal entry count as paid from their date); ``receivable_in_transit`` says how much
          was deducted, ``oldest_overdue_days`` is the oldest overdue open instalment's age at
          the company's today;
        - ``sale``: confirmed orders, tax included, for the quantities not yet on any invoice
          (draft or posted): an invoiced quantity leaves this component;
        - ``draft_invoice``: draft customer invoices and credit notes (including those created
          from orders: their quantities are no longer counted in ``sale``, so nothing is
          counted twice);
        - ``order``: ``extra_amounts`` ({commercial_partner_id: amount in company currency}),
          e.g. the order being checked;
        - ``security``: the secured amounts of the customer's valid, approved securities
          (``credit.security``), in company currency.

        ``gross`` is the sum of the first four; ``secured`` the part of it the securities cover
        (at most ``gross``); ``exposure`` = ``gross`` - ``secured``, the net exposure compared with
        the limit. A caller adding an amount to ``gross`` (the hold decision) applies
        ``security`` again to the new gross: see ``_credit_net``.

        :return: {commercial_partner_id: {"receivable", "sale", "draft_invoice", "order",
                  "gross", "security", "secured", "exposure", "limit", "available",
                  "usage_percent", "oldest_overdue_days", "receivable_in_transit"}}
        """
        extra_amounts = extra_amounts or {}
        company = self.env.company
        currency = company.currency_id
        partners = self.commercial_partner_id
        result = {
            partner.id: {
                "receivable": 0.0,
                "sale": 0.0,
                "draft_invoice": 0.0,
                "order": extra_amounts.get(partner.id, 0.0),
                "security": 0.0,
                "oldest_overdue_days": 0,
                "receivable_in_transit": 0.0,
            }
            for partner in partners
        }
        if partners.ids:
            self._credit_exposure_read(result, company)
        # sudo: the limit is read to compute figures for a decision; callers expose them only
        # through fields restricted to CREDIT_READ_GROUPS.
        for partner in partners.sudo():
            values = result[partner.id]
            limit = partner.credit_limit
            gross = currency.round(
                values["receivable"] + values["sale"] + values["draft_invoice"] + values["order"]
            )
            values["security"] = currency.round(values["security"])
            secured, exposure = self._credit_net(gross, values["security"], currency)
            values.update(
                {
                    "gross": gross,
                    "secured": secured,
                    "exposure": exposure,
                    "limit": limit,
                    "available": currency.round(limit - exposure),
                    "usage_percent": exposure / limit * 100 if limit else 0.0,
                }
            )
        return result

    @api.model
    def _credit_net(self, gross, security, currency):
        """The secured part of ``gross`` and the net exposure: securities cover at most the
        gross exposure (an unused guarantee does not make room beyond the limit).

        :return: (secured, net)
        """
        secured = currency.round(min(security, max(gross, 0.0)))
        return secured, currency.round(gross - secured)

    def _credit_exposure_read(self, result, company):
        """Fill ``result`` with every component, read in one statement: one grouped subquery per
        component (``_credit_exposure_components``) for all the partners of ``result``."""
        today = company._credit_today()
        components = self._credit_exposure_components(company, list(result), today)
        rows = self.env.execute_query(
            SQL(" UNION ALL ").join(
                SQL(
                    "SELECT %s::varchar, partner_id, currency_id, amount::numeric, "
                    "oldest_days::int, in_transit::numeric FROM (%s) component",
                    name,
                    subquery,
                )
                for name, subquery in components.items()
            )
        )
        currency = company.currency_id
        for name, partner_id, currency_id, amount, oldest_days, in_transit in rows:
            values = result[partner_id]
            amount = amount or 0.0
            if currency_id and currency_id != currency.id:
                amount = (
                    self.env["res.currency"]
                    .browse(currency_id)
                    ._convert(amount, currency, company, today)
                )
            values[name] = values.get(name, 0.0) + amount
            if oldest_days:
                values["oldest_overdue_days"] = max(values["oldest_overdue_days"], oldest_days)
            if in_transit:
                values["receivable_in_transit"] += in_transit

    def _credit_exposure_components(self, company, partner_ids, today):
        """The components of the exposure, each an SQL subquery grouped by commercial partner,
        of columns ``partner_id, currency_id, amount, oldest_days, in_transit`` (currency_id
        NULL: company currency). Extend it to add a component: its name is the key of the
        amount in ``_credit_exposure``'s result.

        :return: {component name: SQL}
        """
        return {
            "receivable": self._credit_exposure_receivable_sql(company, partner_ids, today),
            "sale": self._credit_exposure_sale_sql(company, partner_ids),
            "draft_invoice": self._credit_exposure_draft_invoice_sql(company, partner_ids),
            "security": self._credit_exposure_security_sql(company, partner_ids, today),
        }

    def _credit_exposure_receivable_sql(self, company, partner_ids, today):
        """Open receivables and the oldest overdue instalment, by the one definition of
        ``account.move.line._credit_open_receivable_sql`` (money in transit counts as paid).

        Summed per item partner first, then per commercial partner: the mapping is done per
        group, not per item (a customer with 100,000 open items costs one lookup, not 100,000),
        and looked up by id (a join would hash every partner of the database to map a few).
        """
        open_lines = self.env["account.move.line"]._credit_open_receivable_sql(
            date=today, partner_ids=partner_ids, companies=company
        )
        return SQL(
            """
            SELECT per_partner.partner_id,
                   NULL::int AS currency_id,
                   SUM(per_partner.amount) AS amount,
                   MAX(per_partner.oldest_days) AS oldest_days,
                   SUM(per_partner.in_transit) AS in_transit
              FROM (SELECT COALESCE((SELECT partner.commercial_partner_id
                                       FROM res_partner partner
                                      WHERE partner.id = open_line.line_partner_id),
                                    open_line.line_partner_id) AS partner_id,
                           SUM(amount_open) AS amount,
                           MAX(days_overdue) AS oldest_days,
                           SUM(amount_in_transit) AS in_transit
                      FROM (%s) open_line
                  GROUP BY line_partner_id) per_partner
          GROUP BY per_partner.partner_id
            """,
            open_lines,
        )

    def _credit_exposure_sale_sql(self, company, partner_ids):
        """Confirmed orders, tax included, for the quantities not yet on an invoice."""
        self.env["sale.order.line"].flush_model(
            ["order_id", "price_total", "product_uom_qty", "qty_invoiced", "state"]
        )
        self.env["sale.order"].flush_model(["partner_id", "company_id", "currency_id", "state"])
        return SQL(
            """
            SELECT p.commercial_partner_id AS partner_id,
                   so.currency_id,
                   SUM(sol.price_total * GREATEST(sol.product_uom_qty - sol.qty_invoiced, 0)
                       / sol.product_uom_qty) AS amount,
                   NULL::int AS oldest_days,
                   NULL::numeric AS in_transit
              FROM sale_order_line sol
              JOIN sale_order so ON so.id = sol.order_id
              JOIN res_partner p ON p.id = so.partner_id
             WHERE so.state = 'sale'
               AND sol.product_uom_qty > 0
               AND so.company_id = %(company)s
               AND p.commercial_partner_id = ANY(%(partners)s)
          GROUP BY p.commercial_partner_id, so.currency_id
            """,
            company=company.id,
            partners=partner_ids,
        )

    def _credit_exposure_draft_invoice_sql(self, company, partner_ids):
        """Draft customer invoices and credit notes, tax included."""
        self.env["account.move"].flush_model(
            ["amount_total_signed", "commercial_partner_id", "company_id", "move_type", "state"]
        )
        return SQL(
            """
            SELECT am.commercial_partner_id AS partner_id,
                   NULL::int AS currency_id,
                   SUM(am.amount_total_signed) AS amount,
                   NULL::int AS oldest_days,
                   NULL::numeric AS in_transit
              FROM account_move am
             WHERE am.state = 'draft'
               AND am.move_type IN ('out_invoice', 'out_refund')
               AND am.company_id = %(company)s
               AND am.commercial_partner_id = ANY(%(partners)s)
          GROUP BY am.commercial_partner_id
            """,
            company=company.id,
            partners=partner_ids,
        )

    def _credit_exposure_security_sql(self, company, partner_ids, today):
        """Valid, approved securities at the company's today: their secured amounts (amount x
        recognised %, the insurer's limit capping credit insurance: stored on the security)."""
        self.env["credit.security"].flush_model(
            [
                "company_id",
                "currency_id",
                "date_end",
                "date_start",
                "partner_id",
                "secured_amount",
                "state",
            ]
        )
        return SQL(
            """
            SELECT s.partner_id,
                   s.currency_id,
                   SUM(s.secured_amount) AS amount,
                   NULL::int AS oldest_days,
                   NULL::numeric AS in_transit
              FROM credit_security s
             WHERE s.state = 'approved'
               AND s.company_id = %(company)s
               AND s.partner_id = ANY(%(partners)s)
               AND s.date_start <= %(today)s
               AND (s.date_end IS NULL OR s.date_end >= %(today)s)
          GROUP BY s.partner_id, s.currency_id
            """,
            company=company.id,
            partners=partner_ids,
            today=today,
        )
