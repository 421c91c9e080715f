"""The `tacitus` command: parse arguments, call the library, print, map errors to exit codes.

Exit codes: 0 success; 1 a Tacitus error (bad config, store, model) or, with --strict, any rejected
input; 2 a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, TextIO

from . import __version__
from .config import Config, default_config_text, load_config
from .errors import TacitusError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
# Event modalities (tacitus.events.modality.MODALITIES, repeated here so the parser needs no import).
MODALITIES = ("asserted", "negated", "intended", "hypothetical", "claimed")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        config = load_config(args.config or os.environ.get("TACITUS_CONFIG") or None)
        return args.handler(args, config)
    except TacitusError as exc:
        print(f"tacitus: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("tacitus: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # output piped into `head`: not an error
        return EXIT_OK


def _date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tacitus",
        description="Political event data from raw news: who did what to whom, when and where.",
    )
    parser.add_argument("--version", action="version", version=f"tacitus {__version__}")
    parser.add_argument("--config", metavar="FILE", help="TOML config file (default: TACITUS_CONFIG or built-in defaults)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    db_help = "DuckDB store file (default: TACITUS_DB or ./tacitus.duckdb)"

    p = sub.add_parser("ingest", help="read, clean, date, parse and store news documents")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, directory (recursive) or - for stdin")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p.add_argument("--date", type=_date_arg, metavar="YYYY-MM-DD", help="document date for every input")
    p.add_argument("--source", metavar="NAME", help="source (outlet) name for every input")
    p.add_argument("--strict", action="store_true", help="exit 1 when any input is rejected")
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("code", help="ingest like `ingest`, code events and print them")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, directory (recursive) or - for stdin")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p.add_argument("--no-store", action="store_true", help="code in memory; leave the store alone")
    p.add_argument("--date", type=_date_arg, metavar="YYYY-MM-DD", help="document date for every input")
    p.add_argument("--source", metavar="NAME", help="source (outlet) name for every input")
    p.add_argument("--format", choices=("jsonl", "csv", "table"), help="default: table on a terminal, else jsonl")
    p.add_argument("--require-dyad", action="store_true", help="only events with a coded source and target")
    p.add_argument(
        "--only", action="append", choices=MODALITIES, metavar="MODALITY",
        help=f"print only events of this modality (repeatable): {', '.join(MODALITIES)}",
    )
    p.add_argument("--no-historical", action="store_true", help="leave out background events dated well before the story")
    p.add_argument("--strict", action="store_true", help="exit 1 when any input is rejected")
    p.set_defaults(handler=cmd_code)

    p = sub.add_parser("extract", help="print the clean text and metadata of a page")
    p.add_argument("path", metavar="FILE", help="file to extract (or - for stdin)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=cmd_extract)

    p = sub.add_parser("docs", help="list stored documents")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p.add_argument("--status", choices=("ok", "rejected"), help="only documents with this status")
    p.add_argument("--limit", type=int, default=50, help="rows to show (default 50)")
    p.add_argument("--offset", type=int, default=0, help="rows to skip")
    p.add_argument("--rejections", action="store_true", help="list rejected inputs instead")
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.set_defaults(handler=cmd_docs)

    p = sub.add_parser("stats", help="counts by status, source and date")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("eval", help="measure the coder against the reference gold sets")
    p.add_argument("--reference", metavar="DIR", help="gold data folder (default: TACITUS_REFERENCE or ../shared/reference)")
    p.add_argument("--task", action="append", metavar="NAME", help="run only this task (repeatable)")
    p.add_argument("--limit", type=int, metavar="N", help="at most N items per task")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="print N wrong items per task on stderr")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=cmd_eval)

    p = sub.add_parser("config", help="print the default configuration file")
    p.set_defaults(handler=cmd_config)
    return parser


def db_path(args: argparse.Namespace, config: Config) -> str:
    return args.db or os.environ.get("TACITUS_DB") or config.store.path


# --- commands -----------------------------------------------------------------------------------


def _run_pipeline(args: argparse.Namespace, config: Config, path: str, coder=None, on_document=None):
    """What `ingest` and `code` share: read the inputs, run them through the pipeline into the
    store at `path`, record the run; returns the run's report."""
    from .nlp import load_nlp
    from .pipeline import ingest
    from .prepare import PrepareOptions
    from .sources import ReaderOptions, read_inputs
    from .store import Store

    options = PrepareOptions(
        date=args.date,
        source=args.source,
        languages=config.ingest.languages,
        min_text_chars=config.ingest.min_text_chars,
    )
    nlp = load_nlp(config.nlp.model)
    with Store(path) as store:
        run_id = store.begin_run(args.command, _run_args(args))
        inputs = read_inputs(args.paths, ReaderOptions(max_bytes=config.ingest.max_bytes), stdin=sys.stdin.buffer)
        report = ingest(
            inputs, store, nlp, options, run_id=run_id, batch_size=config.nlp.batch_size,
            coder=coder, on_document=on_document,
        )
        store.finish_run(run_id, report.counts())
    _print_rejections(report.examples, report.rejected, sys.stderr)
    return report


def cmd_ingest(args: argparse.Namespace, config: Config) -> int:
    path = db_path(args, config)
    report = _run_pipeline(args, config, path)
    print(_summary(report, path))
    return EXIT_ERROR if args.strict and report.rejected else EXIT_OK


def cmd_code(args: argparse.Namespace, config: Config) -> int:
    from .events.coder import load_coder
    from .output import EventWriter

    path = ":memory:" if args.no_store else db_path(args, config)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if args.require_dyad:
        config = replace(config, coder=replace(config.coder, require_dyad=True))
    coder = load_coder(config.coder_options())
    writer = EventWriter(sys.stdout, fmt)
    report = _run_pipeline(
        args, config, path, coder=coder, on_document=lambda doc: writer.write(_shown(doc.events or [], args))
    )
    writer.close()
    print(_summary(report, "(memory)" if args.no_store else path) + f"; {report.events} events", file=sys.stderr)
    return EXIT_ERROR if args.strict and report.rejected else EXIT_OK


def _shown(events: list, args: argparse.Namespace) -> list:
    """The events the output filters let through (all events are stored regardless)."""
    return [
        e for e in events
        if (not args.only or e.modality in args.only) and not (args.no_historical and e.historical)
    ]


def _run_args(args: argparse.Namespace) -> dict[str, Any]:
    return {
        k: (v.isoformat() if isinstance(v, dt.date) else v)
        for k, v in vars(args).items()
        if k not in ("handler",)
    }


def _summary(report: Any, path: str) -> str:
    parts = [f"{report.stored} stored", f"{report.duplicates} duplicate", f"{report.rejected} rejected"]
    ordered = sorted(report.reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    reasons = ", ".join(f"{k}: {n}" for k, n in ordered)
    line = f"ingested {report.inputs} inputs: " + ", ".join(parts)
    if reasons:
        line += f" ({reasons})"
    return line + f"; {report.sentences} sentences; store {path}"


def _print_rejections(examples: list, total: int, out: TextIO) -> None:
    for rej in examples:
        where = f"{rej.origin} ({rej.record})" if rej.record else rej.origin
        print(f"rejected: {where}: {rej.reason}", file=out)
    if total > len(examples):
        print(f"... and {total - len(examples)} more (tacitus docs --rejections)", file=out)


def cmd_extract(args: argparse.Namespace, config: Config) -> int:
    from .prepare import extract, resolve_date
    from .sources import ReaderOptions, read_inputs

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


def cmd_docs(args: argparse.Namespace, config: Config) -> int:
    from .store import Store

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
        print(_table(rows))
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


def _table(rows: list[dict[str, Any]], width: int = 60) -> str:
    if not rows:
        return "(none)"
    cols = list(rows[0])
    cells = [[_cell(r[c], width) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_stats(args: argparse.Namespace, config: Config) -> int:
    from .store import Store

    with Store(db_path(args, config), read_only=True) as store:
        stats = store.stats()
    data = stats.to_json()
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(
        f"documents: {data['documents']}  sentences: {data['sentences']}  events: {data['events']}  "
        f"rejections: {data['rejections']}  runs: {data['runs']}"
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


def cmd_eval(args: argparse.Namespace, config: Config) -> int:
    from pathlib import Path

    from .api import _nlp, code_text
    from .eval.context import CONTEXT
    from .errors import ConfigError
    from .eval.report import TASKS, EvalReport, format_table, run_all

    reference = Path(args.reference or os.environ.get("TACITUS_REFERENCE") or "../shared/reference")
    names = args.task or []
    unknown = [t for t in names if t not in TASKS and t not in CONTEXT]
    if unknown:
        raise ConfigError(f"unknown evaluation task(s) {unknown}; valid tasks: {', '.join([*TASKS, *CONTEXT])}")
    context = [t for t in names if t in CONTEXT] if names else list(CONTEXT)
    gold = [t for t in names if t not in CONTEXT] if names else None
    if gold is None and not reference.is_dir():
        print(f"tacitus: no reference data at {reference}: running our own labelled sets only", file=sys.stderr)
        gold = []
    if gold == []:
        report = EvalReport(str(reference), args.limit)
    else:
        report = run_all(code_text, reference, tasks=gold, limit=args.limit)
    report.results.extend(CONTEXT[name](_nlp()) for name in context)
    if args.format == "json":
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_table(report))
    for result in report.results:
        for case in result.errors[: args.errors]:
            print(f"[{result.task}] {case.item}: {case.text}", file=sys.stderr)
            print(f"    gold:      {case.gold}", file=sys.stderr)
            print(f"    predicted: {case.predicted}", file=sys.stderr)
    return EXIT_OK


def cmd_config(args: argparse.Namespace, config: Config) -> int:
    print(default_config_text(), end="")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
