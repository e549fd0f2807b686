from . import credit_reject_wizard
