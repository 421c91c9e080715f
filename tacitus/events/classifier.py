"""A small learned model: the CAMEO pentaclass of a sentence from its MiniLM embedding.

Multinomial logistic regression in numpy over the 384-dimensional all-MiniLM-L6-v2 sentence
vectors (tacitus/events/embed.py), with the encoder's last two layers fine-tuned for the task:
the file carries a small adapter (low-rank updates of those layers' linear weights, their biases
and layer norms) that embed.apply_adapter merges into the packaged model's weights once, at load
time, so it costs nothing per sentence. It was trained on the ConfliBERT cameo_class TRAIN split
(scripts/train_event_classifier.py, torch at training time only, fixed seed; the test split
only measures) and on off-topic sentences we wrote (scripts/data/offtopic_train.txt). The
weights ship as tacitus/events/data/pentaclass.npz (~0.45 MB) with a note of how they were made.

The five classes are ConfliBERT's reading of CAMEO roots (docs/evaluation.md): 0 statements and
appeals, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict (with sanctions, 16),
4 material conflict; a sixth, NO_EVENT, is sport, business, science and entertainment copy. The
coder uses the probabilities to choose among its own readings of a sentence and to veto the
readings it is unsure of; the model never makes an event by itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import ConfigError

CLASSES = 6  # the five pentaclasses and NO_EVENT
NO_EVENT = 5
ROOT_CLASS = {
    "01": 0, "02": 0,
    "03": 1, "04": 1, "05": 1,
    "06": 2, "07": 2, "08": 2,
    "09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "16": 3,
    "14": 4, "15": 4, "17": 4, "18": 4, "19": 4, "20": 4,
}  # fmt: skip
WEIGHTS_FILE = "pentaclass.npz"
ADAPTER_PREFIX = "encoder."  # keys of the sentence-model tensors the file changes


def root_class(code: str) -> int:
    """The pentaclass of a CAMEO event code ("0231" -> 0, "190" -> 4)."""
    try:
        return ROOT_CLASS[code[:2]]
    except KeyError:
        raise ConfigError(f"{code!r} is not a CAMEO event code (root must be 01-20)") from None


@dataclass(frozen=True, slots=True)
class PentaclassModel:
    """Softmax regression: probabilities = softmax(x @ weights + bias), where x is the sentence
    vector of the encoder with `adapter` merged in (embed.apply_adapter; empty: the plain model)."""

    weights: np.ndarray  # (dim, CLASSES)
    bias: np.ndarray  # (CLASSES,)
    note: str = ""
    adapter: dict[str, np.ndarray] = field(default_factory=dict)  # "encoder.layer..." tensors

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """One row of class probabilities per sentence vector."""
        return softmax(vectors.astype(np.float64) @ self.weights + self.bias)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path, weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float32),
            note=np.array(self.note), **{k: v.astype(np.float16) for k, v in self.adapter.items()},
        )

    @classmethod
    def load(cls, path: Path | None = None) -> "PentaclassModel":
        """The packaged weights, or a file written by `save`."""
        if path is None:
            return _packaged_model()
        try:
            with np.load(path) as data:
                weights, bias, note = data["weights"], data["bias"], str(data["note"])
                adapter = {k: data[k].astype(np.float32) for k in data.files if k.startswith(ADAPTER_PREFIX)}
        except (OSError, KeyError, ValueError) as exc:
            raise ConfigError(f"cannot read classifier weights {path}: {exc}") from exc
        if weights.ndim != 2 or weights.shape[1] != CLASSES or bias.shape != (CLASSES,):
            raise ConfigError(f"classifier weights {path} have shape {weights.shape}, expected (dim, {CLASSES})")
        return cls(weights.astype(np.float64), bias.astype(np.float64), note, adapter)


@cache
def _packaged_model() -> PentaclassModel:
    with resources.as_file(resources.files("tacitus.events").joinpath("data", WEIGHTS_FILE)) as path:
        return PentaclassModel.load(path)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def train(
    x: np.ndarray, y: np.ndarray, l2: float, steps: int = 1500, rate: float = 0.01, note: str = ""
) -> PentaclassModel:
    """Fit softmax regression by full-batch Adam on mean cross-entropy + l2/2 * |W|^2.
    Deterministic: zero start, no sampling."""
    x = x.astype(np.float64)
    n, dim = x.shape
    onehot = np.eye(CLASSES)[y]
    params = [np.zeros((dim, CLASSES)), np.zeros(CLASSES)]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    for step in range(1, steps + 1):
        grad = (softmax(x @ params[0] + params[1]) - onehot) / n
        grads = [x.T @ grad + l2 * params[0], grad.sum(axis=0)]
        for p, g, (m, v) in zip(params, grads, moments):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            p -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return PentaclassModel(params[0], params[1], note)
