# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models, tools
from odoo.tools import SQL

# Customer documents whose payments count as collected, and which payments may settle.
CUSTOMER_INVOICE_TYPES = ("out_invoice", "out_receipt")
# States of a payment registered without a journal entry that mean "money on its way".
TRANSIT_PAYMENT_STATES = ("in_process", "paid")


def open_item_sql(row):
    """Whether the journal item ``row`` (SQL: its alias) is open today: the test of the
    definition below, which the ageing balance's triggers share."""
    return SQL(
        "%(row)s.parent_state = 'posted' AND %(row)s.reconciled IS NOT TRUE"
        " AND %(row)s.amount_residual <> 0",
        row=row,
    )


class AccountMoveLine(models.Model):
    """The one definition of "open receivable" and "days overdue" (DESIGN §6).

    An open receivable is a posted, unreconciled journal item on a receivable account of the
    company, one per instalment of a payment term. It is overdue ``date - date_maturity`` days
    at ``date`` (the company's today, or the date of a run).

    Money in transit: on Odoo 18 a customer payment registered on a journal without an outstanding
    account has no journal entry (``account.payment.move_id`` empty, state ``in_process`` or
    ``paid``, linked to its invoices through ``account_move__account_payment``). The invoice reads
    In Payment / Paid while its receivable line stays open until the bank statement is reconciled.
    Rule: such a payment counts as collected on the payment's date. Its amount (company currency)
    is allocated to its invoices by due date, up to each invoice's total; on each invoice it is
    reduced by the bank-statement reconciliations of the invoice (the bank confirming it, counted
    once), and what remains reduces the open amount of the invoice's oldest instalments first. A
    rejected, cancelled or draft payment reduces nothing.

    Everything that reads open receivables, overdue days, ageing or collections builds on
    :meth:`_credit_open_receivable_sql` and :meth:`_credit_collected_sql`.
    """

    _inherit = "account.move.line"

    def init(self):
        result = super().init()
        # The open items, and only them, with what the open-receivable query reads: exposure of
        # a few customers and ageing of all of them are index-only scans of this index, whatever
        # the size of the history of paid items and the number of revenue lines.
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS account_move_line_credit_open_idx
                ON account_move_line (partner_id, date_maturity)
                INCLUDE (id, amount_residual, account_id, company_id, move_id, date)
             WHERE parent_state = 'posted' AND reconciled IS NOT TRUE AND amount_residual <> 0
            """
        )
        return result

    @api.model
    @tools.ormcache()
    def _credit_receivable_account_ids(self):
        """The receivable accounts (every company), cached as a tuple of ids.

        The open-receivable query filters on them as a literal list, so that PostgreSQL
        estimates its rows from the statistics of ``account_move_line.account_id``; a join on
        ``account_account.account_type`` leads it to expect fifty times fewer rows (nested loops
        over 100,000 items, sorts spilled to disk). Cleared when an account is created, deleted
        or changes type (``account.account``).
        """
        self.env["account.account"].flush_model(["account_type"])
        rows = self.env.execute_query(
            SQL("SELECT id FROM account_account WHERE account_type = 'asset_receivable'")
        )
        return tuple(sorted(row[0] for row in rows))

    @api.model
    def _credit_open_receivable_flush(self):
        """Flush what the open-receivable and collected queries read."""
        self.env["account.move.line"].flush_model(
            [
                "account_id",
                "amount_residual",
                "balance",
                "company_id",
                "date",
                "date_maturity",
                "display_type",
                "move_id",
                "parent_state",
                "partner_id",
                "reconciled",
            ]
        )
        self.env["account.move"].flush_model(
            [
                "amount_total_signed",
                "commercial_partner_id",
                "company_id",
                "invoice_date_due",
                "move_type",
                "origin_payment_id",
                "state",
                "statement_line_id",
            ]
        )
        self.env["account.payment"].flush_model(
            ["amount_company_currency_signed", "date", "invoice_ids", "move_id", "payment_type"]
        )
        self.env["account.payment"].flush_model(["state"])
        self.env["account.partial.reconcile"].flush_model()
        self.env["account.account"].flush_model(["account_type"])
        self.env["res.partner"].flush_model(["commercial_partner_id"])

    @api.model
    def _credit_companies(self, companies):
        companies = companies if companies is not None else self.env.company
        return companies.ids

    @api.model
    def _credit_transit_allocation_sql(self, companies=None, date=None, partner_ids=None):
        """Customer payments without journal entry, allocated to their invoices.

        :return: SQL of rows ``(payment_id, invoice_id, partner_id, company_id, date, amount)``:
            each registered inbound payment without entry (states in process / paid), dated up to
            ``date`` (all dates when None), split over its customer invoices by due date, at most
            each invoice's total (company currency).
        """
        conditions = [SQL("TRUE")]
        if date:
            conditions.append(SQL("pay.date <= %s", date))
        if partner_ids is not None:
            conditions.append(SQL("inv.commercial_partner_id = ANY(%s)", list(partner_ids)))
        return SQL(
            """
            SELECT payment_id, invoice_id, partner_id, company_id, date,
                   LEAST(invoice_total, GREATEST(payment_amount - before, 0)) AS amount
              FROM (
                    SELECT pay.id AS payment_id,
                           inv.id AS invoice_id,
                           inv.commercial_partner_id AS partner_id,
                           inv.company_id,
                           pay.date,
                           inv.amount_total_signed AS invoice_total,
                           pay.amount_company_currency_signed AS payment_amount,
                           COALESCE(SUM(inv.amount_total_signed) OVER (
                               PARTITION BY pay.id
                               ORDER BY inv.invoice_date_due, inv.id
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
                           ), 0) AS before
                      FROM account_payment pay
                      JOIN account_move__account_payment rel ON rel.payment_id = pay.id
                      JOIN account_move inv ON inv.id = rel.invoice_id
                     WHERE pay.move_id IS NULL
                       AND pay.state IN %(states)s
                       AND pay.payment_type = 'inbound'
                       AND inv.move_type IN %(types)s
                       AND inv.state = 'posted'
                       AND inv.company_id = ANY(%(companies)s)
                       AND %(conditions)s
                   ) allocation
            """,
            states=TRANSIT_PAYMENT_STATES,
            types=CUSTOMER_INVOICE_TYPES,
            companies=self._credit_companies(companies),
            conditions=SQL(" AND ").join(conditions),
        )

    @api.model
    def _credit_transit_sql(self, companies=None, date=None, partner_ids=None):
        """Money in transit per invoice at ``date``: ``(invoice_id, amount)``.

        The registered payments without entry dated up to ``date``, less the bank-statement
        reconciliations of the invoice dated up to ``date`` (they confirm those payments).
        """
        statement_date = SQL("AND part.max_date <= %s", date) if date else SQL()
        return SQL(
            """
            SELECT registered.invoice_id,
                   GREATEST(registered.amount - COALESCE(confirmed.amount, 0), 0) AS amount
              FROM (
                    SELECT invoice_id, SUM(amount) AS amount
                      FROM (%(allocation)s) allocation
                     GROUP BY invoice_id
                   ) registered
              LEFT JOIN LATERAL (
                    SELECT SUM(part.amount) AS amount
                      FROM account_move_line line
                      JOIN account_partial_reconcile part ON part.debit_move_id = line.id
                      JOIN account_move_line counterpart ON counterpart.id = part.credit_move_id
                      JOIN account_move statement ON statement.id = counterpart.move_id
                     WHERE line.move_id = registered.invoice_id
                       AND line.display_type = 'payment_term'
                       AND statement.statement_line_id IS NOT NULL
                       %(statement_date)s
                   ) confirmed ON TRUE
            """,
            allocation=self._credit_transit_allocation_sql(companies, date, partner_ids),
            statement_date=statement_date,
        )

    @api.model
    def _credit_open_receivable_sql(
        self, date=None, partner_ids=None, companies=None, move_ids=None, as_of=False
    ):
        """THE open receivables (instalments) at ``date``, as an SQL subquery.

        :param date: the day overdue days are counted to; default the current company's today
            (:meth:`res.company._credit_today`, the company's time zone), else e.g. a run's date.
        :param partner_ids: commercial partner ids to restrict to (None: all).
        :param companies: res.company recordset (default: the current company).
        :param move_ids: journal entry ids to restrict to (None: all), or an SQL query of them.
        :param as_of: False (default): the current residuals of unreconciled items, fast
            (index-friendly). True: residuals rebuilt at ``date`` from the items dated up to it
            and the reconciliations dated up to it (month-end / year-end figures; slower).
        :return: SQL of rows, one per open receivable journal item:

            - ``line_id``, ``move_id``, ``account_id``, ``company_id``;
            - ``partner_id``: the commercial partner (the item's partner when it has none);
            - ``line_partner_id``: the item's own partner: group by it, then map to the
              commercial partner, when aggregating many items of few partners (the mapping is
              then done per group, not per item);
            - ``date``: accounting date of the item (ages in years count from it);
            - ``date_maturity``: due date of the instalment (its date when it has none);
            - ``amount_residual``: residual in company currency (negative: unapplied credits);
            - ``amount_in_transit``: part of it covered by registered payments without entry;
            - ``amount_open``: ``amount_residual - amount_in_transit``, the amount exposure,
              ageing and follow-up count; 0 for an instalment wholly covered by money in transit
              (kept so that the money in transit can be shown: filter ``amount_open != 0`` when
              listing rows);
            - ``days_overdue``: ``date - date_maturity`` when positive and ``amount_open > 0``,
              else 0.

        Use it as ``SQL("SELECT ... FROM (%s) open_line ...", subquery)`` and aggregate there:
        one query for any number of partners. The caller's transaction must be flushed: this
        method flushes the fields it reads.
        """
        self._credit_open_receivable_flush()
        date = date or self.env.company._credit_today()
        conditions = [
            SQL("aml.company_id = ANY(%s)", self._credit_companies(companies)),
            SQL("aml.account_id = ANY(%s)", list(self._credit_receivable_account_ids())),
        ]
        source = SQL("account_move_line")
        if partner_ids is not None:
            # The items of the commercial partners themselves, then those of their contacts: the
            # first branch compares account_move_line.partner_id with the ids as a literal list,
            # so that PostgreSQL estimates the rows of a customer with 100,000 open items from
            # the column's statistics (through a join with res_partner it assumes the average
            # customer's and sorts those 100,000 rows on disk to group them).
            source = SQL(
                """(SELECT * FROM account_move_line WHERE partner_id = ANY(%(ids)s)
                    UNION ALL
                    SELECT * FROM account_move_line
                     WHERE partner_id IN (SELECT id FROM res_partner
                                           WHERE commercial_partner_id = ANY(%(ids)s)
                                             AND id <> ALL(%(ids)s)))""",
                ids=list(partner_ids),
            )
        if isinstance(move_ids, SQL):
            conditions.append(SQL("aml.move_id IN (%s)", move_ids))
        elif move_ids is not None:
            conditions.append(SQL("aml.move_id = ANY(%s)", list(move_ids)))
        if as_of:
            residual = SQL(
                """(aml.balance
                    - COALESCE((SELECT SUM(part.amount) FROM account_partial_reconcile part
                                 WHERE part.debit_move_id = aml.id
                                   AND part.max_date <= %(date)s), 0)
                    + COALESCE((SELECT SUM(part.amount) FROM account_partial_reconcile part
                                 WHERE part.credit_move_id = aml.id
                                   AND part.max_date <= %(date)s), 0))""",
                date=date,
            )
            conditions += [SQL("aml.parent_state = 'posted'"), SQL("aml.date <= %s", date)]
        else:
            residual = SQL("aml.amount_residual")
            conditions.append(open_item_sql(SQL("aml")))
        transit = self._credit_transit_sql(companies, date, partner_ids)
        date_filter = SQL("AND aml.date <= %s", date) if as_of else SQL()
        return SQL(
            """
            SELECT line_id, move_id, account_id, company_id, partner_id, line_partner_id, date,
                   date_maturity, amount_residual, amount_in_transit,
                   amount_residual - amount_in_transit AS amount_open,
                   CASE WHEN amount_residual > amount_in_transit AND date_maturity < %(date)s
                        THEN %(date)s - date_maturity ELSE 0 END AS days_overdue
              FROM (
                    SELECT aml.id AS line_id,
                           aml.move_id,
                           aml.account_id,
                           aml.company_id,
                           COALESCE(partner.commercial_partner_id, aml.partner_id) AS partner_id,
                           aml.partner_id AS line_partner_id,
                           aml.date,
                           COALESCE(aml.date_maturity, aml.date) AS date_maturity,
                           %(residual)s AS amount_residual,
                           COALESCE(in_transit.amount, 0) AS amount_in_transit
                      FROM %(source)s aml
                      LEFT JOIN res_partner partner ON partner.id = aml.partner_id
                      LEFT JOIN (
                            SELECT aml.id AS line_id,
                                   LEAST(%(residual)s, GREATEST(transit.amount - COALESCE(SUM(
                                       %(residual)s) OVER (
                                           PARTITION BY aml.move_id
                                           ORDER BY COALESCE(aml.date_maturity, aml.date), aml.id
                                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
                                       ), 0), 0)) AS amount
                              FROM (%(transit)s) transit
                              JOIN account_move_line aml ON aml.move_id = transit.invoice_id
                             WHERE aml.display_type = 'payment_term'
                               AND aml.parent_state = 'posted'
                               AND aml.balance > 0
                               AND transit.amount > 0
                               %(date_filter)s
                           ) in_transit ON in_transit.line_id = aml.id
                     WHERE %(conditions)s
                   ) receivable
             WHERE amount_residual != 0
            """,
            date=date,
            residual=residual,
            transit=transit,
            date_filter=date_filter,
            conditions=SQL(" AND ").join(conditions),
            source=source,
        )

    @api.model
    def _credit_collected_sql(self, date_from, date_to, partner_ids=None, companies=None):
        """Money collected on customer invoices in [date_from, date_to], as an SQL subquery.

        :return: SQL of rows ``(move_id, partner_id, company_id, date, amount)`` (company
            currency, partner = the invoice's commercial partner):

            - payments with a journal entry and bank-statement lines reconciled with the
              invoice's receivable, on the reconciliation's date (the later of both items');
            - registered payments without journal entry, on the payment's date (allocated as in
              :meth:`_credit_transit_allocation_sql`);
            - a bank-statement reconciliation counts only beyond what those payments already
              counted for the invoice (the bank confirming a registered payment is not collected
              twice). Credit notes and write-offs are not collections.
        """
        self._credit_open_receivable_flush()
        partner_filter = (
            SQL("AND inv.commercial_partner_id = ANY(%s)", list(partner_ids))
            if partner_ids is not None
            else SQL()
        )
        allocation = self._credit_transit_allocation_sql(companies, None, partner_ids)
        return SQL(
            """
            WITH registered AS (
                SELECT invoice_id, SUM(amount) AS amount
                  FROM (%(allocation)s) allocation
                 GROUP BY invoice_id
            ),
            settled AS (
                SELECT inv.id AS move_id,
                       inv.commercial_partner_id AS partner_id,
                       inv.company_id,
                       part.max_date AS date,
                       part.amount,
                       CASE WHEN counterpart_move.statement_line_id IS NOT NULL
                            THEN part.amount ELSE 0 END AS statement_amount,
                       COALESCE(SUM(CASE WHEN counterpart_move.statement_line_id IS NOT NULL
                                         THEN part.amount ELSE 0 END) OVER (
                           PARTITION BY inv.id ORDER BY part.max_date, part.id
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
                       ), 0) AS statement_before
                  FROM account_partial_reconcile part
                  JOIN account_move_line line ON line.id = part.debit_move_id
                  JOIN account_move inv ON inv.id = line.move_id
                  JOIN account_move_line counterpart ON counterpart.id = part.credit_move_id
                  JOIN account_move counterpart_move ON counterpart_move.id = counterpart.move_id
                 WHERE inv.move_type IN %(types)s
                   AND inv.state = 'posted'
                   AND inv.company_id = ANY(%(companies)s)
                   AND line.display_type = 'payment_term'
                   AND counterpart_move.state = 'posted'
                   AND (counterpart_move.origin_payment_id IS NOT NULL
                        OR counterpart_move.statement_line_id IS NOT NULL)
                   AND part.max_date <= %(date_to)s
                   %(partner_filter)s
            )
            SELECT settled.move_id, settled.partner_id, settled.company_id, settled.date,
                   settled.amount - LEAST(settled.statement_amount, GREATEST(
                       COALESCE(registered.amount, 0) - settled.statement_before, 0)) AS amount
              FROM settled
              LEFT JOIN registered ON registered.invoice_id = settled.move_id
             WHERE settled.date >= %(date_from)s
            UNION ALL
            SELECT allocation.invoice_id, allocation.partner_id, allocation.company_id,
                   allocation.date, allocation.amount
              FROM (%(allocation)s) allocation
             WHERE allocation.date BETWEEN %(date_from)s AND %(date_to)s
               AND allocation.amount > 0
            """,
            allocation=allocation,
            types=CUSTOMER_INVOICE_TYPES,
            companies=self._credit_companies(companies),
            date_from=date_from,
            date_to=date_to,
            partner_filter=partner_filter,
        )
