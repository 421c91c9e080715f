"""Server settings: limits and the access token, built once by `tacitus serve` (or a test).

Why a record of their own and not config keys: they describe one running server (its bind
address, its token), not the corpus; the CLI builds them from its options.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from tacitus.errors import ConfigError

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Limits and access for one server.

    `token`: when set, `POST /api/code` needs `Authorization: Bearer TOKEN`.
    `allowed_hosts`: Host header values (without port) the server answers; None answers any.
    The default, the loopback names, stops DNS-rebinding pages from reading a local server.
    """

    token: str | None = None
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_NAMES
    max_request_bytes: int = 1_048_576  # any request body; larger is answered 413
    max_code_chars: int = 100_000  # text pasted into POST /api/code
    code_per_minute: int = 30  # POST /api/code calls per client address per minute
    code_concurrency: int = 1  # codings running at once; more wait up to `code_wait_s`
    code_wait_s: float = 10.0
    refresh_interval_s: float = 1.0  # how often the store is checked for changes
    snapshot_dir: str | None = None  # where snapshot copies go (default: the system temp folder)

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token) < 8:
            raise ConfigError("the server token must be at least 8 characters long")
        for name in ("max_request_bytes", "max_code_chars", "code_per_minute", "code_concurrency"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"web setting {name} must be a positive integer, got {getattr(self, name)!r}")
        if self.refresh_interval_s < 0 or self.code_wait_s < 0:
            raise ConfigError("web settings refresh_interval_s and code_wait_s must be 0 or more")


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach ("127.0.0.1", "::1", "localhost")."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
