"""Our reviewable TSV data files: one reader for all of them.

A table is UTF-8 text with `#` comment lines and blank lines allowed, a header line naming the
columns, then tab-separated rows; trailing empty cells may be left off.
"""

from __future__ import annotations

from collections.abc import Iterator

from .errors import ConfigError


def read_tsv(text: str, source: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, {column: cell}) for each row; a wrong header or a row with too many cells
    raises ConfigError naming the file and line."""
    header = False
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header:
            if tuple(cells) != columns:
                raise ConfigError(f"{source}, line {line_no}: header must be the tab-separated "
                                  f"columns {', '.join(columns)}; found {', '.join(cells)}")
            header = True
            continue
        if len(cells) > len(columns):
            raise ConfigError(f"{source}, line {line_no}: {len(cells)} columns; expected at "
                              f"most {len(columns)} ({', '.join(columns)})")
        yield line_no, dict(zip(columns, cells + [""] * (len(columns) - len(cells))))
    if not header:
        raise ConfigError(f"{source}: no header line ({', '.join(columns)})")
