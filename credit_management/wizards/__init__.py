from . import credit_reject_wizard
from . import sale_advance_payment_inv
