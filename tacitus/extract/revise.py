"""jusText's context pass (its `revise_paragraph_classification`), in linear time.

Why our own: jusText finds each short paragraph's nearest good-or-bad neighbour by walking out
from it, so a page of thousands of short lines (a site map, a list page, a table saved as text)
costs quadratic time: 8,000 lines took 24 s, 100,000 would take about an hour. Here the nearest
neighbours are found in one sweep each way. The verdicts are the same as jusText's, paragraph for
paragraph (tests/test_fuzz_extract.py checks this against jusText on random pages).

The pass, as jusText defines it: each paragraph starts from its context-free class; a short one
takes the class of its neighbours when both agree, and is good when one neighbour is bad but a
near-good one lies on that side before it; a near-good one is bad only between two bad ones;
headings close above a good paragraph are promoted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

GOOD, BAD, NEARGOOD, SHORT = "good", "bad", "neargood", "short"
GOOD_OR_BAD = frozenset((GOOD, BAD))
ANY_VERDICT = frozenset((GOOD, BAD, NEARGOOD))
MAX_HEADING_DISTANCE = 200  # characters scanned below a heading (jusText's default)


def revise(paragraphs: Sequence[Any], max_heading_distance: int = MAX_HEADING_DISTANCE) -> None:
    """Set `class_type` on jusText paragraphs whose `cf_class` is already set."""
    _headings_above_good(paragraphs, max_heading_distance, first_pass=True)
    _resolve_short(paragraphs)
    _resolve_neargood(paragraphs)
    _headings_above_good(paragraphs, max_heading_distance, first_pass=False)


def _nearest(classes: list[str], wanted: frozenset[str], backwards: bool) -> list[str]:
    """For each index, the class of the nearest paragraph before it (after it, `backwards`)
    whose class is in `wanted`; "bad" when there is none."""
    found = [BAD] * len(classes)
    last = BAD
    order = range(len(classes) - 1, -1, -1) if backwards else range(len(classes))
    for i in order:
        found[i] = last
        if classes[i] in wanted:
            last = classes[i]
    return found


def _resolve_short(paragraphs: Sequence[Any]) -> None:
    """Short paragraphs take their verdict from their neighbours (all judged on the classes
    before this step)."""
    classes = [p.class_type for p in paragraphs]
    before, after = _nearest(classes, GOOD_OR_BAD, False), _nearest(classes, GOOD_OR_BAD, True)
    before_any, after_any = _nearest(classes, ANY_VERDICT, False), _nearest(classes, ANY_VERDICT, True)
    for i, paragraph in enumerate(paragraphs):
        if classes[i] != SHORT:
            continue
        if before[i] == after[i]:
            paragraph.class_type = before[i]
        elif (before[i] == BAD and before_any[i] == NEARGOOD) or (after[i] == BAD and after_any[i] == NEARGOOD):
            paragraph.class_type = GOOD
        else:
            paragraph.class_type = BAD


def _resolve_neargood(paragraphs: Sequence[Any]) -> None:
    """Near-good paragraphs are bad between two bad ones, else good; in page order, so the
    neighbour above is already resolved."""
    after = _nearest([p.class_type for p in paragraphs], GOOD_OR_BAD, True)
    above = BAD
    for i, paragraph in enumerate(paragraphs):
        if paragraph.class_type == NEARGOOD:
            paragraph.class_type = BAD if (above, after[i]) == (BAD, BAD) else GOOD
        if paragraph.class_type in GOOD_OR_BAD:
            above = paragraph.class_type


def _headings_above_good(paragraphs: Sequence[Any], max_distance: int, first_pass: bool) -> None:
    """A heading with a good paragraph within `max_distance` characters below it is promoted:
    on the first pass a short heading becomes near-good (this pass also copies each
    paragraph's context-free class, and sees the paragraphs below it as not yet classified,
    as jusText does), on the last pass a heading made bad by context becomes good again."""
    for i, paragraph in enumerate(paragraphs):
        if first_pass:
            paragraph.class_type = paragraph.cf_class
            wanted, promoted = paragraph.class_type == SHORT, NEARGOOD
        else:
            wanted = paragraph.class_type == BAD and paragraph.cf_class != BAD
            promoted = GOOD
        if paragraph.heading and wanted and _good_below(paragraphs, i, max_distance):
            paragraph.class_type = promoted


def _good_below(paragraphs: Sequence[Any], i: int, max_distance: int) -> bool:
    distance, j = 0, i + 1
    while j < len(paragraphs) and distance <= max_distance:
        if paragraphs[j].class_type == GOOD:
            return True
        distance += len(paragraphs[j].text)
        j += 1
    return False
