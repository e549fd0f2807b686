from . import test_followup_config
from . import test_followup_run
from . import test_followup_fees
from . import test_followup_multicompany
from . import test_ageing
from . import test_case
from . import test_writeoff
from . import test_collector_kpis
