"""The two seed pages: exact kept and dropped lines, identified by their index among the file's
non-empty lines (the seeds' own text is read at test time, never copied here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tacitus.extract import extract_text

SEED_1 = "000_360b948eee3ea0f4.txt"
SEED_2 = "003_477ab05b2272327f.txt"


def _lines(seeds_dir: Path, name: str) -> tuple[str, list[str]]:
    path = seeds_dir / name
    if not path.is_file():
        pytest.skip(f"seed {name} is absent")
    text = path.read_text(encoding="utf-8")
    return text, [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_seed_1_spokesman_review(seeds_dir: Path) -> None:
    text, lines = _lines(seeds_dir, SEED_1)
    result = extract_text(text)
    assert len(lines) == 15
    assert result.text == "\n\n".join(lines[3:14])
    assert result.title == lines[1]
    assert result.dateline == lines[2]
    assert (result.date, result.date_source) == (dt.date(1997, 11, 27), "dateline")
    assert result.dropped == [lines[0], lines[14]]
    assert result.dropped == ["Arrow-right Camera", "Click here to comment on this story »"]


def test_seed_2_independent(seeds_dir: Path) -> None:
    text, lines = _lines(seeds_dir, SEED_2)
    result = extract_text(text)
    assert len(lines) == 74
    assert result.title == lines[0]
    assert result.text == "\n\n".join(lines[1:10])  # the standfirst (line 1) is body
    assert (result.date, result.date_source, result.dateline) == (None, None, None)
    assert lines[10].startswith("Start your day with The Independent")
    assert result.dropped == lines[10:]  # the whole tail, from the newsletter prompt on
    assert "Day In a Page" in result.dropped
