"""`tacitus serve`: the JSON API and the dashboard over a store, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from typing import Any

from ..config import Config
from .common import DB_HELP, EXIT_OK, db_path

TOKEN_ENV = "TACITUS_TOKEN"
OPEN_WAIT_S = 30.0  # how long start-up waits for a running ingest to let go of the store


def register(sub: Any) -> None:
    """Add this module's commands to the `tacitus` subparsers."""
    p = sub.add_parser("serve", help="serve the JSON API and the web dashboard")
    p.add_argument("--db", metavar="FILE", help=DB_HELP)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=_port, default=8000, help="port to listen on (default 8000)")
    p.add_argument(
        "--token", metavar="T",
        help=f"token POST /api/code requires (default: {TOKEN_ENV}; one is made up on a non-loopback host)",
    )
    p.set_defaults(handler=cmd_serve)


def _port(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number from 1 to 65535")
    return int(value)


def cmd_serve(args: argparse.Namespace, config: Config) -> int:
    import uvicorn

    from ..web import WebSettings, create_app, is_loopback

    path = db_path(args, config)
    token = args.token or os.environ.get(TOKEN_ENV) or None
    local = is_loopback(args.host)
    if token is None and not local:
        token = secrets.token_urlsafe(24)
        print(f"tacitus serve: {args.host} is reachable from other machines; POST /api/code needs "
              f"this token: {token}", file=sys.stderr)
    settings = WebSettings(token=token, allowed_hosts=None if not local else WebSettings().allowed_hosts)
    app = create_app(config, path, settings, open_wait_s=OPEN_WAIT_S)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"serving {path} at http://{shown}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    server = uvicorn.Server(uvicorn.Config(
        app, host=args.host, port=args.port, log_level="warning", access_log=False,
        limit_concurrency=256, timeout_graceful_shutdown=5,
    ))
    try:
        server.run()
    except KeyboardInterrupt:  # uvicorn stops cleanly, then re-raises Ctrl-C: the usual way to stop
        pass
    print("tacitus serve: stopped", file=sys.stderr)
    return EXIT_OK
