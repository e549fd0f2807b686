from . import test_security
from . import test_grade
from . import test_scorecard
from . import test_credit_application
from . import test_review
