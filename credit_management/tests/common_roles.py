# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The roles of the suite as test users, shared by the rights tests of every module.

``create_credit_roles(env, company)`` returns {role: res.users}. Groups of modules that are not
installed are left out (an HR officer without ``hr`` is a plain internal user), so a module's own
tests can use the roles it knows. Add a role here, not in a test file.
"""

from odoo import Command

# role: (login suffix, groups as xml ids)
ROLE_GROUPS = {
    "salesperson": ("sales_team.group_sale_salesman",),
    "sales_manager": ("sales_team.group_sale_manager",),
    "invoicing_user": ("account.group_account_invoice",),
    "accountant": ("account.group_account_manager",),
    "credit_clerk": ("credit_management.group_credit_user",),
    "credit_clerk_sales": (
        "credit_management.group_credit_user",
        "sales_team.group_sale_salesman",
    ),
    "credit_analyst": ("credit_management.group_credit_user",),
    "credit_manager": ("credit_management.group_credit_manager",),
    "hr_officer": ("hr.group_hr_user",),
    "appraiser": ("base.group_user",),
    "legal_representative": (
        "credit_management.group_credit_legal_representative",
        "credit_management_hr_appraisal.group_appraisal_approver",
    ),
    "portal": ("base.group_portal",),
}


def create_credit_roles(env, company, prefix="role"):
    """One user per role in ``company`` (login ``<prefix>_<role>``, password = login).

    Every internal role also gets "Contact Creation" and "Access to export feature", as internal
    users of a standard database do: contacts are edited and exported that way, and the credit
    fields must resist it.
    The portal user's contact is a contact of a customer company (``users["portal"].partner_id``
    has a parent ``portal_company``).
    """
    users = {}
    partner_manager = env.ref("base.group_partner_manager")
    for role, groups in ROLE_GROUPS.items():
        group_ids = [
            group.id
            for group in (env.ref(xmlid, raise_if_not_found=False) for xmlid in groups)
            if group
        ]
        if role != "portal":
            group_ids.append(partner_manager.id)
            group_ids.append(env.ref("base.group_user").id)
            group_ids.append(env.ref("base.group_allow_export").id)
        login = f"{prefix}_{role}"
        users[role] = (
            env["res.users"]
            .with_context(no_reset_password=True, mail_create_nolog=True)
            .create(
                {
                    "name": f"{role.replace('_', ' ').title()} ({prefix})",
                    "login": login,
                    "password": login,
                    "email": f"{login}@example.com",
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "groups_id": [Command.set(group_ids)],
                }
            )
        )
    portal_company = env["res.partner"].create(
        {"name": f"Portal customer ({prefix})", "is_company": True, "company_id": False}
    )
    users["portal"].partner_id.parent_id = portal_company
    return users
