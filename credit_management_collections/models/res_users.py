# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# The amounts of the collector KPI report (per user), read from ``credit.rates``.
REPORT_KEYS = (
    "communications_successful",
    "amount_receivable",
    "amount_overdue",
    "amount_invoiced",
    "amount_written_off",
    "amount_revenue_dso",
)


class ResUsers(models.Model):
    """Collector KPIs: the figures of ``credit.rates`` (the one home of the rates) grouped by
    collector."""

    _inherit = "res.users"

    def _credit_collector_rates(self, date_from, date_to):
        """``credit.rates._credit_rates`` of these users as collectors over [date_from, date_to]:
        {user id: amounts and rates}, every user present. Set-based: a constant number of queries
        whatever the number of users."""
        rates = self.env["credit.rates"]._credit_rates(
            fields.Date.to_date(date_from),
            fields.Date.to_date(date_to),
            "collector",
            collector_ids=self.ids,
        )
        empty = self.env["credit.rates"]._credit_rate_derive(
            dict.fromkeys(self.env["credit.rates"]._credit_rate_amount_keys(), 0.0)
        )
        return {user.id: rates.get(user.id, dict(empty)) for user in self}

    def _credit_collector_kpis(self, date_from, date_to):
        """Collection KPIs of these users as credit collectors over [date_from, date_to].

        Contract used by the appraisal module. Returns ``{user_id: {"communications_done": int,
        "amount_collected": float, "amount_due": float, "collection_rate": float}}`` with every
        user of ``self`` present (zeros when nothing applies), in the current company's currency
        (see ``credit.rates``: communications done by the user; collected on and due from the
        invoices of the customers the user collects).
        """
        return {
            user_id: {
                "communications_done": int(values["communications_done"]),
                "amount_collected": values["amount_collected"],
                "amount_due": values["amount_due"],
                "collection_rate": values["collection_rate"],
            }
            for user_id, values in self._credit_collector_rates(date_from, date_to).items()
        }

    def _credit_collector_report_figures(self, date_from, date_to):
        """Figures of the collector KPI report for [date_from, date_to], per user, set-based:
        ``communications_successful`` (done communications followed within 30 days by a payment
        on one of their invoices), ``amount_receivable`` and ``amount_overdue`` (open customer
        receivable at ``date_to`` and its part past due then), ``amount_invoiced``,
        ``amount_written_off`` and ``amount_revenue_dso``, from ``credit.rates``."""
        return {
            user_id: {key: values[key] for key in REPORT_KEYS}
            for user_id, values in self._credit_collector_rates(date_from, date_to).items()
        }

    def _credit_collector_broken_promises(self, date_from, date_to):
        """Promises to pay logged by these collectors, due in [date_from, date_to] and not kept
        (``credit.collection.contact``): {user_id: count}, every user present, one grouped query.
        A KPI of the collector beside ``_credit_collector_kpis``."""
        result = dict.fromkeys(self.ids, 0)
        for user, count in self.env["credit.collection.contact"]._read_group(
            [
                ("user_id", "in", self.ids),
                ("promise_state", "=", "broken"),
                ("promise_date", ">=", date_from),
                ("promise_date", "<=", date_to),
                ("company_id", "=", self.env.company.id),
            ],
            groupby=["user_id"],
            aggregates=["__count"],
        ):
            result[user.id] = count
        return result
