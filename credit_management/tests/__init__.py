from . import test_security
from . import test_settings
from . import test_exposure
from . import test_hold
from . import test_release
from . import test_concurrency
from . import test_grade
from . import test_scorecard
from . import test_credit_application
from . import test_review
from . import test_hold_report
from . import test_notifications
from . import test_credit_security
from . import test_order_gate
from . import test_order_increase
from . import test_rights_model
from . import test_bad_input
from . import test_hold_without_email
from . import test_warning
from . import test_tour_increase_hold
from . import test_contract_workflow
from . import test_contract_review
from . import test_contract_authorization
from . import test_contract_seal
from . import test_contract_hold
from . import test_contract_performance
from . import test_contract_dispute_complaint
from . import test_contract_figures
from . import test_contract_tour
from . import test_annual_report
from . import test_contract_zh
from . import test_journey_tours

# CPython 3.11.7 (the project's interpreter) parses in a thread-unsafe way: two request threads
# of the test server computing Odoo's static paths at once (each parsing every manifest with
# ast.literal_eval) fail with "SystemError: AST constructor recursion depth mismatch" and the
# browser gets a 500 for the first stylesheet of a tour. Compute them once, before any test.
from odoo.http import root  # pylint: disable=wrong-import-position

root.statics.get("web")
