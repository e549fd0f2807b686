/** @odoo-module **/
// 5. The year-end appraisal of a credit clerk in zh_CN (tests/test_journey_tours.py): HR creates
// it from the 19-item template, the appraiser scores it, the credit department reviews it and
// the legal representative approves the award. Selectors use names, never translated labels.

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// The template's points (manual's order), the scores the appraiser gives: 98, 先进.
const POINTS = [3, 5, 3, 3, 3, 6, 4, 4, 5, 6, 5, 6, 6, 4, 6, 10, 5, 6, 10];
const SCORES = POINTS.map((points, index) => (index === POINTS.length - 1 ? points - 2 : points));

function statusIs(state) {
    return {
        content: `The appraisal is ${state}`,
        trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='${state}']`,
    };
}

tours.add("credit_appraisal_hr_creates", {
    steps: () => [
        {
            content: "The clerk appraised",
            trigger: ".o_form_view .o_field_widget[name='employee_id'] input",
            run: "edit 旅程管理员",
        },
        {
            content: "Pick the clerk",
            trigger: ".o-autocomplete--dropdown-menu .dropdown-item:contains('旅程管理员')",
            run: "click",
        },
        {
            content: "The year reads as a year (2026, not 2,026)",
            trigger: ".o_form_view .o_field_widget[name='year'] input",
            run() {
                const year = String(new Date().getFullYear());
                if (this.anchor.value !== year) {
                    throw new Error(`year shown as ${this.anchor.value}, not ${year}`);
                }
            },
        },
        {
            content: "The template's 19 items, in Chinese",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:nth-child(19) td[name='name']:contains('创新')",
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
        statusIs("draft"),
    ],
});

tours.add("credit_appraisal_appraiser_scores", {
    steps: () => [
        statusIs("draft"),
        ...SCORES.flatMap((score, index) => [
            {
                content: `Item ${index + 1}`,
                trigger: `.o_field_widget[name='line_ids'] .o_data_row:nth-child(${index + 1}) td[name='score']`,
                run: "click",
            },
            {
                content: `${score} points`,
                trigger: `.o_field_widget[name='line_ids'] .o_data_row:nth-child(${index + 1}) td[name='score'] input`,
                run: `edit ${score}`,
            },
        ]),
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
            content: "98 points: advanced (先进)",
            trigger: ".o_form_view .o_field_widget[name='total_score']:contains('98')",
        },
        {
            content: "Send it to the credit department",
            trigger: ".o_form_view button[name='action_submit']:enabled",
            run: "click",
        },
        statusIs("submitted"),
    ],
});

tours.add("credit_appraisal_credit_department_reviews", {
    steps: () => [
        statusIs("submitted"),
        {
            content: "Reviewed by the credit department",
            trigger: ".o_form_view button[name='action_review']:enabled",
            run: "click",
        },
        statusIs("reviewed"),
    ],
});

tours.add("credit_appraisal_legal_representative_approves", {
    steps: () => [
        statusIs("reviewed"),
        {
            content: "The award is approved by the legal representative",
            trigger: ".o_form_view button[name='action_approve']:enabled",
            run: "click",
        },
        statusIs("approved"),
        {
            content: "Marked as an award",
            trigger: ".o_form_view .o_widget_web_ribbon .ribbon",
        },
    ],
});
