# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import gc

from odoo import api, fields, models, tools
from odoo.tools import SQL
from odoo.tools.sql import table_exists

from odoo.addons.credit_management.models.account_move_line import open_item_sql

BUCKETS = [
    ("0_not_due", "Not Due"),
    ("1_1_30", "1-30 Days"),
    ("2_31_60", "31-60 Days"),
    ("3_61_90", "61-90 Days"),
    ("4_90_plus", "Over 90 Days"),
]
YEAR_BUCKETS = [
    ("0_lt_1", "Under 1 Year"),
    ("1_1_2", "1-2 Years"),
    ("2_2_3", "2-3 Years"),
    ("3_gt_3", "Over 3 Years"),
]
# lower bounds (days) of every bucket but the first
BUCKET_BOUNDS = [1, 31, 61, 91]
YEAR_BUCKET_BOUNDS = [365, 730, 1095]


# what the pivot and graph views group by, measure and filter on; other read_group calls take the
# ORM's path. Sums only: the balance adds and takes away items (a maximum cannot be taken back),
# and filters on what all the items of one balance row share (not on amounts).
LEAN_GROUPBY = ("partner_id", "company_id", "bucket", "year_bucket")
LEAN_MEASURES = {
    "amount_residual": "sum",
    "amount_in_transit": "sum",
    "amount_overdue": "sum",
}
LEAN_DOMAIN_FIELDS = {
    "partner_id",
    "company_id",
    "date",
    "date_maturity",
    "days_overdue",
    "bucket",
    "year_bucket",
}

# The open journal items of the ledger summed per company, account, customer (commercial
# partner) and item partner, due date, document date and side (a credit is never overdue): what
# the grouped ageing reads instead of every open item (45 % of the rows on a ledger of 200,000
# items: one row per due date and customer). Kept by triggers in the transaction that changes an
# item or a partner's commercial partner, whatever changes it (the ORM, an import, SQL): an item
# that opens, changes or closes adds rows that take its old figures away and add its new ones
# (added, not updated: two postings never wait for each other), compacted every hour by
# ir_cron_credit_ageing_balance. "Open" is the definition's (open_item_sql, as
# account.move.line._credit_open_receivable_sql reads it); accounts and companies are chosen when
# reading.
BALANCE_TABLE = "credit_ageing_balance"
# The context value that makes the report's rows those of the balance, for the lean read_group
# only: an object no JSON-RPC call can send, so that a client's context cannot turn a search or a
# read into one over balance rows (they have no id).
BALANCE_SOURCE = object()
BALANCE_KEY = (
    "company_id",
    "account_id",
    "customer_id",
    "partner_id",
    "date_maturity",
    "date",
    "is_debit",
)
BALANCE_TRACKED = (
    "parent_state",
    "reconciled",
    "amount_residual",
    "company_id",
    "account_id",
    "partner_id",
    "date_maturity",
    "date",
)


def bucket_sql(days, buckets, bounds):
    """The bucket of ``days`` (SQL expression), evaluated once per row (``width_bucket``), not
    once per boundary as a CASE would."""
    return SQL(
        "(%s::varchar[])[width_bucket(%s, %s::int[]) + 1]",
        [key for key, _label in buckets],
        days,
        bounds,
    )


class CreditAgeingReport(models.Model):
    """Receivable ageing (账龄分析), one row per open receivable instalment.

    Rows and days overdue come from the one definition of open receivables
    (``account.move.line._credit_open_receivable_sql``), at the current company's today (its time
    zone), for the companies the user works in: each instalment in the bucket of its own due
    date, with its open amount (money in transit -- payments registered without a journal entry
    -- deducted from the oldest instalments). The age in years (账龄年限) is counted from the
    accounting date of the document, as Chinese practice ages receivables from the date they
    were recognised. Amounts are in company currency.
    """

    _name = "credit.ageing.report"
    _description = "Receivable Ageing"
    _auto = False
    _order = "days_overdue desc, id"
    _depends = {
        "account.move.line": [
            "move_id",
            "partner_id",
            "company_id",
            "account_id",
            "date",
            "date_maturity",
            "amount_residual",
            "parent_state",
            "reconciled",
        ],
        "account.account": ["account_type"],
        "account.payment": ["state", "move_id", "invoice_ids", "amount_company_currency_signed"],
        "res.partner": ["commercial_partner_id"],
    }

    move_line_id = fields.Many2one("account.move.line", string="Journal Item", readonly=True)
    move_id = fields.Many2one("account.move", string="Document", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    account_id = fields.Many2one("account.account", readonly=True)
    date = fields.Date(string="Document Date", readonly=True)
    date_maturity = fields.Date(string="Due Date", readonly=True)
    amount_residual = fields.Monetary(
        string="Open Amount",
        readonly=True,
        help="Residual of the instalment less the payments registered and awaiting the bank.",
    )
    amount_in_transit = fields.Monetary(
        string="In Transit",
        readonly=True,
        help="Part of the instalment covered by payments registered without a journal entry "
        "(awaiting the bank statement): counted as paid.",
    )
    amount_overdue = fields.Monetary(
        string="Overdue Amount", readonly=True, help="Open amount when past due, else zero."
    )
    days_overdue = fields.Integer(
        readonly=True,
        aggregator="max",
        help="Days past the due date at the company's today; 0 if not due.",
    )
    bucket = fields.Selection(BUCKETS, string="Overdue Bucket", readonly=True)
    year_bucket = fields.Selection(YEAR_BUCKETS, string="Age (Years)", readonly=True)

    @property
    def _table_query(self):
        if self.env.context.get("credit_ageing_source") is BALANCE_SOURCE:
            return self._balance_sql()
        return self._select_sql()

    def _balance_sql(self):
        """The report's columns over the ledger's balance rather than per open item (for the
        grouped sums of ``read_group``): the balance rows of the companies' receivable accounts
        and, for the items of the invoices with money in transit, corrections (their balance rows
        taken away, their open amounts from the definition added), each row with ``items``, the
        number of open items it adds (or takes away).

        The corrections are read first (a few rows, usually none) and added to the balance's rows
        as literals: joined to the balance in one statement, planning them and appending them to
        every balance row cost as much as summing the balance."""
        today = self.env.company._credit_today()
        companies = self.env.companies
        move_lines = self.env["account.move.line"]
        transit_moves = SQL(
            "SELECT invoice_id FROM (%s) transit WHERE amount > 0",
            move_lines._credit_transit_sql(companies, today),
        )
        # built after a flush of the items: the triggers have brought the balance up to date
        corrected = move_lines._credit_open_receivable_sql(
            date=today, companies=companies, move_ids=transit_moves
        )
        corrections = self.env.execute_query(
            SQL(
                """
                SELECT open_line.company_id, open_line.partner_id, open_line.line_partner_id,
                       open_line.date, open_line.date_maturity, change.*
                  FROM (%s) open_line
                 CROSS JOIN LATERAL (
                       VALUES (open_line.amount_residual > 0, -open_line.amount_residual,
                               0::numeric, -1),
                              (open_line.amount_open > 0, open_line.amount_open,
                               CASE WHEN open_line.amount_open <> 0
                                    THEN open_line.amount_in_transit ELSE 0 END,
                               CASE WHEN open_line.amount_open <> 0 THEN 1 ELSE 0 END)
                       ) change
                """,
                corrected,
            )
        )
        correction_rows = SQL()
        if corrections:
            columns = list(zip(*corrections, strict=True))
            correction_rows = SQL(
                """UNION ALL
                   SELECT * FROM unnest(%s::int[], %s::int[], %s::int[], %s::date[], %s::date[],
                                        %s::bool[], %s::numeric[], %s::numeric[], %s::int[])""",
                *(list(column) for column in columns),
            )
        days = SQL("grain.days_overdue")
        return SQL(
            """
            SELECT NULL::int AS id,
                   grain.*,
                   CASE WHEN grain.days_overdue > 0
                        THEN grain.amount_residual ELSE 0 END AS amount_overdue,
                   %(bucket)s AS bucket,
                   %(year_bucket)s AS year_bucket,
                   width_bucket(grain.days_overdue, %(bounds)s::int[]) AS bucket_index,
                   width_bucket(%(today)s::date - grain.date, %(year_bounds)s::int[])
                       AS year_bucket_index
              FROM (
                    SELECT item.*,
                           CASE WHEN item.is_debit AND item.date_maturity < %(today)s
                                THEN %(today)s - item.date_maturity ELSE 0 END AS days_overdue
                      FROM (
                            SELECT company_id, customer_id AS partner_id,
                                   partner_id AS line_partner_id, date, date_maturity, is_debit,
                                   amount AS amount_residual, 0::numeric AS amount_in_transit,
                                   items
                              FROM %(balance)s
                             WHERE company_id = ANY(%(companies)s)
                               AND account_id = ANY(%(accounts)s)
                            %(corrections)s
                           ) item
                   ) grain
            """,
            bucket=bucket_sql(days, BUCKETS, BUCKET_BOUNDS),
            year_bucket=bucket_sql(
                SQL("(%s::date - grain.date)", today), YEAR_BUCKETS, YEAR_BUCKET_BOUNDS
            ),
            bounds=BUCKET_BOUNDS,
            year_bounds=YEAR_BUCKET_BOUNDS,
            today=today,
            balance=SQL.identifier(BALANCE_TABLE),
            companies=companies.ids,
            accounts=list(move_lines._credit_receivable_account_ids()),
            corrections=correction_rows,
        )

    def _select_sql(self):
        company = self.env.company
        today = company._credit_today()
        open_lines = self.env["account.move.line"]._credit_open_receivable_sql(
            date=today, companies=self.env.companies
        )
        age = SQL("(%s::date - open_line.date)", today)
        return SQL(
            """
            SELECT open_line.line_id AS id,
                   open_line.line_id AS move_line_id,
                   open_line.move_id,
                   open_line.partner_id,
                   open_line.line_partner_id,
                   open_line.company_id,
                   company.currency_id,
                   open_line.account_id,
                   open_line.date,
                   open_line.date_maturity,
                   open_line.amount_open AS amount_residual,
                   open_line.amount_in_transit,
                   CASE WHEN open_line.days_overdue > 0
                        THEN open_line.amount_open ELSE 0 END AS amount_overdue,
                   open_line.days_overdue,
                   %(bucket)s AS bucket,
                   %(year_bucket)s AS year_bucket
              FROM (%(open_lines)s) open_line
              LEFT JOIN res_company company ON company.id = open_line.company_id
             WHERE open_line.amount_open != 0
            OFFSET 0
            """,
            bucket=bucket_sql(SQL("open_line.days_overdue"), BUCKETS, BUCKET_BOUNDS),
            year_bucket=bucket_sql(age, YEAR_BUCKETS, YEAR_BUCKET_BOUNDS),
            open_lines=open_lines,
        )

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """The pivot and graph views' grouped totals (``lazy=False``, by customer, company and
        buckets, sums, filters on what the items of a balance row share), summed over the
        ledger's balance (see ``BALANCE_TABLE``) in one grouped query and returned without the
        ORM's per-group work (a record, a display name and a normalised domain per cell: 1 s for
        5,000 customers x 5 buckets). Any other call is the ORM's, over the items."""
        groupby = [groupby] if isinstance(groupby, str) else list(groupby)
        measures = self._ageing_lean_measures(fields)
        if (
            lazy
            or offset
            or limit
            or orderby
            or measures is None
            or not set(groupby) <= set(LEAN_GROUPBY)
            or len(set(groupby)) < len(groupby)
            or not self._ageing_lean_domain(domain or [])
        ):
            return super().read_group(
                domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy
            )
        return self._ageing_lean_read_group(domain or [], groupby, measures)

    @api.model
    def _ageing_lean_measures(self, fields):
        """[(name, aggregate)] for ``fields`` when the lean path sums them all, else None."""
        measures = []
        for spec in fields:
            if spec == "__count":
                continue
            name, _sep, func = spec.partition(":")
            if name not in LEAN_MEASURES or func not in ("", LEAN_MEASURES[name]):
                return None
            measures.append((name, LEAN_MEASURES[name]))
        return measures

    @api.model
    def _ageing_lean_domain(self, domain):
        """Whether ``domain`` and the record rules filter only on what the items of a balance
        row share (customer, company, dates, bucket)."""
        rules = self.env["ir.rule"]._compute_domain(self._name, "read") or []
        return all(
            leaf[0].split(".")[0] in LEAN_DOMAIN_FIELDS
            for leaf in [*domain, *rules]
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3
        )

    @api.model
    def _ageing_lean_read_group(self, domain, groupby, measures):
        """One query over the ledger's balance: the rows the domain and the record rules select,
        summed per group (buckets by their number; groups whose items were all taken away
        dropped), labelled and ordered as the ORM orders them."""
        # the domain and the record rules, as the ORM applies them, over the ledger's balance
        query = self.with_context(credit_ageing_source=BALANCE_SOURCE)._search(domain)
        table = self._table
        inner, keys, labels, joins, order = [], [], [], [], []
        for index, name in enumerate(groupby):
            key = SQL.identifier(f"key_{index}")
            if name == "partner_id":
                inner.append(SQL("%s AS %s", SQL.identifier(table, "partner_id"), key))
                joins.append(SQL("LEFT JOIN res_partner customer ON customer.id = g.%s", key))
                keys.append(SQL("g.%s", key))
                labels.append(SQL("customer.complete_name"))
                order += [SQL("customer.complete_name"), SQL("g.%s DESC", key)]
            elif name == "company_id":
                inner.append(SQL("%s AS %s", SQL.identifier(table, "company_id"), key))
                joins.append(SQL("LEFT JOIN res_company company ON company.id = g.%s", key))
                keys.append(SQL("g.%s", key))
                labels.append(SQL("company.name"))
                order += [SQL("company.sequence"), SQL("company.name")]
            else:
                buckets = BUCKETS if name == "bucket" else YEAR_BUCKETS
                inner.append(SQL("%s AS %s", SQL.identifier(table, f"{name}_index"), key))
                keys.append(SQL("(%s::varchar[])[g.%s + 1]", [k for k, _l in buckets], key))
                order.append(SQL("g.%s", key))
        sums = [SQL.identifier(name) for name, _func in measures]
        columns = [SQL.identifier(table, name) for name, _func in measures]
        positions = SQL(", ").join(SQL(str(position + 1)) for position in range(len(groupby)))
        rows = self.env.execute_query(
            SQL(
                """
                SELECT %(select)s
                  FROM (SELECT %(inner)s
                          FROM %(from)s
                         WHERE %(where)s
                        %(group)s) g
                       %(joins)s
                %(order)s
                """,
                select=SQL(", ").join(
                    [*keys, *labels, SQL("g.n"), *(SQL("g.%s", name) for name in sums)]
                ),
                inner=SQL(", ").join(
                    [
                        *inner,
                        SQL("SUM(%s) AS n", SQL.identifier(table, "items")),
                        *(
                            SQL("SUM(%s) AS %s", column, name)
                            for column, name in zip(columns, sums, strict=True)
                        ),
                    ]
                ),
                # a group whose items were all taken away (paid since the last compaction) is
                # no group
                group=(
                    SQL(
                        "GROUP BY %s HAVING SUM(%s) <> 0",
                        positions,
                        SQL.identifier(table, "items"),
                    )
                    if groupby
                    else SQL()
                ),
                joins=SQL(" ").join(joins),
                order=SQL("ORDER BY %s", SQL(", ").join(order)) if order else SQL(),
                **{"from": query.from_clause, "where": query.where_clause or SQL("TRUE")},
            )
        )
        return self._ageing_lean_groups(rows, domain, groupby, measures)

    @api.model
    def _ageing_lean_groups(self, rows, domain, groupby, measures):
        """The rows ``(keys..., labels of the many2one keys..., count, measures...)`` as
        read_group returns its groups."""
        width = len(groupby)
        many2one = [
            (index, width + position)
            for position, index in enumerate(
                index for index, name in enumerate(groupby) if name in ("partner_id", "company_id")
            )
        ]
        first_measure = width + len(many2one) + 1
        names = [name for name, _func in measures]
        result = []
        # Some 16,000 small groups (customers x buckets) would start several full collections of
        # the server's heap (0.1 s), though they hold no reference cycle: collected after.
        collecting = gc.isenabled()
        gc.disable()
        try:
            for row in rows:
                group = dict(zip(groupby, row[:width], strict=True))
                for index, label in many2one:
                    value = row[index]
                    group[groupby[index]] = (value, row[label] or "") if value else False
                group["__count"] = row[first_measure - 1] or 0
                for name, value in zip(names, row[first_measure:], strict=True):
                    group[name] = value or 0
                # a list of leaves is their conjunction: no need to normalise it per group
                group["__domain"] = [
                    (name, "=", row[index]) for index, name in enumerate(groupby)
                ] + domain
                result.append(group)
        finally:
            if collecting:
                gc.enable()
        return result

    def init(self):
        # rows are computed per request (_table_query) relative to the company's today; drop the
        # database view of earlier versions
        tools.drop_view_if_exists(self.env.cr, self._table)
        self._ageing_balance_install()

    @api.model
    def _ageing_balance_install(self):
        """Create the balance (filled from the ledger) and the triggers that keep it."""
        cr = self.env.cr
        table = SQL.identifier(BALANCE_TABLE)
        if not table_exists(cr, BALANCE_TABLE):
            cr.execute(
                SQL(
                    """
                    CREATE TABLE %(table)s (
                        company_id integer,
                        account_id integer,
                        customer_id integer,
                        partner_id integer,
                        date_maturity date,
                        date date,
                        is_debit boolean,
                        amount numeric,
                        items integer
                    );
                    -- the items of a partner whose commercial partner changes are found by it
                    CREATE INDEX %(index)s ON %(table)s (partner_id)
                    """,
                    table=table,
                    index=SQL.identifier(f"{BALANCE_TABLE}_partner_idx"),
                )
            )
            self._ageing_balance_rebuild()
        old, new = SQL("OLD"), SQL("NEW")

        def key_values(row):
            return SQL(
                """%(row)s.company_id, %(row)s.account_id,
                   COALESCE((SELECT partner.commercial_partner_id FROM res_partner partner
                              WHERE partner.id = %(row)s.partner_id), %(row)s.partner_id),
                   %(row)s.partner_id, COALESCE(%(row)s.date_maturity, %(row)s.date), %(row)s.date,
                   %(row)s.amount_residual > 0""",
                row=row,
            )

        track = SQL.identifier(f"{BALANCE_TABLE}_track")
        key = SQL(", ").join(SQL.identifier(name) for name in BALANCE_KEY)
        cr.execute(
            SQL(
                """
                CREATE OR REPLACE FUNCTION %(track)s() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' AND %(old_open)s THEN
                        INSERT INTO %(table)s (%(key)s, amount, items)
                        VALUES (%(old_key)s, -OLD.amount_residual, -1);
                    END IF;
                    IF TG_OP <> 'DELETE' AND %(new_open)s THEN
                        INSERT INTO %(table)s (%(key)s, amount, items)
                        VALUES (%(new_key)s, NEW.amount_residual, 1);
                    END IF;
                    RETURN NULL;
                END
                $$
                """,
                track=track,
                table=table,
                key=key,
                old_open=open_item_sql(old),
                new_open=open_item_sql(new),
                old_key=key_values(old),
                new_key=key_values(new),
            )
        )
        changed = SQL(" OR ").join(
            SQL("OLD.%(name)s IS DISTINCT FROM NEW.%(name)s", name=SQL.identifier(name))
            for name in BALANCE_TRACKED
        )
        for suffix, event, when in (
            ("insert", SQL("INSERT"), open_item_sql(new)),
            ("delete", SQL("DELETE"), open_item_sql(old)),
            (
                "update",
                SQL(
                    "UPDATE OF %s",
                    SQL(", ").join(SQL.identifier(name) for name in BALANCE_TRACKED),
                ),
                SQL("((%s) OR (%s)) AND (%s)", open_item_sql(old), open_item_sql(new), changed),
            ),
        ):
            trigger = SQL.identifier(f"{BALANCE_TABLE}_{suffix}")
            cr.execute(
                SQL(
                    """
                    DROP TRIGGER IF EXISTS %(trigger)s ON account_move_line;
                    CREATE TRIGGER %(trigger)s AFTER %(event)s ON account_move_line
                    FOR EACH ROW WHEN (%(when)s) EXECUTE FUNCTION %(track)s()
                    """,
                    trigger=trigger,
                    event=event,
                    when=when,
                    track=track,
                )
            )
        # a contact moved to another company takes its open items to its new customer
        customer = SQL.identifier(f"{BALANCE_TABLE}_customer")
        cr.execute(
            SQL(
                """
                CREATE OR REPLACE FUNCTION %(customer)s() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE %(table)s
                       SET customer_id = COALESCE(NEW.commercial_partner_id, NEW.id)
                     WHERE partner_id = NEW.id;
                    RETURN NULL;
                END
                $$;
                DROP TRIGGER IF EXISTS %(customer)s ON res_partner;
                CREATE TRIGGER %(customer)s AFTER UPDATE OF commercial_partner_id
                ON res_partner FOR EACH ROW
                WHEN (OLD.commercial_partner_id IS DISTINCT FROM NEW.commercial_partner_id)
                EXECUTE FUNCTION %(customer)s();
                """,
                customer=customer,
                table=table,
            )
        )

    @api.model
    def _ageing_balance_rebuild(self):
        """The balance computed again from the ledger's open items."""
        self.env["account.move.line"].flush_model(BALANCE_TRACKED)
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        self.env.cr.execute(
            SQL(
                """
                DELETE FROM %(table)s;
                INSERT INTO %(table)s (%(key)s, amount, items)
                SELECT aml.company_id, aml.account_id,
                       COALESCE(partner.commercial_partner_id, aml.partner_id), aml.partner_id,
                       COALESCE(aml.date_maturity, aml.date), aml.date, aml.amount_residual > 0,
                       SUM(aml.amount_residual), COUNT(*)
                  FROM account_move_line aml
                  LEFT JOIN res_partner partner ON partner.id = aml.partner_id
                 WHERE %(open)s
                 GROUP BY 1, 2, 3, 4, 5, 6, 7
                """,
                table=SQL.identifier(BALANCE_TABLE),
                key=SQL(", ").join(SQL.identifier(name) for name in BALANCE_KEY),
                open=open_item_sql(SQL("aml")),
            )
        )

    @api.model
    def _cron_ageing_balance_compact(self):
        """One row per key: the rows the compaction sees are replaced by their sums (rows added
        meanwhile by other transactions are not seen, hence kept); keys whose items were all
        taken away go."""
        self.env.cr.execute(
            SQL(
                """
                WITH compacted AS (DELETE FROM %(table)s RETURNING *)
                INSERT INTO %(table)s (%(key)s, amount, items)
                SELECT %(key)s, SUM(amount), SUM(items)
                  FROM compacted
                 GROUP BY %(key)s
                HAVING SUM(items) <> 0 OR SUM(amount) <> 0
                """,
                table=SQL.identifier(BALANCE_TABLE),
                key=SQL(", ").join(SQL.identifier(name) for name in BALANCE_KEY),
            )
        )
