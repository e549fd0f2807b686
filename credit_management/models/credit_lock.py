# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The credit checks of one customer, one at a time and each in its turn.

Odoo runs every transaction in REPEATABLE READ: a check that waited for another check of the same
customer reads a snapshot older than that check's commit, so it must start again (Odoo retries a
serialization failure up to 5 times, after a random pause). Locking alone lets a check that waited
lose again on each retry to checks that arrive fresh, and on a busy customer (16 salespeople at the
same instant) run out of tries. So a check that lost reserves its next turn: once its transaction
is rolled back, a connection of its own queues for the customers' locks and keeps them through the
pause, and the retry proceeds on them. A check loses at most once.
"""

import logging
from functools import partial

from psycopg2 import errors

from odoo import sql_db
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# First key of the advisory locks (two int4 keys: this class, the customer id): "CRED".
LOCK_CLASS = 0x43524544
# A reservation whose retry never comes (the process died) frees itself after this idle time.
RESERVATION_IDLE_TIMEOUT = "30s"


def lock_partners_in_turn(cr, partner_ids):
    """Lock the customers ``partner_ids`` until the end of the transaction, in turn.

    Raises the serialization failure (retried by Odoo) when a check of the same customers
    committed after this transaction's snapshot; the retry then has its turn reserved.
    """
    partner_ids = sorted(set(partner_ids))
    reservation = getattr(cr, "_credit_reservation", None)
    reserved = reservation["partner_ids"] if reservation else ()
    unreserved = [partner_id for partner_id in partner_ids if partner_id not in reserved]
    try:
        # One statement: the advisory locks first (a one-time filter, evaluated before any row
        # is read), then the row version tells whether a check committed after this snapshot:
        # if one did, the update fails (expected and retried: not logged as an error).
        cr.execute(
            SQL(
                "UPDATE res_partner SET write_date = write_date WHERE id IN %s "
                "AND (SELECT COUNT(*) FROM (%s) turn) IS NOT NULL",
                tuple(partner_ids),
                _advisory_locks(unreserved),
            ),
            log_exceptions=False,
        )
    except errors.SerializationFailure:
        # Reserve once the rollback has released this transaction's locks (else the reservation
        # would wait for ourselves), before Odoo's pause and retry.
        cr.postrollback.add(partial(_reserve_turn, cr, partner_ids))
        raise


def _advisory_locks(partner_ids):
    """One statement taking the transaction-level locks of the customers, in id order (the
    function is volatile: evaluated after the sort)."""
    return SQL(
        "SELECT pg_advisory_xact_lock(%s, partner_id) FROM unnest(%s::int[]) AS partner_id "
        "ORDER BY partner_id",
        LOCK_CLASS,
        list(partner_ids),
    )


def _reserve_turn(cr, partner_ids):
    if "_obj" not in vars(cr) or cr.closed:
        return  # the cursor is closing (no retry will come), or a test cursor (one connection)
    connection = None
    try:
        connection = sql_db.db_connect(cr.dbname).cursor()
        connection.execute(
            SQL("SET LOCAL idle_in_transaction_session_timeout = %s", RESERVATION_IDLE_TIMEOUT)
        )
        connection.execute(_advisory_locks(partner_ids))
    except Exception:  # pylint: disable=broad-except  # the retry then queues as a new check
        if connection is not None:
            connection.close()
        _logger.exception("Credit check: could not reserve the turn of customers %s", partner_ids)
        return
    cr._credit_reservation = {"partner_ids": frozenset(partner_ids), "cursor": connection}
    # Released at the end of the next transaction of this cursor, committed or not.
    release = partial(_release_turn, cr)
    cr.postcommit.add(release)
    cr.prerollback.add(release)


def _release_turn(cr):
    reservation = vars(cr).pop("_credit_reservation", None)
    if reservation:
        reservation["cursor"].close()  # rolls back its transaction: the locks are released
