from . import credit_statement
