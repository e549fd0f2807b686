# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def uninstall_hook(env):
    """Scorecard lines of credit applications and early warnings name criteria and indicators
    that come from this module's data, which may not be deleted while they do. Those documents
    go with the module's tables anyway: deleted first (in SQL, the workflow guard refuses to
    delete decided applications), so that Odoo removes its data without a foreign-key error."""
    # The indexes this module added to Odoo's tables (``init`` of account.move and its lines)
    # would outlive it, maintained for nobody.
    env.cr.execute("DROP INDEX IF EXISTS account_move_line_credit_open_idx")
    env.cr.execute("DROP INDEX IF EXISTS account_move_credit_draft_idx")
    env.cr.execute("DELETE FROM credit_application_line")
    env.cr.execute("DELETE FROM credit_warning")
    # Activities of the activity types this module brings (credit reviews, holds...) go with
    # their types; the stock moves of the orders of its demo data stay, and so do the products
    # they move: those products are left to the database, not deleted with the module's data.
    env.cr.execute(
        """
        DELETE FROM mail_activity
         WHERE activity_type_id IN (
                SELECT res_id FROM ir_model_data
                 WHERE module = 'credit_management' AND model = 'mail.activity.type')
        """
    )
    env.cr.execute(
        """
        DELETE FROM ir_model_data d
         WHERE d.module = 'credit_management'
           AND (
                (d.model = 'product.product' AND EXISTS (
                    SELECT 1 FROM stock_move m WHERE m.product_id = d.res_id))
             OR (d.model = 'product.template' AND EXISTS (
                    SELECT 1 FROM stock_move m
                      JOIN product_product p ON p.id = m.product_id
                     WHERE p.product_tmpl_id = d.res_id))
           )
        """
    )
