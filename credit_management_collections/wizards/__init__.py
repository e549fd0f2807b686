from . import credit_collection_kpi_wizard
