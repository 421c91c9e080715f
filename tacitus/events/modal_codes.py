"""The CAMEO code an event's modality turns its frame's code into (data/modal_codes.tsv).

The verb lexicon codes what a verb means; CAMEO also codes what was done with it: "will provide
aid" is an expressed intent to give aid (033), not aid (073). These derivations are the code
book's own parallels, written as a table. Some always apply (`rule`); others only add a reading
for the learned reranker to weigh ("will not accept refugees" may be a rejection, 12, or a plain
negated act), because the rules cannot tell them apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import ConfigError
from .modality import MODALITIES

USES = ("rule", "reading")


@dataclass(frozen=True, slots=True)
class ModalCodes:
    table: dict[tuple[str, str, str], str]  # (use, modality, code prefix) -> derived code

    def _lookup(self, use: str, modality: str, code: str) -> str | None:
        for n in range(len(code), 1, -1):
            derived = self.table.get((use, modality, code[:n]))
            if derived is not None:
                return derived
        return None

    def rule(self, modality: str, code: str) -> str:
        """The code the event takes whatever else is known: derived, or the frame's own."""
        return self._lookup("rule", modality, code) or code

    def reading(self, modality: str, code: str) -> str | None:
        """One more code the event may have, for the reranker to weigh; None when there is none."""
        return self._lookup("reading", modality, code)


def parse_modal_codes(text: str, origin: str) -> ModalCodes:
    table: dict[tuple[str, str, str], str] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("modality\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            raise ConfigError(f"{origin}:{n}: expected 4 tab-separated columns, got {line!r}")
        modality, code, derived, use = (c.strip() for c in cols)
        if modality not in MODALITIES or use not in USES:
            raise ConfigError(
                f"{origin}:{n}: modality must be one of {', '.join(MODALITIES)} and use one of "
                f"{', '.join(USES)}, got {modality!r} / {use!r}"
            )
        if not (code.isdigit() and derived.isdigit() and 2 <= len(code) <= 4 and 2 <= len(derived) <= 4):
            raise ConfigError(f"{origin}:{n}: codes must be 2-4 digits, got {code!r} -> {derived!r}")
        if (use, modality, code) in table:
            raise ConfigError(f"{origin}:{n}: {modality} {code} is listed twice for {use}")
        table[(use, modality, code)] = derived
    return ModalCodes(table)


@cache
def load_modal_codes() -> ModalCodes:
    text = resources.files("tacitus.events").joinpath("data", "modal_codes.tsv").read_text(encoding="utf-8")
    return parse_modal_codes(text, "tacitus/events/data/modal_codes.tsv")
