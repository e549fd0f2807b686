from . import test_ageing
from . import test_case
from . import test_writeoff
