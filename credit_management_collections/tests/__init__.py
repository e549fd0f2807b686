from . import test_followup_config
from . import test_followup_run
from . import test_followup_fees
from . import test_followup_multicompany
