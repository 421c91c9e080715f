"""ConfliBERT class/NER and AG News loaders, BIO spans and detokenisation (invented fixtures)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tacitus.errors import InputError
from tacitus.eval.labeled import (
    bio_spans,
    cameo_class_test,
    cameo_class_train,
    cameo_ner_test,
    cameo_ner_train,
    detokenize,
    load_agnews,
    load_cameo_class,
    load_cameo_ner,
)

CLASS_TSV = (
    "Ghana said on Monday it would review the treaty.\t0\r\n"
    "Peru and Chile signed a water-sharing pact.\t1\r\n"
    "Rebels shelled the airport, killing four.\t4\r\n"
)

NER_TXT = """Kenyan B-S
police I-S
arrested O
two O
Somali B-T
traders I-T
. O

Lula B-R
met O
Macron B-R
in O
Paris O
. O
"""

AGNEWS_CSV = (
    '"1","Talks stall in Geneva","GENEVA - Envoys from two states left \\talks without a deal over  #36;5 billion."\n'
    '"2","Late goal lifts City","A  quot;stunning quot; strike won it &lt;b&gt;again&lt;/b&gt;."\n'
)


def test_cameo_class_loader(tmp_path: Path) -> None:
    path = tmp_path / "test.tsv"
    path.write_text(CLASS_TSV, encoding="utf-8", newline="")
    rows = load_cameo_class(path)
    assert [(r.text, r.label) for r in rows] == [
        ("Ghana said on Monday it would review the treaty.", 0),
        ("Peru and Chile signed a water-sharing pact.", 1),
        ("Rebels shelled the airport, killing four.", 4),
    ]
    path.write_text("no label here\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"test\.tsv \(line 1\): expected 'sentence<TAB>label'"):
        load_cameo_class(path)


def test_cameo_ner_loader_and_spans(tmp_path: Path) -> None:
    path = tmp_path / "test.txt"
    path.write_text(NER_TXT, encoding="utf-8")
    first, second = load_cameo_ner(path)
    assert first.text == "Kenyan police arrested two Somali traders."
    assert [(s.label, s.start, s.end) for s in first.spans()] == [("S", 0, 2), ("T", 4, 6)]
    assert [first.text[s.char_start : s.char_end] for s in first.spans()] == ["Kenyan police", "Somali traders"]
    assert [(s.label, s.start, s.end) for s in second.spans()] == [("R", 0, 1), ("R", 2, 3)]
    path.write_text("word X-S\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 1"):
        load_cameo_ner(path)


def test_bio_spans_edge_cases() -> None:
    assert bio_spans(["B-S", "B-S", "I-S", "O", "I-T", "I-T"]) == [("S", 0, 1), ("S", 1, 3), ("T", 4, 6)]
    assert bio_spans(["B-S", "I-T"]) == [("S", 0, 1), ("T", 1, 2)]
    assert bio_spans(["O", "O"]) == []


def test_detokenize_keeps_offsets() -> None:
    tokens = ["Seoul", "’", "s", "envoy", "(", "aged", "60", ")", "said", "$", "5", "m", "."]
    text, offsets = detokenize(tokens)
    assert text == "Seoul’s envoy (aged 60) said $5 m."
    assert [text[s:e] for s, e in offsets] == tokens


def test_agnews_loader_undoes_escapes(tmp_path: Path) -> None:
    path = tmp_path / "test.csv"
    path.write_text(AGNEWS_CSV, encoding="utf-8")
    world, sport = load_agnews(path)
    assert (world.label, world.label_name, world.title) == (1, "World", "Talks stall in Geneva")
    assert world.text == "GENEVA - Envoys from two states left talks without a deal over $5 billion."
    assert world.full_text == f"Talks stall in Geneva\n\n{world.text}"
    assert sport.text == 'A "stunning" strike won it again .'
    path.write_text('"9","x","y"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"row 1"):
        load_agnews(path)


def test_real_conflibert_counts(reference_dir: Path) -> None:
    test, train = cameo_class_test(reference_dir), cameo_class_train(reference_dir)
    assert (len(test), len(train)) == (451, 1349)
    assert Counter(r.label for r in test) == {0: 56, 1: 80, 2: 57, 3: 150, 4: 108}
    ner_test, ner_train = cameo_ner_test(reference_dir), cameo_ner_train(reference_dir)
    assert (len(ner_test), len(ner_train)) == (451, 1153)
    labels = Counter(s.label for sent in ner_test for s in sent.spans())
    assert labels == {"S": 409, "T": 428, "R": 51}
    assert all(sent.text[o[0] : o[1]] == t for sent in ner_test for t, o in zip(sent.tokens, sent.offsets))


def test_real_agnews_counts(reference_dir: Path) -> None:
    items = load_agnews(reference_dir / "agnews" / "test.csv")
    assert len(items) == 7600
    assert Counter(i.label for i in items) == {1: 1900, 2: 1900, 3: 1900, 4: 1900}
    assert not any("\\" in i.text or "#36;" in i.text for i in items)
