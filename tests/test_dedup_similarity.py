"""Near-duplicate detection: shingles, exact similarity, MinHash bands, families."""

from __future__ import annotations

import datetime as dt

from tacitus.corpus import similarity as sim
from tacitus.corpus.dedup import merge_families, verify

ORIGINAL = (
    "Fishing crews from three harbours on the northern coast stayed in port on Thursday after the "
    "regional council closed the bay to trawlers for two weeks. The council said water samples "
    "taken on Monday showed an algae bloom spreading from the river mouth, and that the closure "
    "would be reviewed when new samples came back. Crew leaders said the decision would cost each "
    "boat several days of income and asked the council to pay compensation. A spokeswoman for the "
    "council said a fund for affected crews would be discussed at next month's meeting."
)
# The same copy as a second outlet ran it: new lead, two small edits, last sentence cut.
REPRINT = (
    "Trawlers are idle along the northern coast. Fishing crews from three harbours on the northern "
    "coast stayed in port on Thursday after the regional council closed the bay to trawlers for "
    "two weeks. The council said water samples taken on Monday showed an algae bloom spreading "
    "from the river mouth, and that the closure would be reviewed once new samples came back. Crew "
    "leaders said the decision would cost every boat several days of income and asked the council "
    "to pay compensation."
)
UNRELATED = (
    "The city library will open on Sundays from next month, the mayor's office said on Tuesday, "
    "after a survey found that most readers wanted longer weekend hours. Staff will work in "
    "rotating shifts and two new reading rooms will open on the second floor in the autumn."
)


def test_shingles_ignore_case_and_punctuation_and_are_stable():
    assert sim.shingles("The Council, said: water samples") == sim.shingles("the council said water samples")
    assert len(sim.shingles("one two three four five six")) == 2
    assert len(sim.shingles("too short")) == 1 and sim.shingles("") == set()
    assert sim.shingles(ORIGINAL) == sim.shingles(ORIGINAL)  # no salted hash


def test_exact_similarity_tells_a_reprint_from_an_unrelated_story():
    copy = sim.similarity(sim.shingles(ORIGINAL), sim.shingles(REPRINT))
    assert (round(copy.jaccard, 3), round(copy.containment, 3)) == (0.57, 0.782)
    assert copy.near_duplicate
    other = sim.similarity(sim.shingles(ORIGINAL), sim.shingles(UNRELATED))
    assert (other.jaccard, other.containment) == (0.0, 0.0) and not other.near_duplicate
    assert sim.similarity(set(), sim.shingles(ORIGINAL)) == sim.Similarity(0.0, 0.0)


def test_minhash_bands_are_deterministic_and_make_the_copy_a_candidate():
    _, original = sim.document_bands(ORIGINAL)
    _, reprint = sim.document_bands(REPRINT)
    _, unrelated = sim.document_bands(UNRELATED)
    assert len(original) == sim.BANDS and original == sim.document_bands(ORIGINAL)[1]
    shared = sum(a == b for a, b in zip(original, reprint))
    assert shared >= 1
    assert sum(a == b for a, b in zip(original, unrelated)) == 0
    assert all(0 <= h < 2**63 for h in original)  # fits the store's signed BIGINT


def test_a_text_too_short_to_judge_gets_no_bands():
    found, bands = sim.document_bands("Talks resumed on Monday in Geneva.")
    assert len(found) == 2 and bands == []


def test_verify_keeps_only_real_near_duplicates_once_each():
    shingles = {"a": sim.shingles(ORIGINAL), "b": sim.shingles(REPRINT), "c": sim.shingles(UNRELATED)}
    found = verify([("b", "a"), ("a", "b"), ("a", "c"), ("a", "a")], shingles)
    assert [(p.doc_id, p.other_id, p.jaccard, p.containment) for p in found] == [("a", "b", 0.5701, 0.7821)]


def test_families_join_transitively_and_the_earliest_document_is_canonical():
    dates = {"x": dt.date(2022, 7, 23), "y": dt.date(2022, 7, 22), "z": None, "w": dt.date(2022, 7, 22)}
    assert merge_families([("x", "y")], {}, dates) == {"x": "y", "y": "y"}
    # z (undated) joins the x-y family, and w through z; w and y share the earliest date, so
    # the smaller id leads
    merged = merge_families([("z", "x"), ("w", "z")], {"x": "y", "y": "y"}, dates)
    assert merged == {"x": "w", "y": "w", "z": "w", "w": "w"}
    assert merge_families([("p", "q")], {}, {}) == {"p": "p", "q": "p"}  # undated: smallest id
