from . import credit_contract_violation_wizard
