"""`POST /api/code`: code a pasted article in the server process, store nothing.

Why its own module: it is the one endpoint that loads the spaCy model (on its first call, never
at start-up, so a server that is only browsed stays light) and the one that can keep a CPU busy,
so it carries its own limits: text length, a per-client rate and how many codings run at once.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

from tacitus.config import Config
from tacitus.records import Document, Event

# (text, date, source) -> events whose offsets point into `text`
TextCoder = Callable[[str, dt.date | None, str | None], list[Event]]


class LazyTextCoder:
    """Loads the model and the coder (with the config's options) once, on the first call."""

    def __init__(self, config: Config) -> None:
        self._config = config
        self._loaded: tuple[Any, Any] | None = None
        self._lock = threading.Lock()

    def __call__(self, text: str, date: dt.date | None, source: str | None) -> list[Event]:
        nlp, coder = self._load()
        return code_pasted(nlp, coder, text, date, source)

    def _load(self) -> tuple[Any, Any]:
        with self._lock:
            if self._loaded is None:
                from tacitus.events.coder import load_coder
                from tacitus.nlp import load_nlp

                self._loaded = (load_nlp(self._config.nlp.model), load_coder(self._config.coder_options()))
            return self._loaded


def code_pasted(nlp: Any, coder: Any, text: str, date: dt.date | None, source: str | None) -> list[Event]:
    """Code `text` as given (no clutter removal), so every offset points into it."""
    from tacitus.nlp import parse
    from tacitus.prepare import content_id

    doc = Document(
        id=content_id(text), ref=source or "<pasted>", origin="<pasted>", text=text, source=source,
        date=date, date_source="explicit" if date else "unknown", lang="en",
    )
    [doc.sentences] = list(parse(nlp, [text]))
    return coder.code_document(doc)
