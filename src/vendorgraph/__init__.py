"""vendorgraph: read GDPR privacy policies into a knowledge graph of vendors and data flows.

The public API lives in :mod:`vendorgraph.api`; nothing heavy is imported here.

>>> import vendorgraph
>>> vendorgraph.__version__
'0.1.0'
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
