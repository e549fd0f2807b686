/** @odoo-module **/
// Journeys of the collections team and of the customer, run by tests/test_tours.py in zh_CN:
// selectors use names and classes, never the (translated) labels.

import { registry } from "@web/core/registry";

function inDays(days) {
    const date = new Date();
    date.setDate(date.getDate() + days);
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

registry.category("web_tour.tours").add("credit_portal_promise_to_pay", {
    url: "/my/credit",
    steps: () => [
        {
            content: "The overdue invoice is listed with its ageing",
            trigger: ".o_credit_portal_invoices tr[data-invoice] .badge.text-bg-danger",
        },
        {
            content: "I will pay on…",
            trigger: ".o_credit_promise_button",
            run: "click",
        },
        {
            content: "Choose the date",
            trigger: ".o_credit_promise_form.show input[name='promise_date']",
            run() {
                this.anchor.value = inDays(7);
            },
        },
        {
            content: "Amount",
            trigger: ".o_credit_promise_form.show input[name='amount']",
            run: "edit 600",
        },
        {
            content: "Confirm the promise",
            trigger: ".o_credit_promise_form.show .o_credit_promise_submit",
            run: "click",
        },
        {
            content: "The promise is recorded",
            trigger: ".o_credit_portal_success",
        },
        {
            content: "The invoice now reads promised",
            trigger: ".o_credit_portal_invoices .badge.text-bg-info",
        },
    ],
});

registry.category("web_tour.tours").add("credit_collector_day", {
    url: "/odoo/action-credit_management_collections.credit_collection_worklist_action",
    steps: () => [
        {
            content: "Today's list, most urgent first: customer A",
            trigger: ".o_data_row:first-child td[name='partner_id']:contains('Tour Customer A')",
        },
        {
            content: "Called A, no answer: one click",
            trigger: ".o_data_row:contains('Tour Customer A') button[name='action_log_no_answer']",
            run: "click",
        },
        {
            content: "A's next contact moved to tomorrow: off today's list (or greyed out)",
            trigger: ".o_list_renderer:not(:has(.o_data_row:not(.text-muted):contains('Tour Customer A')))",
        },
        {
            content: "Customer B disputes an invoice",
            trigger: ".o_data_row:contains('Tour Customer B') button[name='action_log_dispute']",
            run: "click",
        },
        {
            content: "The reason",
            trigger: ".modal div[name='dispute_reason'] input",
            run: "edit 货物质量问题 Quality complaint",
        },
        {
            content: "Log the contact",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "B is done for today too",
            trigger: ".o_list_renderer:not(:has(.o_data_row:not(.text-muted):contains('Tour Customer B')))",
        },
    ],
});
