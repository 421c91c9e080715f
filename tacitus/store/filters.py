"""Which events a corpus query covers: one filter record shared by the CLI, the API and exports.

Why a record and not keyword arguments: the same question ("USA-PRK consultations in 1997,
asserted only") goes through listings, counts, clusters, dyad series and exports, and it is
validated once, here, with errors that say what is valid.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tacitus.errors import ConfigError

# Event modalities (tacitus.events.modality.MODALITIES), repeated so the store needs no import
# of the coder.
MODALITIES = ("asserted", "negated", "intended", "hypothetical", "claimed")
_ACTOR = re.compile(r"^[A-Z0-9]{2,18}$")
_CODE = re.compile(r"^\d{2,4}$")
MAX_TEXT = 200


class FilterError(ConfigError, ValueError):
    """A filter value is malformed or out of range; the message says what is valid."""


@dataclass(slots=True, frozen=True)
class EventFilter:
    """Conditions an event must meet; None (or the default) means "any".

    - `dyad`: two actors, each an actor code ("USAGOV") or a country code ("USA", matching any
      actor of that country); either order unless `directed` (then source, target).
    - `actor`: an actor code or country code on either side.
    - `code`: a CAMEO code prefix, "04" (any consultation) or "043".
    - `date_from` / `date_to`: inclusive; an event dated only to a month or year is kept when its
      range overlaps the filter's (a "1997-11" event is in a filter from 1997-11-15); undated
      events are left out whenever either bound is set.
    - `include_historical=False` leaves out background events.
    - `text`: a case-insensitive substring of the event's sentence.
    Codes are upper-cased; ISO date strings are accepted for the dates.
    """

    dyad: tuple[str, str] | None = None
    directed: bool = False
    actor: str | None = None
    code: str | None = None
    quad_class: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    modality: str | None = None
    include_historical: bool = True
    doc_id: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        if self.dyad is not None:
            if isinstance(self.dyad, str) or len(self.dyad) != 2:
                raise FilterError(f"dyad must be two actor or country codes, got {self.dyad!r}")
            self._set("dyad", (_actor(self.dyad[0], "dyad"), _actor(self.dyad[1], "dyad")))
        elif self.directed:
            raise FilterError("directed=True needs a dyad (source, target)")
        if self.actor is not None:
            self._set("actor", _actor(self.actor, "actor"))
        if self.code is not None and not _CODE.match(str(self.code)):
            raise FilterError(f"code must be a CAMEO code prefix of 2 to 4 digits (\"04\", \"043\"), got {self.code!r}")
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise FilterError(f"quad_class must be 1, 2, 3 or 4, got {self.quad_class!r}")
        self._set("date_from", _date(self.date_from, "date_from"))
        self._set("date_to", _date(self.date_to, "date_to"))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise FilterError(f"date_from {self.date_from} is after date_to {self.date_to}")
        if self.modality is not None and self.modality not in MODALITIES:
            raise FilterError(f"unknown modality {self.modality!r}; valid: {', '.join(MODALITIES)}")
        if self.doc_id is not None and not str(self.doc_id).strip():
            raise FilterError("doc_id must not be empty")
        if self.text is not None and not (0 < len(self.text.strip()) <= MAX_TEXT):
            raise FilterError(f"text must be 1 to {MAX_TEXT} characters, got {len(self.text)}")

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)  # normalising a frozen record in its constructor

    def is_empty(self) -> bool:
        return self == EventFilter()


def _actor(value: object, what: str) -> str:
    code = str(value).strip().upper() if value is not None else ""
    if not _ACTOR.match(code):
        raise FilterError(
            f"{what}: {value!r} is not an actor or country code (2 to 18 letters or digits, "
            "e.g. USA, PRKGOV, IGOUNO)"
        )
    return code


def _date(value: object, what: str) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value  # type: ignore[return-value]
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise FilterError(f"{what} must be a date (YYYY-MM-DD), got {value!r}")
