"""Scoring primitives against values worked out by hand."""

from __future__ import annotations

import pytest

from tacitus.eval.metrics import (
    PRF,
    accuracy,
    actor_key,
    is_interstate,
    macro_f1,
    multiset_prf,
    pentaclass,
    per_class_prf,
    plover_matches,
    token_span,
)


def test_prf_rates() -> None:
    prf = PRF(tp=3, fp=1, fn=2)
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.6)
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)  # 0.6667
    assert (PRF().precision, PRF().recall, PRF().f1) == (0.0, 0.0, 0.0)
    prf.add(PRF(tp=1, fp=0, fn=2))
    assert (prf.tp, prf.fp, prf.fn, prf.detail()) == (4, 1, 4, "tp=4 fp=1 fn=4")


def test_multiset_prf_matches_each_item_once() -> None:
    gold = [("USA", "CHN", "04"), ("USA", "CHN", "04"), ("RUS", "UKR", "19")]
    pred = [("USA", "CHN", "04"), ("USA", "CHN", "04"), ("USA", "CHN", "04"), ("UKR", "RUS", "19")]
    prf = multiset_prf(gold, pred)
    assert (prf.tp, prf.fp, prf.fn) == (2, 2, 1)
    assert prf.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))  # 0.5714


def test_accuracy_and_macro_f1_by_hand() -> None:
    gold = [0, 0, 1, 2]
    pred = [0, 1, 1, 1]
    assert accuracy(gold, pred) == 0.5
    table = per_class_prf(gold, pred)
    assert (table[0].tp, table[0].fn, table[1].fp, table[2].fn) == (1, 1, 2, 1)
    # class 0: P 1, R 1/2 -> 2/3; class 1: P 1/3, R 1 -> 1/2; class 2: 0; class 3 (unseen): 0
    assert macro_f1(gold, pred, [0, 1, 2]) == pytest.approx((2 / 3 + 1 / 2 + 0) / 3)
    assert macro_f1(gold, pred, [0, 1, 2, 3]) == pytest.approx((2 / 3 + 1 / 2) / 4)
    with pytest.raises(ValueError, match="equal lengths"):
        accuracy([1], [])


def test_actor_key_country_level() -> None:
    assert actor_key("USAGOV") == "USA"
    assert actor_key("usa") == "USA"
    assert actor_key("IGOUNOMIL") == "IGO"
    assert actor_key("---REB") == "---"
    assert actor_key("REB") == "---"
    assert actor_key(None) == "---"
    assert actor_key("MUS") == "MUS"  # Mauritius, not a role


def test_pentaclass_mapping() -> None:
    assert [pentaclass(c) for c in ("010", "0214", "036", "051", "061", "0871")] == [0, 0, 1, 1, 2, 2]
    assert [pentaclass(c) for c in ("090", "112", "138", "163", "1661")] == [3, 3, 3, 3, 3]
    assert [pentaclass(c) for c in ("141", "150", "173", "190", "204")] == [4, 4, 4, 4, 4]
    assert pentaclass(None) == 0
    with pytest.raises(ValueError, match="root must be 01-20"):
        pentaclass("230")


def test_plover_matching() -> None:
    assert plover_matches("AGREE", "agree")
    assert plover_matches("DEMAND", "REQUEST")
    assert not plover_matches("DEMAND", "REQUEST", aliases=False)
    assert not plover_matches("AGREE", None)
    assert not plover_matches("REQUEST", "DEMAND")


def test_interstate_and_token_span() -> None:
    assert is_interstate("USA", "CHN")
    assert not is_interstate("USA", "USA")
    assert not is_interstate("USA", None)
    offsets = [(0, 5), (6, 11), (12, 16)]  # "Kenya talks ends"
    assert token_span(offsets, 0, 11) == (0, 2)
    assert token_span(offsets, 7, 13) == (1, 3)
    assert token_span(offsets, 11, 12) is None
