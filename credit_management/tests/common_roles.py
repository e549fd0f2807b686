# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The roles of the suite as test users, shared by the rights and screen tests of every module.

``create_credit_roles(env, company)`` returns {role: res.users}. Groups of modules that are not
installed are left out (an HR officer without ``hr`` is a plain internal user), so a module's own
tests can use the roles it knows. Add a role here, not in a test file.

The appraisal roles get employees when ``hr`` is installed: the appraiser's employee manages the
appraised clerk's (a credit clerk, ``is_credit_clerk``).
"""

from odoo import Command

# role: groups as xml ids (internal roles also get base.group_user and Contact Creation)
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
    # the credit department's analysts and managers also sell (the demo's shape)
    "credit_analyst": ("credit_management.group_credit_user", "sales_team.group_sale_salesman"),
    "credit_manager": (
        "credit_management.group_credit_manager",
        "sales_team.group_sale_salesman",
    ),
    # an accountant (billing) who runs the follow-up of overdue invoices
    "followup_accountant": (
        "account.group_account_invoice",
        "credit_management.group_credit_user",
    ),
    "hr_officer": ("hr.group_hr_user",),
    "appraiser": ("base.group_user",),
    # a credit (contract) clerk as the employee appraised
    "appraised_clerk": ("credit_management.group_credit_user",),
    "legal_representative": (
        "credit_management.group_credit_legal_representative",
        "credit_management_hr_appraisal.group_appraisal_approver",
    ),
    "portal": ("base.group_portal",),
}


def create_credit_roles(env, company, prefix="role", roles=None, lang=None):
    """One user per role in ``company`` (login ``<prefix>_<role>``, password = login).

    Every internal role also gets "Contact Creation" and "Access to export feature", as internal
    users of a standard database do: contacts are edited and exported that way, and the credit
    fields must resist it.
    The portal user's contact is a contact of a customer company (``users["portal"].partner_id``
    has a parent ``portal_company``).

    :param roles: the roles to create (default: all)
    :param lang: language of the users (an active language code)
    """
    users = {}
    partner_manager = env.ref("base.group_partner_manager")
    for role in roles or ROLE_GROUPS:
        group_ids = [
            group.id
            for group in (env.ref(xmlid, raise_if_not_found=False) for xmlid in ROLE_GROUPS[role])
            if group
        ]
        if role != "portal":
            group_ids.append(partner_manager.id)
            group_ids.append(env.ref("base.group_user").id)
            group_ids.append(env.ref("base.group_allow_export").id)
        login = f"{prefix}_{role}"
        vals = {
            "name": f"{role.replace('_', ' ').title()} ({prefix})",
            "login": login,
            "password": login,
            "email": f"{login}@example.com",
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "groups_id": [Command.set(group_ids)],
        }
        if lang:
            vals["lang"] = lang
        users[role] = (
            env["res.users"]
            .with_context(no_reset_password=True, mail_create_nolog=True)
            .create(vals)
        )
    if "portal" in users:
        portal_company = env["res.partner"].create(
            {"name": f"Portal customer ({prefix})", "is_company": True, "company_id": False}
        )
        users["portal"].partner_id.parent_id = portal_company
    appraisal = "hr.employee" in env and "is_credit_clerk" in env["hr.employee"]._fields
    if appraisal and {"appraiser", "appraised_clerk"} <= set(users):
        Employee = env["hr.employee"].with_company(company)
        manager = Employee.create(
            {"name": users["appraiser"].name, "user_id": users["appraiser"].id}
        )
        Employee.create(
            {
                "name": users["appraised_clerk"].name,
                "user_id": users["appraised_clerk"].id,
                "parent_id": manager.id,
                "is_credit_clerk": True,
            }
        )
    return users
