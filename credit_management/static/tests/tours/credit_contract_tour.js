/** @odoo-module **/
// Contract management in Chinese (zh_CN), one tour per person, run in sequence by
// test_contract_tour.py: the handler drafts a sales contract, the clerk completes the review
// form, the named reviewers review it jointly, the clerk approves it under the handler's
// authorization, logs the contract seal and registers the signature; the customer's order then
// confirms, and an order of a customer without contract is held.
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const current = (label) => ({
    content: `status ${label}`,
    trigger: `.o_statusbar_status .o_arrow_button_current:contains('${label}')`,
});

tours.add("credit_contract_handler_tour", {
    url: "/odoo/action-credit_management.credit_contract_action/new",
    steps: () => [
        {
            content: "subject of the contract",
            trigger: ".o_field_widget[name=title] input",
            run: "edit 风电塔筒钢板供货合同",
        },
        {
            content: "counterparty",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit 华东巡览",
        },
        {
            trigger: ".ui-menu-item a:contains('华东巡览贸易有限公司')",
            run: "click",
        },
        {
            content: "a sales contract (销售合同)",
            trigger: ".o_field_widget[name=type_id] input",
            run: "edit 销售",
        },
        {
            trigger: ".ui-menu-item a:contains('销售合同')",
            run: "click",
        },
        {
            content: "amount",
            trigger: ".o_field_widget[name=amount] input",
            run: "edit 150000",
        },
        {
            content: "immediate settlement (即时清结)",
            trigger: ".o_field_widget[name=settlement_method] select",
            run: 'select "immediate"',
        },
        {
            content: "the standard template",
            trigger: ".o_field_widget[name=template_id] input",
            run: "edit 标准",
        },
        {
            trigger: ".ui-menu-item a:contains('标准合同文本')",
            run: "click",
        },
        {
            content: "the clauses of the template are listed",
            trigger: ".o_field_widget[name=clause_ids] .o_data_row:contains('违约责任')",
        },
        {
            content: "every clause is in the text",
            trigger: "button[name=action_include_all_clauses]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=terms_complete] input:checked",
        },
        {
            content: "submit to the credit department",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        current("审查中"),
    ],
});

const passCheck = (label) => [
    {
        content: `${label}: checked, passed`,
        trigger: `.o_field_widget[name=line_ids] .o_data_row:contains('${label}') button[name=action_mark_passed]`,
        run: "click",
    },
    {
        trigger: `.o_field_widget[name=line_ids] .o_data_row:contains('${label}'):contains('通过'):not(:has(button[name=action_mark_passed]))`,
    },
];

tours.add("credit_contract_clerk_review_tour", {
    url: "/odoo/action-credit_management.credit_contract_review_action",
    steps: () => [
        {
            content: "open the review form of the contract",
            trigger: ".o_data_row:contains('华东巡览') td.o_data_cell",
            run: "click",
        },
        {
            content: "the data already decided the automatic checks",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('资信是否保证'):contains('通过')",
        },
        ...passCheck("合法性"),
        ...passCheck("真实性"),
        ...passCheck("可行性"),
        ...passCheck("经营范围"),
        {
            content: "the joint review (会审)",
            trigger: ".o_notebook .nav-link:contains('会审')",
            run: "click",
        },
        {
            content: "the clerk is the legal reviewer: agrees",
            trigger: ".o_field_widget[name=vote_ids] .o_data_row:contains('赵敏') button[name=action_approve]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=vote_ids] .o_data_row:contains('赵敏'):contains('已同意')",
        },
    ],
});

tours.add("credit_contract_reviewer_tour", {
    steps: () => [
        {
            trigger: ".o_notebook .nav-link:contains('会审')",
            run: "click",
        },
        {
            content: "the finance reviewer agrees",
            trigger: ".o_field_widget[name=vote_ids] .o_data_row:contains('王丽') button[name=action_approve]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=vote_ids] .o_data_row:contains('王丽'):contains('已同意')",
        },
    ],
});

tours.add("credit_contract_clerk_sign_tour", {
    steps: () => [
        {
            content: "approve: the handler's authorization letter is checked",
            trigger: "button[name=action_approve]",
            run: "click",
        },
        current("已批准"),
        {
            content: "approved under the authorization letter",
            trigger: ".o-mail-Message-body:contains('SQ/')",
        },
        {
            content: "ask for the contract seal (合同专用章)",
            trigger: "button[name=action_request_seal]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=seal_id] input",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "the seal use of the contract",
            trigger: "button[name=action_view_seal_uses]",
            run: "click",
        },
        {
            content: "the custodian grants and logs the use",
            trigger: "button[name=action_grant]",
            run: "click",
        },
        current("已用印"),
        {
            content: "back to the contract",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('HT/')",
            run: "click",
        },
        {
            content: "register the signature",
            trigger: "button[name=action_sign]",
            run: "click",
        },
        current("履行中"),
    ],
});

tours.add("credit_contract_order_tour", {
    steps: () => [
        {
            content: "confirm the customer's order",
            trigger: "button[name=action_confirm]:visible",
            run: "click",
        },
        {
            content: "confirmed under the contract",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='sale']",
        },
        {
            trigger: ".o_field_widget[name=credit_contract_id]:contains('HT/')",
        },
    ],
});

tours.add("credit_contract_held_order_tour", {
    steps: () => [
        {
            content: "confirm an order of a customer without contract",
            trigger: "button[name=action_confirm]:visible",
            run: "click",
        },
        {
            content: "held: no signed contract (无已签合同)",
            trigger: ".o_field_widget[name=credit_hold_reason]:contains('无已签合同')",
        },
        {
            content: "the salesperson can complain about it",
            trigger: "button[name=action_credit_file_complaint]",
        },
    ],
});
