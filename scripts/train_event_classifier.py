"""Train the pentaclass model that ships as tacitus/events/data/pentaclass.npz.

    .venv/bin/python scripts/train_event_classifier.py ../shared/reference [--dev]

Data: the ConfliBERT cameo_class TRAIN split (1,349 sentences, labels 0-4) and our own off-topic
sentences (scripts/data/offtopic_train.txt, label 5 = no political event). The test split and
the other gold sets are never read here. Sentences are embedded with our numpy
all-MiniLM-L6-v2 (tacitus/events/embed.py); the model is softmax regression
(tacitus/events/classifier.py: full-batch Adam, zero start, so no randomness in the fit).

`--dev` holds out a fifth of the data (a fixed permutation, seed 0) and prints the 5-fold
cross-validated accuracy and five-class macro-F1 for a grid of L2 strengths on the other four
fifths; the weights shipped are then fitted on all of it with the chosen L2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from tacitus.eval.labeled import load_cameo_class
from tacitus.events.classifier import NO_EVENT, WEIGHTS_FILE, train
from tacitus.events.embed import SentenceEncoder

L2 = 1e-4  # chosen by --dev (5-fold CV on the train split)
STEPS = 600
SEED = 0
GRID = (1e-5, 1e-4, 3e-4, 1e-3)
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tacitus" / "events" / "data" / WEIGHTS_FILE
OFFTOPIC = ROOT / "scripts" / "data" / "offtopic_train.txt"


def offtopic_sentences() -> list[str]:
    lines = OFFTOPIC.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    scores = []
    for c in range(NO_EVENT):  # the pentaclass macro-F1 of the evaluation
        tp = int(((pred == c) & (gold == c)).sum())
        wrong = int(((pred == c) != (gold == c)).sum())
        scores.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return float(np.mean(scores))


def cross_validate(x: np.ndarray, y: np.ndarray, l2: float, folds: int = 5) -> tuple[float, float]:
    order = np.random.default_rng(SEED).permutation(len(y))
    accs, f1s = [], []
    for held in np.array_split(order, folds):
        rest = np.setdiff1d(order, held)
        pred = train(x[rest], y[rest], l2, steps=STEPS).probabilities(x[held]).argmax(axis=1)
        accs.append(float((pred == y[held]).mean()))
        f1s.append(macro_f1(y[held], pred))
    return float(np.mean(accs)), float(np.mean(f1s))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="the shared/reference folder")
    parser.add_argument("--dev", action="store_true", help="report held-out scores for the L2 grid")
    args = parser.parse_args(argv)
    rows = load_cameo_class(args.reference / "ConfliBERT" / "cameo_class" / "train.tsv")
    texts = [r.text for r in rows] + offtopic_sentences()
    x = SentenceEncoder.load().encode(texts)
    y = np.array([r.label for r in rows] + [NO_EVENT] * (len(texts) - len(rows)))
    if args.dev:
        order = np.random.default_rng(SEED).permutation(len(y))
        keep = order[len(y) // 5 :]
        for l2 in GRID:
            acc, f1 = cross_validate(x[keep], y[keep], l2)
            print(f"l2={l2:g}  accuracy={acc:.3f}  macro-F1={f1:.3f}")
        return 0
    note = (
        f"softmax regression over all-MiniLM-L6-v2 mean-pooled unit vectors (tacitus.events.embed); "
        f"trained on the ConfliBERT cameo_class train split ({len(rows)} sentences, labels 0-4) and "
        f"{len(y) - len(rows)} off-topic sentences of ours (label 5, scripts/data/offtopic_train.txt), "
        f"l2={L2:g}, {STEPS} full-batch Adam steps, zero start; scripts/train_event_classifier.py"
    )
    model = train(x, y, L2, steps=STEPS, note=note)
    model.save(OUT)
    acc = float((model.probabilities(x).argmax(axis=1) == y).mean())
    print(f"wrote {OUT} (train accuracy {acc:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
