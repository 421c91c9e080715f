"""Near-duplicate documents by text similarity: word shingles, MinHash signatures, LSH bands.

Why these three: a wire story reprinted by a second outlet keeps most of its sentences but gets a
new headline, a few edits and a cut ending, so exact hashes miss it while sets of word 5-grams
still overlap heavily. MinHash turns each shingle set into a short signature whose agreement
estimates Jaccard similarity; banding the signature (LSH) lets the store find candidate copies
by equality lookups instead of comparing every pair. Candidates are then verified exactly on
their shingle sets, so the estimate only decides what is compared, never what is reported.

Everything is deterministic: shingles are hashed with BLAKE2b (not Python's salted `hash`) and
the MinHash permutations come from a fixed seed, so a store built twice holds the same bands.
"""

from __future__ import annotations

import functools
import hashlib
import random
import re
from dataclasses import dataclass

import numpy as np

SHINGLE_WORDS = 5  # words per shingle: long enough that unrelated stories rarely share one
BANDS = 20  # LSH bands ...
ROWS = 3  # ... of 3 MinHash values each: candidates from an estimated Jaccard of about 0.37
PERMUTATIONS = BANDS * ROWS
# Verified thresholds (exact, on shingle sets). Either one makes a near-duplicate: Jaccard for
# light edits, containment (overlap / smaller set) for a copy with its ending cut.
MIN_JACCARD = 0.35
MIN_CONTAINMENT = 0.6
MIN_SHINGLES = 8  # shorter texts carry too little to call anything a copy

_WORD = re.compile(r"\w+")
_SEED = 20240601


@dataclass(slots=True, frozen=True)
class Similarity:
    """Exact similarity of two shingle sets."""

    jaccard: float
    containment: float

    @property
    def near_duplicate(self) -> bool:
        return self.jaccard >= MIN_JACCARD or self.containment >= MIN_CONTAINMENT


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    """64-bit hashes of the text's lower-cased word `size`-grams (punctuation and case ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {_hash64(" ".join(words))} if words else set()
    return {_hash64(" ".join(words[i : i + size])) for i in range(len(words) - size + 1)}


def similarity(a: set[int], b: set[int]) -> Similarity:
    """Exact Jaccard and containment of two shingle sets (0.0 for an empty set)."""
    if not a or not b:
        return Similarity(0.0, 0.0)
    common = len(a & b)
    return Similarity(common / len(a | b), common / min(len(a), len(b)))


def signature(shingle_set: set[int]) -> np.ndarray:
    """The MinHash signature (PERMUTATIONS unsigned 64-bit values) of a non-empty shingle set.

    Each permutation is a multiply-add hash modulo 2**64 (numpy's wrapping arithmetic); the
    minimum over the set is one signature value.
    """
    if not shingle_set:
        raise ValueError("cannot sign an empty shingle set")
    mult, add = _permutations()
    values = np.fromiter(shingle_set, dtype=np.uint64, count=len(shingle_set))
    with np.errstate(over="ignore"):
        hashed = values[:, None] * mult[None, :] + add[None, :]
    return hashed.min(axis=0)


def bands(sig: np.ndarray) -> list[int]:
    """One 63-bit hash per LSH band; two documents are candidates when any band hash agrees."""
    out = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=b"tacitus-lsh").digest()
        out.append(int.from_bytes(digest, "big") >> 1)  # fits a signed BIGINT
    return out


def document_bands(text: str) -> tuple[set[int], list[int]]:
    """Shingles and band hashes of a text; no bands for a text too short to judge."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return found, []
    return found, bands(signature(found))


def _hash64(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big")


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The fixed multipliers (odd) and addends, made on first use (no work at import)."""
    rng = random.Random(_SEED)
    mult = np.array([rng.getrandbits(64) | 1 for _ in range(PERMUTATIONS)], dtype=np.uint64)
    add = np.array([rng.getrandbits(64) for _ in range(PERMUTATIONS)], dtype=np.uint64)
    return mult, add
