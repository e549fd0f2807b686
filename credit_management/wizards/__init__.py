from . import credit_reject_wizard
from . import sale_advance_payment_inv
from . import credit_release_wizard
from . import credit_contract_decision_wizard
from . import credit_warning_measure_wizard
from . import credit_annual_report_wizard
