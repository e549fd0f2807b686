# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per concern of credit.contract: the figures of a year, per clerk (appraisal) and per
# company (year-end report, chapter 内部制度执行). Set-based: a fixed number of grouped queries
# whatever the number of contracts.
# pylint: disable=consider-merging-classes-inherited
from datetime import date, datetime, time, timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from .credit_contract_performance import PERFORMANCE_ACTIVITY

CLERK_KEYS = (
    "signed",
    "three_ok",
    "five_ok",
    "terms_complete",
    "with_authority",
    "registered_on_time",
    "ledger_complete",
    "archived",
    "sealed",
    "invalid",
    "in_force",
    "in_force_reconciled",
    "amendments",
    "amendments_ok",
    "terminations",
    "terminations_ok",
    "reviews",
    "reviews_on_time",
    "reconciliations",
    "reconciliation_months",
    "chase_done",
    "chase_overdue",
    "complaints",
    "complaints_on_time",
    "orders_needing_contract",
    "orders_with_contract",
)


def year_bounds(year):
    """First and last day of ``year`` and the datetimes around them (for datetime columns)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    after = end + timedelta(days=1)
    return start, end, datetime.combine(start, time.min), datetime.combine(after, time.min)


def _contract_checks_ok(category):
    """SQL: the contract's approved review passed every check of ``category``."""
    return SQL(
        """EXISTS (SELECT 1 FROM credit_contract_review r
                    WHERE r.contract_id = c.id AND r.state = 'approved')
           AND NOT EXISTS (SELECT 1 FROM credit_contract_review r
                             JOIN credit_contract_review_line l ON l.review_id = r.id
                            WHERE r.contract_id = c.id AND r.state = 'approved'
                              AND l.category = %s AND l.result NOT IN ('pass', 'na'))""",
        category,
    )


def _order_needs_contract(company):
    """SQL on sale_order ``so``: the order needs a written contract (除即时清结外): above the
    company's amount, or on credit terms (neither prepaid in full nor due at once)."""
    return SQL(
        """((%(threshold)s > 0 AND so.amount_total / NULLIF(so.currency_rate, 0) > %(threshold)s)
            OR (NOT (COALESCE(so.require_payment, FALSE) AND so.prepayment_percent >= 1)
                AND EXISTS (SELECT 1 FROM account_payment_term_line tl
                             WHERE tl.payment_id = so.payment_term_id
                               AND (tl.nb_days > 0 OR tl.delay_type != 'days_after'))))""",
        threshold=company.credit_contract_required_amount or 0.0,
    )


class CreditContract(models.Model):
    _inherit = "credit.contract"

    def _flush_statistics(self):
        for model in (
            "credit.contract",
            "credit.contract.review",
            "credit.contract.review.line",
            "credit.contract.reconciliation",
            "credit.contract.seal.use",
            "credit.contract.dispute",
            "credit.complaint",
            "sale.order",
            "mail.activity",
            "mail.message",
        ):
            self.env[model].flush_model()

    @api.model
    def _credit_clerk_figures(self, users, year, company=None):
        """The contract work of each clerk (``users``) in ``year``, for the appraisal: counts
        only. Seven queries whatever the number of clerks and contracts.

        Contracts are the clerk's by ``clerk_id``; "signed" ones were registered with a signing
        date in the year. ``terms_complete`` counts those whose text was right at every review
        (no review found the template or a clause missing); ``three_ok``/``five_ok`` those whose
        approved review passed those checks and that were not declared invalid since.

        :return: {user_id: {key: int for key in CLERK_KEYS}}
        """
        company = company or self.env.company
        result = {user.id: dict.fromkeys(CLERK_KEYS, 0) for user in users}
        if not users:
            return result
        self._flush_statistics()
        start, end, start_dt, end_dt = year_bounds(year)
        user_ids = tuple(users.ids)
        days = company.credit_contract_registration_days
        signed = SQL(
            "(c.registration_date IS NOT NULL AND c.date_signed BETWEEN %s AND %s)", start, end
        )
        terminated = SQL(
            "(c.state = 'terminated' AND c.termination_date BETWEEN %s AND %s)", start, end
        )
        in_force = SQL(
            """(c.registration_date IS NOT NULL AND c.date_signed <= %(end)s
                AND c.state != 'invalid'
                AND (c.date_end IS NULL OR c.date_end >= %(start)s)
                AND (c.termination_date IS NULL OR c.termination_date >= %(start)s))""",
            start=start,
            end=end,
        )
        reconciled = SQL(
            """EXISTS (SELECT 1 FROM credit_contract_reconciliation rc
                        WHERE rc.contract_id = c.id AND rc.state = 'done'
                          AND rc.date BETWEEN %s AND %s)""",
            start,
            end,
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT c.clerk_id,
                       COUNT(*) FILTER (WHERE %(signed)s),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.state != 'invalid' AND %(three)s),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.state != 'invalid' AND %(five)s),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.terms_complete AND NOT EXISTS (
                           SELECT 1 FROM credit_contract_review r
                             JOIN credit_contract_review_line l ON l.review_id = r.id
                            WHERE r.contract_id = c.id AND l."check" = 'terms'
                              AND l.result = 'fail')),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.authorization_id IS NOT NULL),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.registered_on_time),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.ledger_complete),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.is_archived),
                       COUNT(*) FILTER (WHERE %(signed)s AND EXISTS (
                           SELECT 1 FROM credit_contract_seal_use u
                            WHERE u.contract_id = c.id AND u.state = 'granted')),
                       COUNT(*) FILTER (WHERE c.state = 'invalid'
                                          AND c.invalid_date BETWEEN %(start)s AND %(end)s),
                       COUNT(*) FILTER (WHERE %(in_force)s),
                       COUNT(*) FILTER (WHERE %(in_force)s AND %(reconciled)s),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.parent_id IS NOT NULL),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.parent_id IS NOT NULL
                                          AND c.registered_on_time),
                       COUNT(*) FILTER (WHERE %(terminated)s),
                       COUNT(*) FILTER (WHERE %(terminated)s
                                          AND c.termination_notice_date IS NOT NULL
                                          AND c.termination_registration_date
                                              <= c.termination_date + %(days)s
                                          AND EXISTS (
                                              SELECT 1 FROM ir_attachment a
                                               WHERE a.res_model = 'credit.contract'
                                                 AND a.res_field = 'termination_document'
                                                 AND a.res_id = c.id))
                  FROM credit_contract c
                 WHERE c.company_id = %(company)s AND c.clerk_id IN %(users)s
              GROUP BY c.clerk_id
                """,
                signed=signed,
                three=_contract_checks_ok("three"),
                five=_contract_checks_ok("five"),
                in_force=in_force,
                reconciled=reconciled,
                terminated=terminated,
                days=days,
                start=start,
                end=end,
                company=company.id,
                users=user_ids,
            )
        )
        contract_keys = CLERK_KEYS[:16]
        for user_id, *counts in rows:
            result[user_id].update(zip(contract_keys, counts, strict=True))
        # 三.1 review forms: concluded within the company's days, complete (every check
        # decided, every failed check explained); forms still open and not yet late are left out
        review_days = timedelta(days=company.credit_contract_review_days)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT c.clerk_id, COUNT(*),
                       COUNT(*) FILTER (
                           WHERE r.state != 'open' AND r.date_done <= r.date_submitted + %(days)s
                             AND NOT EXISTS (
                                 SELECT 1 FROM credit_contract_review_line l
                                  WHERE l.review_id = r.id
                                    AND (l.result = 'pending'
                                         OR (l.result = 'fail'
                                             AND COALESCE(TRIM(l.finding), '') = ''))))
                  FROM credit_contract_review r
                  JOIN credit_contract c ON c.id = r.contract_id
                 WHERE c.company_id = %(company)s AND c.clerk_id IN %(users)s
                   AND r.date_submitted >= %(start)s AND r.date_submitted < %(end)s
                   AND (r.state != 'open' OR r.date_submitted + %(days)s < NOW() AT TIME ZONE 'UTC')
              GROUP BY c.clerk_id
                """,
                days=review_days,
                company=company.id,
                users=user_ids,
                start=start_dt,
                end=end_dt,
            )
        )
        for user_id, total, on_time in rows:
            result[user_id].update(reviews=total, reviews_on_time=on_time)
        # 三.2 reconciliations with salespeople: how many, in how many months
        rows = self.env.execute_query(
            SQL(
                """
                SELECT rc.user_id, COUNT(*), COUNT(DISTINCT date_trunc('month', rc.date))
                  FROM credit_contract_reconciliation rc
                  JOIN credit_contract c ON c.id = rc.contract_id
                 WHERE c.company_id = %s AND rc.user_id IN %s AND rc.state = 'done'
                   AND rc.date BETWEEN %s AND %s
              GROUP BY rc.user_id
                """,
                company.id,
                user_ids,
                start,
                end,
            )
        )
        for user_id, total, months in rows:
            result[user_id].update(reconciliations=total, reconciliation_months=months)
        # 三.3 performance chased: performance to-dos of the clerk's contracts done in the year,
        # against those left overdue
        activity_type = self.env.ref(PERFORMANCE_ACTIVITY)
        today = fields.Date.context_today(self)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT c.clerk_id, COUNT(*)
                  FROM mail_message m
                  JOIN credit_contract c ON c.id = m.res_id
                 WHERE m.model = 'credit.contract' AND m.mail_activity_type_id = %s
                   AND c.company_id = %s AND c.clerk_id IN %s
                   AND m.date >= %s AND m.date < %s
              GROUP BY c.clerk_id
                """,
                activity_type.id,
                company.id,
                user_ids,
                start_dt,
                end_dt,
            )
        )
        for user_id, done in rows:
            result[user_id]["chase_done"] = done
        rows = self.env.execute_query(
            SQL(
                """
                SELECT c.clerk_id, COUNT(*)
                  FROM mail_activity a
                  JOIN credit_contract c ON c.id = a.res_id
                 WHERE a.res_model = 'credit.contract' AND a.activity_type_id = %s
                   AND c.company_id = %s AND c.clerk_id IN %s
                   AND a.date_deadline BETWEEN %s AND %s AND a.date_deadline < %s
              GROUP BY c.clerk_id
                """,
                activity_type.id,
                company.id,
                user_ids,
                start,
                end,
                today,
            )
        )
        for user_id, overdue in rows:
            result[user_id]["chase_overdue"] = overdue
        # 四.2 complaints assigned to the clerk, answered on time; those still waiting within
        # the deadline are left out
        answer_days = timedelta(days=company.credit_complaint_response_days)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT assigned_id, COUNT(*), COUNT(*) FILTER (WHERE answered_on_time)
                  FROM credit_complaint
                 WHERE company_id = %(company)s AND assigned_id IN %(users)s
                   AND date_filed >= %(start)s AND date_filed < %(end)s
                   AND (state != 'new' OR date_filed + %(days)s < NOW() AT TIME ZONE 'UTC')
              GROUP BY assigned_id
                """,
                company=company.id,
                users=user_ids,
                start=start_dt,
                end=end_dt,
                days=answer_days,
            )
        )
        for user_id, total, on_time in rows:
            result[user_id].update(complaints=total, complaints_on_time=on_time)
        # 二.3 written contracts: the orders of the clerk's customers (or contracts) that needed
        # one, and how many had it
        needed = _order_needs_contract(company)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT COALESCE(c.clerk_id, p.credit_analyst_id),
                       COUNT(*) FILTER (WHERE %(needed)s),
                       COUNT(*) FILTER (WHERE %(needed)s AND so.credit_contract_id IS NOT NULL)
                  FROM sale_order so
                  JOIN res_partner sp ON sp.id = so.partner_id
                  JOIN res_partner p ON p.id = sp.commercial_partner_id
             LEFT JOIN credit_contract c ON c.id = so.credit_contract_id
                 WHERE so.state = 'sale' AND so.company_id = %(company)s
                   AND so.date_order >= %(start)s AND so.date_order < %(end)s
                   AND COALESCE(c.clerk_id, p.credit_analyst_id) IN %(users)s
              GROUP BY 1
                """,
                needed=needed,
                company=company.id,
                start=start_dt,
                end=end_dt,
                users=user_ids,
            )
        )
        for user_id, total, covered in rows:
            result[user_id].update(orders_needing_contract=total, orders_with_contract=covered)
        return result

    @api.model
    def _credit_year_end_figures(self, company, year):
        """Contract figures of ``company`` for ``year``: the year-end report's chapter on the
        internal rules (内部制度执行). A fixed number of grouped queries.

        :return: {
            "contracts": {"signed", "signed_amount", "by_kind": {kind: {"signed", "amount"}},
                          "amendments", "terminations", "invalid", "completed",
                          "registered_on_time", "ledger_complete", "archived",
                          "in_force_end"},
            "reviews": {"concluded", "approved", "returned", "joint", "joint_returned"},
            "disputes": {"opened", "amount_disputed", "closed",
                         "by_outcome": {outcome: {"count", "amount"}},
                         "by_stage": {stage: count of disputes open at year end}},
            "complaints": {"filed", "answered", "on_time", "average_days",
                           "by_subject": {subject: count}},
            "written_contracts": {"orders_needing", "orders_covered", "coverage_percent"},
            "seal_uses": int,
            "reconciliations": int,
        }
        Amounts in the company currency.
        """
        self._flush_statistics()
        start, end, start_dt, end_dt = year_bounds(year)
        figures = {}
        signed = SQL(
            "(c.registration_date IS NOT NULL AND c.date_signed BETWEEN %s AND %s)", start, end
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT c.kind,
                       COUNT(*) FILTER (WHERE %(signed)s),
                       COALESCE(SUM(c.amount_company) FILTER (WHERE %(signed)s), 0),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.parent_id IS NOT NULL),
                       COUNT(*) FILTER (WHERE c.state = 'terminated'
                                          AND c.termination_date BETWEEN %(start)s AND %(end)s),
                       COUNT(*) FILTER (WHERE c.state = 'invalid'
                                          AND c.invalid_date BETWEEN %(start)s AND %(end)s),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.state = 'completed'),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.registered_on_time),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.ledger_complete),
                       COUNT(*) FILTER (WHERE %(signed)s AND c.is_archived),
                       COUNT(*) FILTER (WHERE c.state IN ('signed', 'performing')
                                          AND c.date_signed <= %(end)s)
                  FROM credit_contract c
                 WHERE c.company_id = %(company)s
              GROUP BY c.kind
                """,
                signed=signed,
                start=start,
                end=end,
                company=company.id,
            )
        )
        keys = (
            "signed",
            "signed_amount",
            "amendments",
            "terminations",
            "invalid",
            "completed",
            "registered_on_time",
            "ledger_complete",
            "archived",
            "in_force_end",
        )
        contracts = dict.fromkeys(keys, 0)
        contracts["by_kind"] = {}
        for kind, *values in rows:
            for key, value in zip(keys, values, strict=True):
                contracts[key] += value
            contracts["by_kind"][kind] = {"signed": values[0], "amount": values[1]}
        figures["contracts"] = contracts

        rows = self.env.execute_query(
            SQL(
                """
                SELECT COUNT(*),
                       COUNT(*) FILTER (WHERE r.state = 'approved'),
                       COUNT(*) FILTER (WHERE r.state = 'refused'),
                       COUNT(*) FILTER (WHERE r.is_major),
                       COUNT(*) FILTER (WHERE r.is_major AND r.state = 'refused')
                  FROM credit_contract_review r
                 WHERE r.company_id = %s AND r.state != 'open'
                   AND r.date_done >= %s AND r.date_done < %s
                """,
                company.id,
                start_dt,
                end_dt,
            )
        )
        review_keys = ("concluded", "approved", "returned", "joint", "joint_returned")
        figures["reviews"] = dict(zip(review_keys, rows[0], strict=True))

        rows = self.env.execute_query(
            SQL(
                """
                SELECT d.state, d.outcome,
                       COUNT(*) FILTER (WHERE d.date_opened BETWEEN %(start)s AND %(end)s),
                       COALESCE(SUM(d.amount_disputed)
                                FILTER (WHERE d.date_opened BETWEEN %(start)s AND %(end)s), 0),
                       COUNT(*) FILTER (WHERE d.date_closed BETWEEN %(start)s AND %(end)s),
                       COALESCE(SUM(d.outcome_amount)
                                FILTER (WHERE d.date_closed BETWEEN %(start)s AND %(end)s), 0),
                       COUNT(*) FILTER (WHERE d.date_opened <= %(end)s
                                          AND (d.date_closed IS NULL OR d.date_closed > %(end)s))
                  FROM credit_contract_dispute d
                 WHERE d.company_id = %(company)s
              GROUP BY d.state, d.outcome
                """,
                start=start,
                end=end,
                company=company.id,
            )
        )
        disputes = {
            "opened": 0,
            "amount_disputed": 0.0,
            "closed": 0,
            "by_outcome": {},
            "by_stage": {},
        }
        for state, outcome, opened, amount, closed, obtained, open_at_end in rows:
            disputes["opened"] += opened
            disputes["amount_disputed"] += amount
            disputes["closed"] += closed
            if closed:
                slot = disputes["by_outcome"].setdefault(outcome, {"count": 0, "amount": 0.0})
                slot["count"] += closed
                slot["amount"] += obtained
            if open_at_end and state != "closed":
                disputes["by_stage"][state] = disputes["by_stage"].get(state, 0) + open_at_end
        figures["disputes"] = disputes

        rows = self.env.execute_query(
            SQL(
                """
                SELECT subject, COUNT(*),
                       COUNT(*) FILTER (WHERE state != 'new'),
                       COUNT(*) FILTER (WHERE answered_on_time),
                       COALESCE(SUM(response_days) FILTER (WHERE state != 'new'), 0)
                  FROM credit_complaint
                 WHERE company_id = %s AND date_filed >= %s AND date_filed < %s
              GROUP BY subject
                """,
                company.id,
                start_dt,
                end_dt,
            )
        )
        complaints = {"filed": 0, "answered": 0, "on_time": 0, "by_subject": {}}
        response_days = 0.0
        for subject, filed, answered, on_time, days in rows:
            complaints["filed"] += filed
            complaints["answered"] += answered
            complaints["on_time"] += on_time
            complaints["by_subject"][subject] = filed
            response_days += days
        complaints["average_days"] = (
            round(response_days / complaints["answered"], 1) if complaints["answered"] else 0.0
        )
        figures["complaints"] = complaints

        needed = _order_needs_contract(company)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT COUNT(*) FILTER (WHERE %(needed)s),
                       COUNT(*) FILTER (WHERE %(needed)s AND so.credit_contract_id IS NOT NULL)
                  FROM sale_order so
                 WHERE so.state = 'sale' AND so.company_id = %(company)s
                   AND so.date_order >= %(start)s AND so.date_order < %(end)s
                """,
                needed=needed,
                company=company.id,
                start=start_dt,
                end=end_dt,
            )
        )
        needing, covered = rows[0]
        figures["written_contracts"] = {
            "orders_needing": needing,
            "orders_covered": covered,
            "coverage_percent": round(covered / needing * 100, 1) if needing else 100.0,
        }

        rows = self.env.execute_query(
            SQL(
                """
                SELECT (SELECT COUNT(*) FROM credit_contract_seal_use
                         WHERE company_id = %(company)s AND state = 'granted'
                           AND grant_date >= %(start_dt)s AND grant_date < %(end_dt)s),
                       (SELECT COUNT(*) FROM credit_contract_reconciliation
                         WHERE company_id = %(company)s AND state = 'done'
                           AND date BETWEEN %(start)s AND %(end)s)
                """,
                company=company.id,
                start=start,
                end=end,
                start_dt=start_dt,
                end_dt=end_dt,
            )
        )
        figures["seal_uses"], figures["reconciliations"] = rows[0]
        return figures
