from . import test_security
from . import test_settings
from . import test_exposure
from . import test_hold
from . import test_release
from . import test_concurrency
