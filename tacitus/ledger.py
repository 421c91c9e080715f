"""The input ledger: which raw input became which document, so a rerun skips work before it starts.

Why a ledger and not the content id alone: a document's id is a hash of its *clean* text, and the
clean text only exists after extraction (trafilatura, jusText, dateline parsing) - the work a
rerun wants to skip. The main process can hash the *raw* input as read in microseconds, so the
ledger keys on (origin, record, raw hash, `prepared_by`) and answers, before any worker is
involved: this exact input, prepared by this exact extraction code with these options, became
document X (or was rejected with reason R). Rows are facts that never change (insert-only); a
changed file, changed extraction code or changed options simply misses and is prepared again, and
the content id still stops it from being stored twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .records import RawInput

if TYPE_CHECKING:  # prepare imports the extractors; the store imports this module
    from .prepare import PrepareOptions

# What turns a raw input into a Document: a change to any of these files changes `prepared_by`.
PREPARE_PARTS = ("extract", "prepare.py", "lang.py")
_SEP = "\x1f"


@dataclass(frozen=True, slots=True)
class InputKey:
    """Where an input came from and what it held: the ledger's key (with `prepared_by`)."""

    origin: str
    record: str | None
    raw_hash: str

    @property
    def record_key(self) -> str:
        return self.record or ""  # NULLs never compare equal in a key


@dataclass(frozen=True, slots=True)
class InputEntry:
    """One ledger row: the input and what it became (a document id, or a rejection reason)."""

    key: InputKey
    doc_id: str | None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class StoredStatus:
    """A stored document as a rerun sees it; `n_events` is None when the asked coder version has
    not coded it."""

    status: str
    reason: str | None
    n_events: int | None = None


@dataclass(frozen=True, slots=True)
class LedgerHit:
    """What the ledger knows about one input: the document it became (with its stored status,
    None when the document is no longer stored) or the reason it was rejected."""

    doc_id: str | None
    reason: str | None
    stored: StoredStatus | None


def input_key(raw: RawInput) -> InputKey:
    """Hash everything a reader found (content and record metadata): cheap, and any change misses."""
    parts = (raw.kind, raw.ref, raw.url or "", raw.title or "", raw.date or "", raw.source or "", raw.content)
    digest = hashlib.sha256(_SEP.join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return InputKey(raw.origin, raw.record, digest)


def prepared_by(options: PrepareOptions) -> str:
    """Version of what turns a raw input into a document: package version, a digest of the
    extraction code, and the prepare options (an explicit --date or --source included)."""
    opts = hashlib.sha1(repr(options).encode()).hexdigest()[:6]
    return f"{__version__}+{_prepare_digest()}.{opts}"


@cache
def _prepare_digest() -> str:
    root = Path(__file__).resolve().parent
    digest = hashlib.sha1()
    for part in PREPARE_PARTS:
        target = root / part
        paths = sorted(target.rglob("*")) if target.is_dir() else [target]
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:10]
