from . import credit_followup_run_wizard
