"""`tacitus extract`: print the clean text and metadata of a page."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from ..config import Config
from .common import EXIT_ERROR, EXIT_OK


def register(sub: Any) -> None:
    """Add this module's commands to the `tacitus` subparsers."""
    p = sub.add_parser("extract", help="print the clean text and metadata of a page")
    p.add_argument("path", metavar="FILE", help="file to extract (or - for stdin)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=cmd_extract)


def cmd_extract(args: argparse.Namespace, config: Config) -> int:
    from ..prepare import extract, resolve_date
    from ..sources import ReaderOptions, read_inputs

    status = EXIT_OK
    for item in read_inputs([args.path], ReaderOptions(max_bytes=config.ingest.max_bytes), stdin=sys.stdin.buffer):
        if not hasattr(item, "content"):
            print(f"tacitus: {item.origin}: {item.reason}", file=sys.stderr)
            status = EXIT_ERROR
            continue
        extraction = extract(item)
        date, date_source = resolve_date(item, extraction, None)
        if args.format == "json":
            print(json.dumps(_extraction_json(item, extraction, date, date_source), ensure_ascii=False))
        else:
            print(_extraction_text(extraction, date))
    return status


def _extraction_json(raw: Any, extraction: Any, date: dt.date | None, date_source: str) -> dict[str, Any]:
    return {
        "doc_ref": raw.ref,
        "title": raw.title or extraction.title,
        "date": date.isoformat() if date else None,
        "date_source": date_source,
        "dateline": extraction.dateline,
        "site": extraction.site,
        "url": raw.url,
        "text": extraction.text,
        "dropped": extraction.dropped,
    }


def _extraction_text(extraction: Any, date: dt.date | None) -> str:
    head = []
    if extraction.title:
        head.append(extraction.title)
    if date:
        head.append(date.isoformat())
    return "\n".join(head + ([""] if head else []) + [extraction.text])
