"""The `tacitus` command: parse arguments, call the library, print, map errors to exit codes.

Exit codes: 0 success; 1 a Tacitus error (bad config, store, model) or, with --strict, any rejected
input; 2 a usage error. Each command lives in a module of this package with a `register(sub)`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..config import Config, default_config_text, load_config
from ..errors import TacitusError
from . import corpus_cmds, eval_cmd, extract_cmd, run_cmds, serve_cmd, store_cmds
from .common import EXIT_ERROR, EXIT_OK, EXIT_USAGE
from .store_cmds import _by_year  # noqa: F401  (tests use it)

COMMAND_MODULES = (run_cmds, extract_cmd, store_cmds, eval_cmd, serve_cmd, corpus_cmds)


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tacitus",
        description="Political event data from raw news: who did what to whom, when and where.",
    )
    parser.add_argument("--version", action="version", version=f"tacitus {__version__}")
    parser.add_argument("--config", metavar="FILE", help="TOML config file (default: TACITUS_CONFIG or built-in defaults)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    p = sub.add_parser("config", help="print the default configuration file")
    p.set_defaults(handler=cmd_config)
    return parser


def cmd_config(args: argparse.Namespace, config: Config) -> int:
    print(default_config_text(), end="")
    return EXIT_OK
