"""A dyad timeline as a picture: cooperation up, conflict down, the Goldstein mean as a line.

matplotlib is imported inside the function with the Agg backend (no display, no work at import
time), and the figure is closed after saving, so a long-lived process can plot many times.
"""

from __future__ import annotations

import math
from pathlib import Path

from tacitus.analysis import DyadSeries
from tacitus.errors import InputError

SUFFIXES = (".png", ".svg")
_COOPERATION, _CONFLICT, _LINE = "#2b7bba", "#d7301f", "#333333"


def plot_dyad(series: DyadSeries, path: str | Path) -> Path:
    """Render the combined series of a dyad to a PNG or SVG file (chosen by the suffix).

    Bars: events per period, verbal and material cooperation stacked upwards, verbal and
    material conflict downwards. Line (right axis): the Goldstein mean of the period.
    """
    target = Path(path)
    if target.suffix.lower() not in SUFFIXES:
        raise InputError(str(target), f"cannot plot to {target.suffix or 'a file without a suffix'}; "
                                      f"valid: {', '.join(SUFFIXES)}")
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    periods = series.periods
    x = list(range(len(periods)))
    q = [[p.quad_counts[i] for p in series.combined] for i in range(4)]
    fig, ax = plt.subplots(figsize=(max(7.5, min(16.0, 0.35 * len(x) + 3)), 4.8))
    try:
        ax.bar(x, q[0], color=_COOPERATION, alpha=0.55, label="verbal cooperation")
        ax.bar(x, q[1], bottom=q[0], color=_COOPERATION, label="material cooperation")
        ax.bar(x, [-v for v in q[2]], color=_CONFLICT, alpha=0.55, label="verbal conflict")
        ax.bar(x, [-v for v in q[3]], bottom=[-v for v in q[2]], color=_CONFLICT,
               label="material conflict")
        ax.axhline(0, color="#999999", linewidth=0.8)
        ax.set_ylabel("events (conflict below zero)")
        ax.set_title(f"{series.a} \u2013 {series.b}, by {series.freq}")
        _label_periods(ax, x, periods)
        line = ax.twinx()
        means = [p.goldstein_mean for p in series.combined]
        line.plot(x, [math.nan if m is None else m for m in means],  # gaps break the line
                  color=_LINE, marker="o", markersize=3, linewidth=1.2, label="Goldstein mean")
        line.set_ylim(-10.5, 10.5)
        line.set_ylabel("Goldstein mean")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        handles = ax.get_legend_handles_labels()[0] + line.get_legend_handles_labels()[0]
        fig.legend(handles=handles, loc="lower center", ncol=3, fontsize="small", frameon=False)
        fig.subplots_adjust(left=0.1, right=0.9, top=0.92, bottom=0.3)  # fixed: tight_layout costs more than the plot
        try:
            fig.savefig(target, format=target.suffix.lower()[1:])
        except OSError as exc:
            raise InputError(str(target), f"cannot write the plot: {exc.strerror}") from exc
    finally:
        plt.close(fig)
    return target


def _label_periods(ax, x: list[int], periods: list[str]) -> None:
    """At most about 16 tick labels, evenly spaced, so long series stay readable."""
    step = max(1, math.ceil(len(periods) / 16))
    ax.set_xticks(x[::step])
    ax.set_xticklabels(periods[::step], rotation=45, ha="right", fontsize="small")
