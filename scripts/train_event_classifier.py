"""Train the pentaclass model that ships as tacitus/events/data/pentaclass.npz.

    .venv/bin/pip install torch==2.13.0          # training only; Tacitus itself never imports torch
    .venv/bin/python scripts/train_event_classifier.py ../shared/reference [--dev]

Data: the ConfliBERT cameo_class TRAIN split (1,349 sentences, labels 0-4) and our own off-topic
sentences (scripts/data/offtopic_train.txt, label 5 = no political event). The test split and
the other gold sets are never read here.

Two steps:
1. Softmax regression over the frozen all-MiniLM-L6-v2 sentence vectors (our numpy encoder,
   tacitus/events/embed.py; tacitus/events/classifier.py: full-batch Adam, zero start).
2. Fine-tuning, in torch, of the last TUNED_LAYERS transformer layers together with that head:
   each linear layer gets a low-rank update (LoRA: W.T + A @ B, rank RANK, B starting at zero, so
   training starts from step 1's model), and the layers' biases and layer norms are tuned too.
   The file then holds the head and those small tensors (float16), which
   tacitus.events.embed.apply_adapter merges into the packaged model's weights at load time.

`--dev` holds out a fifth of the data (a fixed permutation, seed 0), trains on the other four
fifths and prints held-out accuracy and five-class macro-F1 for step 1 alone and for step 2;
`--dev-out FILE` also writes that held-out-trained model and the held-out rows' indices, for
choosing the reranker's settings on sentences the model never saw.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np

from tacitus.eval.labeled import load_cameo_class
from tacitus.events.classifier import CLASSES, NO_EVENT, WEIGHTS_FILE, PentaclassModel, train
from tacitus.events.embed import HEADS, LAYERS, LN_EPS, SentenceEncoder, model_dir

L2 = 1e-4  # step 1 (5-fold CV on the train split)
STEPS = 600
TUNED_LAYERS = 2  # layers 4 and 5 of 6; 1 was clearly worse on held-out train rows, 3-4 no better
RANK = 16
EPOCHS = 6
BATCH = 16
RATE = 1e-3
WEIGHT_DECAY = 0.01
SEED = 0
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


def fine_tune(weights: dict[str, np.ndarray], ids: list[list[int]], y: np.ndarray, head: PentaclassModel):
    """Step 2: returns (head weights (dim, CLASSES), head bias, adapter tensors)."""
    import torch
    import torch.nn.functional as F
    from torch import nn

    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    w = {k: torch.from_numpy(np.asarray(v, dtype=np.float32)) for k, v in weights.items() if v.dtype != np.int64}
    dim = w["embeddings.word_embeddings.weight"].shape[1]
    first = LAYERS - TUNED_LAYERS

    class Layer(nn.Module):
        linears = ("attention.self.query", "attention.self.key", "attention.self.value",
                   "attention.output.dense", "intermediate.dense", "output.dense")
        norms = ("attention.output.LayerNorm", "output.LayerNorm")

        def __init__(self, index: int, tuned: bool):
            super().__init__()
            self.prefix = f"encoder.layer.{index}."
            names = [f"{n}.{p}" for n in self.linears for p in ("weight", "bias")]
            names += [f"{n}.{p}" for n in self.norms for p in ("weight", "bias")]
            self.base = {n: w[self.prefix + n] for n in names}
            self.tuned = nn.ParameterDict()
            if tuned:
                for n in names:
                    if not (n.endswith(".weight") and self.base[n].dim() == 2):
                        self.tuned[n.replace(".", "/")] = nn.Parameter(self.base[n].clone())
                for n in self.linears:
                    out, inp = self.base[n + ".weight"].shape
                    self.tuned[n.replace(".", "/") + "/lora_A"] = nn.Parameter(torch.randn(inp, RANK) / math.sqrt(inp))
                    self.tuned[n.replace(".", "/") + "/lora_B"] = nn.Parameter(torch.zeros(RANK, out))

        def get(self, name: str):
            return self.tuned.get(name.replace(".", "/"), self.base.get(name))

        def linear(self, x, n: str):
            y = F.linear(x, self.base[n + ".weight"], self.get(n + ".bias"))
            a = self.tuned.get(n.replace(".", "/") + "/lora_A")
            return y if a is None else y + (x @ a) @ self.tuned[n.replace(".", "/") + "/lora_B"]

        def norm(self, x, n: str):
            return F.layer_norm(x, (dim,), self.get(n + ".weight"), self.get(n + ".bias"), LN_EPS)

        def forward(self, x, bias):
            n, length, _ = x.shape
            hd = dim // HEADS

            def heads(name: str):
                return self.linear(x, f"attention.self.{name}").view(n, length, HEADS, hd).transpose(1, 2)

            q, k, v = heads("query"), heads("key"), heads("value")
            scores = q @ k.transpose(-1, -2) / math.sqrt(hd) + bias
            context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(n, length, dim)
            x = self.norm(self.linear(context, "attention.output.dense") + x, "attention.output.LayerNorm")
            inner = F.gelu(self.linear(x, "intermediate.dense"))
            return self.norm(self.linear(inner, "output.dense") + x, "output.LayerNorm")

    # The frozen layers run once per sentence; their output is the tuned layers' input.
    frozen = [Layer(i, tuned=False) for i in range(first)]
    cache = []
    with torch.no_grad():
        for row in ids:
            t = torch.tensor([row])
            x = w["embeddings.word_embeddings.weight"][t] + w["embeddings.position_embeddings.weight"][: len(row)][None] + w["embeddings.token_type_embeddings.weight"][0]
            x = F.layer_norm(x, (dim,), w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], LN_EPS)
            for layer in frozen:
                x = layer(x, torch.zeros(1, 1, 1, len(row)))
            cache.append(x[0])

    tuned = nn.ModuleList([Layer(i, tuned=True) for i in range(first, LAYERS)])
    out = nn.Linear(dim, CLASSES)
    with torch.no_grad():
        out.weight.copy_(torch.from_numpy(head.weights.T.astype(np.float32)))
        out.bias.copy_(torch.from_numpy(head.bias.astype(np.float32)))
    params = list(tuned.parameters()) + list(out.parameters())
    opt = torch.optim.AdamW(params, lr=RATE, weight_decay=WEIGHT_DECAY)
    total = EPOCHS * math.ceil(len(y) / BATCH)
    warm = 0.1 * total
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / warm) * max(0.0, (total - s) / (total - warm)))
    rng = np.random.default_rng(SEED)
    for _ in range(EPOCHS):
        order = rng.permutation(len(y))
        for b in range(0, len(order), BATCH):
            rows = order[b : b + BATCH]
            width = max(cache[r].shape[0] for r in rows)
            x = torch.zeros(len(rows), width, dim)
            mask = torch.zeros(len(rows), width)
            for i, r in enumerate(rows):
                x[i, : cache[r].shape[0]] = cache[r]
                mask[i, : cache[r].shape[0]] = 1
            bias = (1 - mask)[:, None, None, :] * -1e9
            for layer in tuned:
                x = layer(x, bias)
            pooled = F.normalize((x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True), dim=-1)
            loss = F.cross_entropy(out(pooled), torch.from_numpy(y[rows]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    adapter = {}
    for layer in tuned:
        for key, value in layer.tuned.items():
            adapter[layer.prefix + key.replace("/", ".")] = value.detach().numpy().copy()
    return out.weight.detach().numpy().T.copy(), out.bias.detach().numpy().copy(), adapter


def fit(encoder: SentenceEncoder, weights: dict[str, np.ndarray], texts: list[str], y: np.ndarray, note: str) -> tuple[PentaclassModel, PentaclassModel]:
    """Step 1 and step 2 on these rows: (frozen-encoder model, tuned model)."""
    frozen = train(encoder.encode(texts), y, L2, steps=STEPS, note=note)
    ids = [e.ids for e in encoder.tokenizer.encode_batch(texts)]
    head_w, head_b, adapter = fine_tune(weights, ids, y, frozen)
    return frozen, PentaclassModel(head_w.astype(np.float64), head_b.astype(np.float64), note, adapter)


def scores(model: PentaclassModel, texts: list[str], y: np.ndarray) -> tuple[float, float]:
    # float16, as the file stores it: what is measured is what ships
    model = PentaclassModel(model.weights, model.bias, model.note, {k: v.astype(np.float16).astype(np.float32) for k, v in model.adapter.items()})
    pred = model.probabilities(SentenceEncoder.load(adapter=model.adapter).encode(texts)).argmax(axis=1)
    return float((pred == y).mean()), macro_f1(y, pred)


def main(argv: list[str] | None = None) -> int:
    from safetensors.numpy import load_file

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="the shared/reference folder")
    parser.add_argument("--dev", action="store_true", help="train on four fifths, report the held-out fifth")
    parser.add_argument("--dev-out", type=Path, help="with --dev: write the held-out-trained model here")
    args = parser.parse_args(argv)
    rows = load_cameo_class(args.reference / "ConfliBERT" / "cameo_class" / "train.tsv")
    texts = [r.text for r in rows] + offtopic_sentences()
    y = np.array([r.label for r in rows] + [NO_EVENT] * (len(texts) - len(rows)))
    encoder = SentenceEncoder.load()
    weights = load_file(str(model_dir() / "model.safetensors"))
    note = (
        f"all-MiniLM-L6-v2 (tacitus.events.embed) with layers {LAYERS - TUNED_LAYERS}-{LAYERS - 1} "
        f"fine-tuned (LoRA rank {RANK} + biases and layer norms, {EPOCHS} epochs, AdamW lr {RATE:g}) "
        f"under a softmax head started from softmax regression (l2={L2:g}); trained on the ConfliBERT "
        f"cameo_class train split ({len(rows)} sentences, labels 0-4) and {len(y) - len(rows)} off-topic "
        f"sentences of ours (label 5, scripts/data/offtopic_train.txt); scripts/train_event_classifier.py"
    )
    if args.dev:
        order = np.random.default_rng(SEED).permutation(len(y))
        held, keep = np.sort(order[: len(y) // 5]), np.sort(order[len(y) // 5 :])
        frozen, tuned = fit(encoder, weights, [texts[i] for i in keep], y[keep], note)
        held_texts = [texts[i] for i in held]
        for name, model in (("frozen encoder + softmax", frozen), ("fine-tuned", tuned)):
            acc, f1 = scores(model, held_texts, y[held])
            print(f"{name:26} held-out accuracy={acc:.3f}  macro-F1={f1:.3f}  ({len(held)} rows)")
        if args.dev_out:
            tuned.save(args.dev_out)
            np.savetxt(args.dev_out.with_suffix(".held.txt"), held[held < len(rows)], fmt="%d")
            print(f"wrote {args.dev_out} and its held-out train rows")
        return 0
    _, model = fit(encoder, weights, texts, y, note)
    model.save(OUT)
    acc, f1 = scores(PentaclassModel.load(OUT), texts, y)
    print(f"wrote {OUT} (train accuracy {acc:.3f}, macro-F1 {f1:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
