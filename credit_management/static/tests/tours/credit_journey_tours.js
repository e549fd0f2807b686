/** @odoo-module **/
// The journeys of the sales and credit people, run in zh_CN by tests/test_journey_tours.py:
// selectors use field names, button names and the test's own data, never translated labels.

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// 1. The salesperson confirms an over-limit quotation: it stays a quotation with the hold
//    banner, its reasons and figures.
tours.add("credit_salesperson_over_limit", {
    steps: () => [
        {
            content: "The quotation of a customer near its limit",
            trigger: ".o_form_view .o_field_widget[name='partner_id'] input:value('旅程客户甲')",
        },
        {
            content: "Confirm it",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_confirm']:visible:enabled",
            run: "click",
        },
        {
            content: "Told at once: held for a credit manager",
            trigger: ".o_notification_manager .o_notification",
        },
        {
            content: "The red banner gives the reasons and the figures, in yuan",
            trigger: ".o_form_view .alert-danger [name='credit_hold_reason']:contains('¥')",
        },
        {
            content: "Still a quotation, marked on credit hold",
            trigger:
                ".o_form_view:has(.o_widget_web_ribbon .ribbon) " +
                ".o_statusbar_status button.o_arrow_button_current[data-value='draft']",
        },
    ],
});

// 1b. A healthy customer's quotation is confirmed.
tours.add("credit_salesperson_healthy", {
    steps: () => [
        {
            content: "The quotation of a healthy customer",
            trigger: ".o_form_view .o_field_widget[name='partner_id'] input:value('旅程客户乙')",
        },
        {
            content: "Confirm it",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_confirm']:visible:enabled",
            run: "click",
        },
        {
            content: "It is a sales order",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='sale']",
        },
    ],
});

// 2. The credit manager works the hold queue: releases one order with a note, rejects another
//    with a reason; the chatter says who, when and how much.
tours.add("credit_manager_hold_queue", {
    steps: () => [
        {
            content: "The hold queue lists the held orders",
            trigger: ".o_list_view .o_data_row:contains('旅程客户丙')",
        },
        {
            content: "Open the order of 旅程客户甲",
            trigger: ".o_list_view .o_data_row:contains('旅程客户甲') td[name='partner_id']",
            run: "click",
        },
        {
            content: "The credit review shows the hold reasons",
            trigger: ".o_form_view .alert-danger [name='credit_hold_reason']:contains('¥')",
        },
        {
            content: "Release it",
            trigger: ".o_form_view button[name='action_credit_release_wizard']:enabled",
            run: "click",
        },
        {
            content: "With a note",
            trigger: ".modal .o_field_widget[name='note'] textarea",
            run: "edit 已收到银行保函",
        },
        {
            content: "Release and confirm",
            trigger: ".modal button[name='action_release']:enabled",
            run: "click",
        },
        {
            content: "Confirmed",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='sale']",
        },
        {
            content: "The chatter says who released it, when, for how much, and why",
            trigger: ".o-mail-Message:contains('已收到银行保函'):contains('¥'):has(.o-mail-Message-author)",
        },
        {
            content: "Back to the queue",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        {
            content: "Open the order of 旅程客户丙",
            trigger: ".o_list_view .o_data_row:contains('旅程客户丙') td[name='partner_id']",
            run: "click",
        },
        {
            content: "Reject it",
            trigger: ".o_form_view button[name='action_credit_reject']:enabled",
            run: "click",
        },
        {
            content: "With the reason",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit 逾期未付, 请先收款",
        },
        {
            content: "Reject",
            trigger: ".modal button[name='action_reject']:enabled",
            run: "click",
        },
        {
            content: "The chatter says who rejected it and why",
            trigger: ".o-mail-Message:contains('逾期未付'):has(.o-mail-Message-author)",
        },
    ],
});

// 3. The credit analyst files a credit application, fills the scorecard, reads the grade and
//    the suggested limit, and submits it.
tours.add("credit_analyst_application", {
    steps: () => [
        {
            content: "A new credit application",
            trigger: ".o_form_view .o_field_widget[name='partner_id'] input",
            run: "edit 旅程客户丁",
        },
        {
            content: "The customer",
            trigger: ".o-autocomplete--dropdown-menu .dropdown-item:contains('旅程客户丁')",
            run: "click",
        },
        {
            content: "The limit requested",
            trigger: ".o_form_view .o_field_widget[name='requested_limit'] input",
            run: "edit 200000",
        },
        {
            content: "The scorecard's criteria are listed",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:nth-child(7)",
        },
        {
            content: "Management quality: expert score",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:nth-child(6) td[name='score']",
            run: "click",
        },
        {
            content: "90 points",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:nth-child(6) td[name='score'] input",
            run: "edit 90",
        },
        {
            content: "Market outlook: expert score",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:nth-child(7) td[name='score']",
            run: "click",
        },
        {
            content: "85 points",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:nth-child(7) td[name='score'] input",
            run: "edit 85",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "The grade is proposed",
            trigger: ".o_form_view .o_field_widget[name='proposed_grade_id']:not(:empty) span:not(:empty), .o_form_view .o_field_widget[name='proposed_grade_id'] a",
        },
        {
            content: "With its suggested limit, in yuan",
            trigger: ".o_form_view .o_field_widget[name='suggested_limit']:contains('¥')",
        },
        {
            content: "Submit for approval",
            trigger: ".o_form_view button[name='action_submit']:enabled",
            run: "click",
        },
        {
            content: "Submitted",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
    ],
});

// 3b. The credit manager (the approver of this level) approves: the customer's limit changes.
tours.add("credit_manager_approves_application", {
    steps: () => [
        {
            content: "The submitted application, with its score",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
        {
            content: "Approve",
            trigger: ".o_form_view button[name='action_approve']:enabled",
            run: "click",
        },
        {
            content: "Approved",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
        {
            // the application keeps the limit it was filed against; the customer's new limit is
            // the approved one (checked on the customer by the test)
            content: "The approved limit",
            trigger: ".o_form_view .o_field_widget[name='approved_limit']:contains('200,000')",
        },
    ],
});
