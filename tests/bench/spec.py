"""Sizes of a bench run: the full one of issue 10 and the smoke run of ``make test``."""

FULL = {
    "customers": 5000,
    # open receivable lines (one instalment per invoice), P1 customers included
    "open_lines": 200_000,
    # paid invoices (reconciled receivable lines): the history an open-item query must skip
    "paid_invoices": 50_000,
    # invoices due for their next follow-up level, per customer (5,000 x 4 = 20,000)
    "due_per_customer": 4,
    # P1: (open receivable lines, open orders) of the customer whose order is checked
    "p1": [[10, 1], [1000, 100], [10_000, 1000], [100_000, 1000]],
    # uninvoiced confirmed orders of the other customers (one in every N customers)
    "order_every": 5,
    # draft invoices (exposure component), one in every N customers
    "draft_every": 10,
    "held_orders": 10_000,
    "teams": 5,
    "collectors": 5,
    "p2_customers": 20,
    "p2_orders": 100,
    "list_rows": [20, 80],
    "repeats": 5,
    # statements rendered apart from the run (mail queue, batches): timed on a sample
    "pdf_sample": 100,
    # OCA account_credit_control: lines generated for a sample of the customers (one mail-thread
    # record and one search per invoice: the whole ledger runs far beyond the time budget), one
    # PDF per e-mail inside the sending: both timed on samples and extrapolated
    "peer_followup_customers": 500,
    "peer_mail_sample": 50,
}

SMOKE = {
    "customers": 6,
    "open_lines": 60,
    "paid_invoices": 10,
    "due_per_customer": 4,
    "p1": [[10, 1], [20, 3]],
    "order_every": 2,
    "draft_every": 3,
    "held_orders": 10,
    "teams": 2,
    "collectors": 2,
    "p2_customers": 2,
    "p2_orders": 4,
    "list_rows": [2, 4],
    "repeats": 1,
    "pdf_sample": 1,
    "peer_followup_customers": 2,
    "peer_mail_sample": 1,
}
