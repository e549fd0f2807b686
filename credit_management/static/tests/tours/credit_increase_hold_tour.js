/** @odoo-module **/
// The increase of a confirmed order held until a credit manager releases it (issue 17), as its
// users live it, in Chinese: the salesperson adds a line, the delivery waits, the credit
// manager releases, the delivery goes. Selectors use field and button names, the checks the
// Chinese texts of the suite.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("credit_increase_hold_salesperson", {
    steps: () => [
        {
            content: "The confirmed order is open, with its delivery",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current[data-value=sale]",
        },
        {
            content: "Add a product line",
            trigger: "div[name=order_line] .o_field_x2many_list_row_add a:first",
            run: "click",
        },
        {
            trigger: "div[name=order_line] .o_selected_row div[name=product_template_id] input",
            run: "edit Tour Coil",
        },
        {
            trigger: "ul.ui-autocomplete a:contains(Tour Coil)",
            run: "click",
        },
        {
            // the unit price, not the amount: the amount column is the subtotal or the total
            // with taxes, as the company displays prices (a Chinese company shows taxes included)
            content: "Wait for the product's price",
            trigger: "div[name=order_line] .o_selected_row div[name=price_unit] input:value(1.00)",
        },
        {
            content: "A big line: far above the customer's limit",
            trigger: "div[name=order_line] .o_selected_row div[name=price_unit] input",
            run: "edit 900000 && press Tab",
        },
        {
            trigger: "div[name=order_line] .o_data_row:contains(900,000.00)",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The increase is held: the red banner tells why, in Chinese",
            trigger: ".o_form_view .alert-danger:contains(信用冻结):contains(已确认订单的增加部分)",
        },
        {
            trigger: ".o_form_view .alert-danger:contains(超出信用额度)",
        },
    ],
});

registry.category("web_tour.tours").add("credit_increase_hold_delivery_waits", {
    steps: () => [
        {
            trigger: ".o_form_view button[name=button_validate]",
            run: "click",
        },
        {
            content: "Validation refused, with the reason",
            trigger: ".modal .modal-body:contains(处于信用冻结):contains(不能发货)",
        },
        {
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});

registry.category("web_tour.tours").add("credit_increase_hold_release", {
    steps: () => [
        {
            trigger: ".o_form_view .alert-danger:contains(信用冻结)",
        },
        {
            content: "The credit manager releases the increase",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_credit_release]:visible",
            run: "click",
        },
        {
            content: "Confirm the release",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "No hold any more",
            trigger: ".o_form_view:not(:has(.alert-danger))",
        },
    ],
});

registry.category("web_tour.tours").add("credit_increase_hold_delivery_goes", {
    steps: () => [
        {
            trigger: ".o_form_view button[name=button_validate]",
            run: "click",
        },
        {
            content: "The delivery is done",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current[data-value=done]",
        },
    ],
});
