import pytest

from tacitus.errors import ConfigError
from tacitus.tables import read_tsv


def test_rows_with_comments_and_short_rows():
    text = "# a comment\ncode\tname\tnote\n\nUSA\tUnited States\nPRK\tNorth Korea\tthe North\n"
    assert list(read_tsv(text, "t.tsv", ("code", "name", "note"))) == [
        (4, {"code": "USA", "name": "United States", "note": ""}),
        (5, {"code": "PRK", "name": "North Korea", "note": "the North"}),
    ]


@pytest.mark.parametrize(
    "text, message",
    [
        ("code\tname\n", "t.tsv, line 1: header must be the tab-separated columns code, name, note"),
        ("code\tname\tnote\nA\tB\tC\tD\n", "t.tsv, line 2: 4 columns; expected at most 3"),
        ("# only comments\n", "t.tsv: no header line"),
    ],
)
def test_errors_name_file_and_line(text, message):
    with pytest.raises(ConfigError, match=message):
        list(read_tsv(text, "t.tsv", ("code", "name", "note")))
