"""Each evaluate_* task with tiny coders defined here, on invented records and the real gold sets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tacitus.eval.gold import GoldEvent, GoldSentence, PloverRecord, load_petr2_gsr, load_plover_gsr
from tacitus.eval.harness import (
    evaluate_agnews,
    evaluate_cameo_ner,
    evaluate_pentaclass,
    evaluate_petr2_gsr,
    evaluate_petr_unit,
    evaluate_plover_gsr,
)
from tacitus.eval.labeled import LabeledSentence, NewsItem, SpanSentence, cameo_class_test, cameo_ner_test
from tacitus.records import Actor, Event


def actor(code: str | None, country: str | None = None, span: tuple[int, int] = (0, 0)) -> Actor | None:
    if code is None:
        return None
    return Actor(code=code, country=country, sector=None, name=None, text="", span=span)


def event(src: str | None, tgt: str | None, cameo: str, *, plover: str = "", confidence: float = 0.5,
          src_country: str | None = None, tgt_country: str | None = None,
          src_span: tuple[int, int] = (0, 0), tgt_span: tuple[int, int] = (0, 0)) -> Event:
    return Event(
        event_id="e", doc_id="d", doc_ref="r", sentence_index=0, sentence="", char_start=0, char_end=0,
        source=actor(src, src_country, src_span), target=actor(tgt, tgt_country, tgt_span),
        cameo=cameo, cameo_root=cameo[:2], goldstein=0.0, quad_class=1,
        plover={"event": plover} if plover else {}, trigger={}, date=None, date_precision=None,
        confidence=confidence,
    )


def table_coder(answers: dict[str, list[Event]]) -> Callable[[str, dt.date | None], list[Event]]:
    return lambda text, date: answers.get(text, [])


def replay(texts: Sequence[str], answers: Sequence[list[Event]]) -> Callable[[str, dt.date | None], list[Event]]:
    """An oracle that answers the gold records in order (gold sets repeat a few sentences)."""
    queue = list(zip(texts, answers))

    def coder(text: str, date: dt.date | None) -> list[Event]:
        expected, events = queue.pop(0)
        assert text == expected
        return events

    return coder


def empty(text: str, date: dt.date | None) -> list[Event]:
    return []


def test_petr2_gsr_scores_by_hand() -> None:
    records = [
        GoldSentence("A", "Text A", dt.date(2020, 1, 1), "X",
                     [GoldEvent("USA", "CHN", "042"), GoldEvent("CHN", "USA", "043")]),
        GoldSentence("B", "Text B", None, "X", [], noevent=True),
        GoldSentence("C", "Text C", None, "X", [GoldEvent("IGOUNO", "IRN", "090")]),
        GoldSentence("D", "Text D", None, "X", [GoldEvent("USA", "CHN", "042")], evaluate=False),
        GoldSentence("E", "Text E", None, "X", [], errors=["dateline"]),
    ]
    coder = table_coder({
        "Text A": [event("USA", "CHN", "042"), event("CHNGOV", "USA", "040"), event("RUS", "CHN", "042")],
        "Text B": [event("USA", "RUS", "190")],
    })
    res = evaluate_petr2_gsr(coder, records)
    assert res.items == 3
    # root level: A gives 2 tp + 1 fp, B 1 fp, C 1 fn
    assert res.value("dyad_root_precision") == pytest.approx(0.5)
    assert res.value("dyad_root_recall") == pytest.approx(2 / 3)
    assert res.value("dyad_root_f1") == pytest.approx(4 / 7)
    assert res.value("exact_code_accuracy") == pytest.approx(0.5)  # 042 right, 040 vs 043 wrong
    assert res.value("strict_f1") == pytest.approx(2 / 7)  # only USA->CHN 042 is exact: P 1/4, R 1/3
    assert res.value("noevent_clean") == 0.0
    assert [e.item for e in res.errors] == ["A", "B", "C"]
    assert res.errors[0].gold == ["USA->CHN 042", "CHN->USA 043"]
    assert res.errors[0].predicted == ["USA->CHN 042", "CHNGOV->USA 040", "RUS->CHN 042"]
    assert (res.errors[1].gold, res.errors[2].predicted) == (["(no event)"], [])


def test_plover_best_event_and_aliases() -> None:
    records = [
        PloverRecord("P1", "DEMAND", "one"),
        PloverRecord("P2", "AGREE", "two"),
        PloverRecord("P3", "PROTEST", "three"),
    ]
    coder = table_coder({
        "one": [event("A", "B", "010", plover="AGREE", confidence=0.4),
                event("A", "B", "100", plover="REQUEST", confidence=0.9)],
        "two": [event("A", "B", "030", plover="AGREE")],
    })
    res = evaluate_plover_gsr(coder, records)
    assert res.value("event_accuracy") == pytest.approx(2 / 3)
    assert res.value("event_accuracy_strict") == pytest.approx(1 / 3)
    assert res.value("coverage") == pytest.approx(2 / 3)
    assert [(e.item, e.gold, e.predicted) for e in res.errors] == [("P3", ["PROTEST"], [])]


def test_pentaclass_accuracy_and_macro_f1() -> None:
    records = [LabeledSentence("s1", 0), LabeledSentence("s2", 3), LabeledSentence("s3", 4), LabeledSentence("s4", 1)]
    coder = table_coder({
        "s2": [event("A", "B", "112")],
        "s3": [event("A", "B", "042")],
        "s4": [event("A", "B", "042", confidence=0.2), event("A", "B", "190", confidence=0.8)],
    })
    res = evaluate_pentaclass(coder, records)
    assert res.value("accuracy") == 0.5
    assert res.value("macro_f1") == pytest.approx(2 / 5)  # classes 0 and 3 at F1 1, the rest 0
    assert res.value("coverage") == 0.75
    assert [(e.item, e.gold, e.predicted) for e in res.errors] == [
        ("row 3", ["4 material conflict"], ["1 verbal cooperation (A->B 042)"]),
        ("row 4", ["1 verbal cooperation"], ["4 material conflict (A->B 190)"]),
    ]


def test_cameo_ner_span_f1() -> None:
    sents = [
        SpanSentence(["Kenyan", "police", "arrested", "two", "Somali", "traders", "."],
                     ["B-S", "I-S", "O", "O", "B-T", "I-T", "O"]),
        SpanSentence(["Lula", "met", "Macron", "in", "Paris", "."], ["B-R", "O", "B-R", "O", "O", "O"]),
        SpanSentence(["Troops", "shot", "protesters", "."], ["B-S", "O", "B-T", "O"]),
    ]
    assert sents[0].text == "Kenyan police arrested two Somali traders."
    coder = table_coder({
        sents[0].text: [event("KENCOP", "SOM", "173", src_span=(0, 13), tgt_span=(27, 33))],
        sents[1].text: [event("BRA", "FRA", "040", src_span=(0, 4), tgt_span=(9, 15))],
        sents[2].text: [event("---CVL", "---MIL", "190", src_span=(12, 22), tgt_span=(0, 6))],
    })
    res = evaluate_cameo_ner(coder, sents)
    assert res.value("span_f1") == pytest.approx(0.5)  # tp 3 (S, R, R), fp 3, fn 3
    assert res.value("source_f1") == pytest.approx(0.5)
    assert res.value("target_f1") == 0.0
    assert res.value("reciprocal_f1") == 1.0
    assert res.value("untyped_span_f1") == pytest.approx(5 / 6)  # role swap still finds spans
    assert [e.item for e in res.errors] == ["sentence 1", "sentence 3"]
    assert res.errors[0].gold == ["S: Kenyan police", "T: Somali traders"]
    assert res.errors[0].predicted == ["S: Kenyan police", "T: Somali"]


def test_petr_unit_roots() -> None:
    records = [
        GoldSentence("U1", "u one", None, "DEMO", [GoldEvent("ARN", "GON", "064"), GoldEvent("GON", "ARN", "064")]),
        GoldSentence("U2", "u two", None, "DEMO", [], noevent=True),
        GoldSentence("U3", "u three", None, "DEMO", [GoldEvent("ARN", "GON", "112")]),
    ]
    coder = table_coder({"u one": [event("X", "Y", "061")], "u three": [event("X", "Y", "120")]})
    res = evaluate_petr_unit(coder, records)
    assert res.value("root_hit") == 0.5
    assert res.value("root_f1") == pytest.approx(0.4)  # tp 1, fp 1, fn 2
    assert res.value("noevent_clean") == 1.0
    assert [e.item for e in res.errors] == ["U1", "U3"]


def test_agnews_interstate_shares() -> None:
    items = [
        NewsItem(1, "Envoys meet", "Talks in Geneva."),
        NewsItem(2, "Cup final", "The striker scored."),
        NewsItem(3, "Bank merger", "Two banks merge."),
        NewsItem(4, "New chip", "A faster chip."),
    ]
    coder = table_coder({
        items[0].full_text: [event("USA", "IRN", "040", src_country="USA", tgt_country="IRN")],
        items[1].full_text: [event("BRA", "ARG", "190", src_country="BRA", tgt_country="ARG")],
        items[2].full_text: [event("USA", "USABUS", "040", src_country="USA", tgt_country="USA")],
    })
    res = evaluate_agnews(coder, items)
    assert [m.value for m in res.metrics] == [1.0, 1.0, 0.0, 0.0, 0.5]
    assert [m.name for m in res.metrics][-1] == "interstate_sports_scitech"
    assert [(e.item, e.gold) for e in res.errors] == [("row 2", ["Sports"])]
    assert evaluate_agnews(coder, items, limit=1).items == 1


def test_real_petr2_gsr_oracle_and_empty(reference_dir: Path) -> None:
    records = load_petr2_gsr(reference_dir / "PETR2_GSR_validation.xml")
    answers = [[event(g.source, g.target, g.code) for g in r.events] for r in records]
    res = evaluate_petr2_gsr(replay([r.text for r in records], answers), records)
    assert (res.items, res.errors) == (78, [])
    assert [res.value(n) for n in ("dyad_root_f1", "exact_code_accuracy", "strict_f1", "noevent_clean")] == [1.0] * 4
    none = evaluate_petr2_gsr(empty, records)
    assert (none.value("dyad_root_recall"), none.value("noevent_clean")) == (0.0, 1.0)
    assert len(none.errors) == 66  # every sentence with gold events


def test_real_plover_oracle(reference_dir: Path) -> None:
    records = load_plover_gsr(reference_dir / "PLOVER_GSR_CAMEO.txt")
    answers = [[event("A", "B", "010", plover=r.event.lower())] for r in records]
    res = evaluate_plover_gsr(replay([r.text for r in records], answers), records)
    assert (res.items, res.value("event_accuracy"), res.value("event_accuracy_strict")) == (322, 1.0, 1.0)


def test_real_conflibert_oracles(reference_dir: Path) -> None:
    classes = cameo_class_test(reference_dir)
    root_of = {0: "010", 1: "040", 2: "070", 3: "112", 4: "190"}
    res = evaluate_pentaclass(replay([r.text for r in classes], [[event("A", "B", root_of[r.label])] for r in classes]),
                              classes)
    assert (res.value("accuracy"), res.value("macro_f1")) == (1.0, 1.0)
    assert evaluate_pentaclass(empty, classes).value("accuracy") == pytest.approx(56 / 451)
    sents = cameo_ner_test(reference_dir)
    answers = [[event("A" if s.label != "T" else None, "B" if s.label == "T" else None, "010",
                      src_span=(s.char_start, s.char_end), tgt_span=(s.char_start, s.char_end))
                for s in sent.spans()] for sent in sents]
    ner = evaluate_cameo_ner(replay([s.text for s in sents], answers), sents)
    assert (ner.value("span_f1"), ner.value("source_f1"), ner.value("target_f1")) == (1.0, 1.0, 1.0)
    assert evaluate_cameo_ner(empty, sents).value("span_recall") == 0.0
