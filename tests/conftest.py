"""Shared fixtures. Test files keep their own local fixtures; only cross-cutting ones live here."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (seeds, reference gold data); skips cleanly when absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: external seeds and gold data not available")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is absent")
    return seeds


@pytest.fixture(scope="session")
def reference_dir(shared_dir: Path) -> Path:
    ref = shared_dir / "reference"
    if not ref.is_dir():
        pytest.skip("../shared/reference is absent")
    return ref


@pytest.fixture(scope="session")
def nlp():
    """The English spaCy pipeline, loaded once for the whole test session."""
    from tacitus.nlp import load_nlp

    return load_nlp()
