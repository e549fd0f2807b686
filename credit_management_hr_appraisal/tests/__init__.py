from . import test_template
from . import test_appraisal
from . import test_consequences
from . import test_access
from . import test_training
from . import test_report
from . import test_kpi
from . import test_annual_report
