from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestCreditSecurity(TransactionCase):
    def test_manager_implies_user_and_both_in_credit_category(self):
        user_group = self.env.ref("credit_management.group_credit_user")
        manager_group = self.env.ref("credit_management.group_credit_manager")
        category = self.env.ref("credit_management.module_category_credit_management")
        self.assertEqual(user_group.category_id, category)
        self.assertEqual(manager_group.category_id, category)
        manager = new_test_user(
            self.env, login="cm_sec_manager", groups="credit_management.group_credit_manager"
        )
        self.assertTrue(manager.has_group("credit_management.group_credit_user"))
