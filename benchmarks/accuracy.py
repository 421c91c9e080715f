"""Accuracy on the external gold sets: the same table as `tacitus eval`, for benchmark runs.

    python benchmarks/accuracy.py [REFERENCE_DIR] [--limit N]

Prints the table; exits 0 with a note when the reference folder is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tacitus.api import code_text
from tacitus.eval.report import format_table, run_all

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "reference"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("reference", nargs="?", default=str(DEFAULT))
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    reference = Path(args.reference)
    if not reference.is_dir():
        print(f"no reference data at {reference}: nothing to measure")
        return 0
    started = time.perf_counter()
    code_text("Warm up the model.", "2000-01-01")
    report = run_all(code_text, reference, limit=args.limit)
    print(format_table(report))
    print(f"total {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
