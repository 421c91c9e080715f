"""What the command modules share: exit codes, argument types, the store path, plain tables."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from typing import Any

from ..config import Config

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
DB_HELP = "DuckDB store file (default: TACITUS_DB or ./tacitus.duckdb)"


def date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def db_path(args: argparse.Namespace, config: Config) -> str:
    return args.db or os.environ.get("TACITUS_DB") or config.store.path


def table(rows: list[dict[str, Any]], width: int = 60) -> str:
    if not rows:
        return "(none)"
    cols = list(rows[0])
    cells = [[cell(r[c], width) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)


def cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"
