"""Near-duplicate bookkeeping that needs no store: verifying candidate pairs, merging families.

A family is a connected group of near-duplicate documents; its canonical document (the one
that counts) is the earliest dated, then the smallest id, so that a reprint never displaces the
original it copies and the choice is the same whichever document arrived first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from tacitus.corpus.records import NearDuplicate
from tacitus.corpus.similarity import similarity


def verify(
    candidates: Iterable[tuple[str, str]], shingles: Mapping[str, set[int]]
) -> list[NearDuplicate]:
    """The candidate pairs that are near-duplicates on exact shingle sets, each pair once with
    the smaller id first, sorted."""
    pairs = {tuple(sorted(pair)) for pair in candidates if pair[0] != pair[1]}
    found = []
    for a, b in sorted(pairs):
        sim = similarity(shingles[a], shingles[b])
        if sim.near_duplicate:
            found.append(NearDuplicate(a, b, round(sim.jaccard, 4), round(sim.containment, 4)))
    return found


def merge_families(
    pairs: Iterable[tuple[str, str]],
    families: Mapping[str, str],
    dates: Mapping[str, dt.date | None],
) -> dict[str, str]:
    """New family assignment for every document touched by `pairs` or already in the same
    family as one of them: {doc_id: canonical doc_id}.

    `families` holds the current assignment of the documents involved (documents without an
    entry are alone); `dates` their document dates.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    for doc, family in families.items():
        union(doc, family)
    for a, b in pairs:
        union(a, b)
    groups: dict[str, list[str]] = {}
    for doc in list(parent):
        groups.setdefault(find(doc), []).append(doc)
    out: dict[str, str] = {}
    for members in groups.values():
        canonical = min(members, key=lambda d: (dates.get(d) or dt.date.max, d))
        for doc in members:
            out[doc] = canonical
    return out
