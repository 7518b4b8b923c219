"""docctl: document control and policy-as-code for quality systems kept in git."""

__version__ = "0.1.0"
