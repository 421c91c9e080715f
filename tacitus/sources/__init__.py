"""Input readers: files, directories and stdin holding text, HTML, JSON Lines, JSON or WARC.

`read_inputs(paths, options, stdin)` yields one RawInput per article found and one Rejection
per input that cannot be one, with the reason; it never raises for bad input.
"""

from tacitus.sources.reader import ReaderOptions, read_inputs

__all__ = ["ReaderOptions", "read_inputs"]
