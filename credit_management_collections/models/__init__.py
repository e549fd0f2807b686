from . import res_company
from . import res_config_settings
from . import res_users
from . import credit_collection_case
from . import credit_writeoff
from . import credit_ageing_report
from . import credit_overdue_customer_report
from . import credit_collection_kpi_report
