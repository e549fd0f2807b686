from . import credit_followup_run_wizard
from . import credit_collection_kpi_wizard
from . import credit_warning_measure_wizard
from . import credit_collection_contact_wizard
