"""Corpus-level work: near-duplicate documents and event clusters (deduplication, corroboration).

The algorithms here are pure (records in, records out); `tacitus.store.corpus` reads their inputs
from the store and writes their results back.
"""
