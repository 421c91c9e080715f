"""Tacitus: political event data from raw news.

Nothing heavy happens at import time: the spaCy model, lexicons and store are loaded on demand
and passed down explicitly.
"""

__version__ = "0.1.0"
