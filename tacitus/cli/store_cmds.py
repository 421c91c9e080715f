"""`tacitus docs` and `tacitus stats`: read the store and print documents, rejections and counts."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..config import Config
from .common import DB_HELP, EXIT_OK, db_path, table


def register(sub: Any) -> None:
    """Add this module's commands to the `tacitus` subparsers."""
    p = sub.add_parser("docs", help="list stored documents")
    p.add_argument("--db", metavar="FILE", help=DB_HELP)
    p.add_argument("--status", choices=("ok", "rejected"), help="only documents with this status")
    p.add_argument("--limit", type=int, default=50, help="rows to show (default 50)")
    p.add_argument("--offset", type=int, default=0, help="rows to skip")
    p.add_argument("--rejections", action="store_true", help="list rejected inputs instead")
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.set_defaults(handler=cmd_docs)
    p = sub.add_parser("stats", help="counts by status, source and date")
    p.add_argument("--db", metavar="FILE", help=DB_HELP)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=cmd_stats)


def cmd_docs(args: argparse.Namespace, config: Config) -> int:
    from ..store import Store

    with Store(db_path(args, config), read_only=True) as store:
        if args.rejections:
            rows = [
                {"origin": r.origin, "record": r.record, "ref": r.ref, "reason": r.reason}
                for r in store.rejections(limit=args.limit, offset=args.offset)
            ]
        else:
            rows = [_summary_row(d) for d in store.documents(status=args.status, limit=args.limit, offset=args.offset)]
    if args.format == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        print(table(rows))
    return EXIT_OK


def _summary_row(doc: Any) -> dict[str, Any]:
    return {
        "id": doc.id,
        "date": doc.date.isoformat() if doc.date else None,
        "source": doc.source,
        "status": doc.status if doc.status == "ok" else f"rejected: {doc.reason}",
        "sentences": doc.n_sentences,
        "title": doc.title,
        "ref": doc.ref,
    }


def cmd_stats(args: argparse.Namespace, config: Config) -> int:
    from ..store import Store

    with Store(db_path(args, config), read_only=True) as store:
        stats = store.stats()
    data = stats.to_json()
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(
        f"documents: {data['documents']}  sentences: {data['sentences']}  events: {data['events']}  "
        f"unreadable inputs: {data['rejections']}  runs: {data['runs']}"
    )
    months = data.get("by_month") or {}
    by_date = ("by month", months) if len(months) <= MAX_MONTHS_SHOWN else ("by year", _by_year(months))
    for title, counts in (
        ("by status", data.get("by_status")),
        ("by source", data.get("by_source")),
        by_date,
        ("rejections by reason", data.get("rejections_by_reason")),
    ):
        if counts:
            print(f"{title}:")
            for name, n in counts.items():
                print(f"  {name or '(unknown)':<40} {n:>6}")
    return EXIT_OK


MAX_MONTHS_SHOWN = 24


def _by_year(months: dict[str, int]) -> dict[str, int]:
    """Month counts ("1997-11", "unknown") rolled up to years, in the same order."""
    years: dict[str, int] = {}
    for month, n in months.items():
        key = month[:4] if month[:4].isdigit() else month
        years[key] = years.get(key, 0) + n
    return years
