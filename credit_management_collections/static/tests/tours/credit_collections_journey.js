/** @odoo-module **/
// 4. Collections in zh_CN (tests/test_journey_tours.py): run the follow-up, print a letter,
// confirm an agency level and open its case, record a promise to pay, request a bad-debt
// write-off that the credit manager approves. Selectors use names and the test's own data.

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

function inDays(days) {
    const date = new Date();
    date.setDate(date.getDate() + days);
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

tours.add("credit_collections_followup", {
    steps: () => [
        {
            content: "Run the follow-up of today",
            trigger: ".modal button[name='action_run']:enabled, .o_form_view button[name='action_run']:enabled",
            run: "click",
        },
        {
            content: "The run is done: its communications",
            trigger: ".o_form_view button[name='action_view_communications']:enabled",
            run: "click",
        },
        {
            // the run's form lists its communications too: wait for the list action itself
            content: "The communications of the run",
            trigger: ".o_action_manager:not(:has(.o_form_view)) .o_list_view .o_data_row",
        },
        {
            content: "Open the letter of 旅程客户戊",
            trigger: ".o_list_view .o_data_row:contains('旅程客户戊') td[name='partner_id']",
            run: "click",
        },
        {
            content: "A letter to print, with its overdue invoice",
            trigger: ".o_form_view .o_field_widget[name='line_ids'] .o_data_row",
        },
        {
            content: "Print the letter",
            trigger: ".o_form_view button[name='action_print_letters']:enabled",
            run: "click",
        },
        {
            content: "Printed: done",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='done']",
        },
        {
            content: "Back to the communications",
            trigger: ".o_breadcrumb li.breadcrumb-item:nth-last-child(1) a, .o_breadcrumb .o_back_button a",
            run: "click",
        },
        {
            content: "The agency level of 旅程客户己 waits for a confirmation",
            trigger: ".o_list_view .o_data_row:contains('旅程客户己') td[name='partner_id']",
            run: "click",
        },
        {
            content: "Its form is loaded",
            trigger: ".o_last_breadcrumb_item:contains('旅程客户己')",
        },
        {
            content: "Confirm the handover to an agency",
            trigger: ".o_form_view button[name='action_confirm_communication']:enabled",
            run: "click",
        },
        {
            content: "Confirmed",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:not([data-value='to_confirm'])",
        },
        {
            content: "Open the agency case",
            trigger: ".o_form_view .o_credit_create_case",
            run: "click",
        },
        {
            content: "The agency",
            trigger: ".o_form_view .o_field_widget[name='agency_partner_id'] input",
            run: "edit 旅程催收公司",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-menu .dropdown-item:contains('旅程催收公司')",
            run: "click",
        },
        {
            content: "The case lists the invoices handed over",
            trigger: ".o_form_view .o_field_widget[name='invoice_ids'] .o_data_row",
        },
        {
            content: "Submit the case for review before handover",
            trigger: ".o_form_view button[name='action_submit']:enabled",
            run: "click",
        },
        {
            content: "In review",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='review']",
        },
    ],
});

tours.add("credit_collections_promise", {
    steps: () => [
        {
            content: "The customer promises to pay: log it",
            trigger: ".o_data_row:contains('旅程客户戊') button[name='action_log_promise']:enabled",
            run: "click",
        },
        {
            content: "Pay by",
            trigger: ".modal .o_field_widget[name='promise_date'] input",
            run: `edit ${inDays(10)}`,
        },
        {
            content: "How much",
            trigger: ".modal .o_field_widget[name='promise_amount'] input",
            run: "edit 12000",
        },
        {
            content: "Log the promise",
            trigger: ".modal button[name='action_confirm']:enabled",
            run: "click",
        },
        {
            content: "Logged",
            trigger: "body:not(:has(.modal))",
        },
    ],
});

tours.add("credit_collections_writeoff_request", {
    steps: () => [
        {
            content: "The customer whose debt is lost",
            trigger: ".o_form_view .o_field_widget[name='partner_id'] input",
            run: "edit 旅程客户庚",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-menu .dropdown-item:contains('旅程客户庚')",
            run: "click",
        },
        {
            // the invoices offered are the customer's: wait until the record has it (the
            // many2one shows its link button once it holds a value)
            content: "The customer is set",
            trigger: ".o_form_view .o_field_widget[name='partner_id']:has(.o_external_button)",
        },
        {
            content: "Add its invoices",
            trigger: ".o_form_view .o_field_widget[name='invoice_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "The uncollectable invoice",
            trigger: ".modal .o_list_view .o_data_row:first-child td.o_list_record_selector input",
            run: "click",
        },
        {
            content: "Select",
            trigger: ".modal .o_select_button:enabled",
            run: "click",
        },
        {
            content: "Why",
            trigger: ".o_form_view .o_field_widget[name='reason'] textarea",
            run: "edit 客户已破产, 清算无财产可供分配",
        },
        {
            content: "Submit for approval",
            trigger: ".o_form_view button[name='action_submit']:enabled",
            run: "click",
        },
        {
            content: "To approve",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='to_approve']",
        },
    ],
});

tours.add("credit_collections_writeoff_approval", {
    steps: () => [
        {
            content: "The request, with its amount",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='to_approve']",
        },
        {
            content: "Approve: the entry is posted",
            trigger: ".o_form_view button[name='action_approve']:enabled",
            run: "click",
        },
        {
            content: "Confirm: the invoices are written off",
            trigger: ".modal-footer .btn-primary:enabled",
            run: "click",
        },
        {
            content: "Approved and posted, the entry is linked",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='posted']",
        },
        {
            content: "The write-off entry",
            trigger: ".o_form_view .o_field_widget[name='move_id'] a, .o_form_view .o_field_widget[name='move_id']:not(:empty)",
        },
    ],
});
