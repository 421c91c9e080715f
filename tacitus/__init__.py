"""Tacitus: political event data from raw news.

Nothing heavy happens at import time: the spaCy model, lexicons and store are loaded on demand
and passed down explicitly. `code_text` is the one-call API.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .actors.lexicon import ActorLexicon
    from .records import Event


def code_text(
    text: str, date: dt.date | str | None = None, source: str | None = None, learned: bool = False,
    actors: ActorLexicon | None = None,
) -> list[Event]:
    """Events coded from `text` (see tacitus.api.code_text)."""
    from .api import code_text as _code_text

    return _code_text(text, date=date, source=source, learned=learned, actors=actors)
