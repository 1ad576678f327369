"""Chart images (PNG at 2× and SVG) made on the server with kaleido and Debian's Chromium.

The exported figure is the chart's figure (``charts.figure(spec)``) at 1600×900 (16:9) with the title at the
top and the source line and the date drawn under the plot, so an image pasted into a deck or
a report still says what, when and from where. Number separators travel with the figure's
``layout.separators`` (Swedish: decimal comma and a space between thousands).

Kaleido starts a browser for every call (2–3 s); a warm server renders a chart in ~0.15 s,
so the first call starts one and keeps it for the process (stopped at exit).
"""

import atexit
import datetime as dt
import os
import shutil
import tempfile
import textwrap
import threading
import warnings
from pathlib import Path

import plotly.graph_objects as go

from regionstats import charts, chartspec
from regionstats.i18n import t
from regionstats.views import ChartView

WIDTH, HEIGHT, SCALE = 1600, 900, 2
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
FONT_SIZE, TITLE_SIZE, FOOTER_SIZE = 16, 26, 14
TITLE_CHARS, FOOTER_CHARS = 95, 175  # wrap widths that fit 1600 px at those font sizes
FOOTER_LINE = 22  # px per footer line
FOOTER_GAP = 14  # px between the figure's bottom edge and the footer
AXIS_SPACE = 100  # px under the plot for tick labels and the axis title
LEGEND_SPACE = 40
MIME = {"png": "image/png", "svg": "image/svg+xml"}
TABS = 2  # kaleido tabs rendering a batch side by side (one per core of this machine)


class ChromiumMissing(RuntimeError):
    """No Chromium/Chrome on the server, so no images or PDFs; ``message(lang)`` says so."""

    def __init__(self):
        super().__init__(t("chromium_missing", "en"))

    @staticmethod
    def message(lang: str = "sv") -> str:
        return t("chromium_missing", lang)


def find_chromium() -> str | None:
    """The browser kaleido and Playwright will use: $BROWSER_PATH, else the first on PATH."""
    override = os.environ.get("BROWSER_PATH")
    if override:
        return override if os.path.isfile(override) and os.access(override, os.X_OK) else None
    for name in BROWSER_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def require_chromium() -> str:
    path = find_chromium()
    if path is None:
        raise ChromiumMissing()
    return path


def available() -> bool:
    return find_chromium() is not None


def wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False) if text else []


STATUS_NOTE_CHARS = 240  # a provisional/conflicting footnote in a picture; the full reason is in the app


def footer_text(view: ChartView, lang: str, made: dt.date | None = None) -> str:
    made_on = t("made_on", lang, date=(made or dt.date.today()).isoformat())
    text = f"{view.source_note} · {made_on}" if view.source_note else made_on
    for note in view.status_notes:
        text += " · " + (note if len(note) <= STATUS_NOTE_CHARS else note[:STATUS_NOTE_CHARS - 1] + "…")
    return text


def export_figure(view: ChartView, lang: str, made: dt.date | None = None, decorate: bool = True,
                  size: tuple[int, int] = (WIDTH, HEIGHT)) -> go.Figure:
    """A copy of the chart at 1600×900 with (if decorate) the title, source and date drawn in.

    Without decorate (for slides, whose own title and source text sit around the picture) the
    title and footer are left out and the plot gets the whole frame.
    """
    fig = charts.figure(chartspec.without_links(view.spec))  # an SVG would keep a link from data
    layout = fig.layout
    lines = wrap(footer_text(view, lang, made), FOOTER_CHARS) if decorate else []
    footer_height = FOOTER_GAP + FOOTER_LINE * len(lines)
    has_legend = any(trace.showlegend is not False and trace.name for trace in fig.data) and (
        layout.showlegend is not False)
    # under the plot, top to bottom: tick labels and axis title (unless the axis is on top, as the
    # matrix's column names are), the legend, the footer
    axis_on_top = layout.xaxis.side == "top"
    bottom = (20 if axis_on_top else AXIS_SPACE) + (LEGEND_SPACE if has_legend else 0) + footer_height
    width, height = size
    legend_y = (footer_height + 16) / height
    top = (110 if decorate else 30) + (34 if len(wrap(view.title, TITLE_CHARS)) > 1 else 0)
    fig.update_layout(
        width=width, height=height, autosize=False,
        font={"size": FONT_SIZE},
        margin={"l": max(int(layout.margin.l or 10), 20), "r": max(int(layout.margin.r or 30), 40),
                "t": top + (60 if axis_on_top else 0), "b": bottom},
        legend={"xref": "container", "x": 0.01, "xanchor": "left", "yref": "container", "y": legend_y,
                "yanchor": "bottom", "font": {"size": FONT_SIZE}},
    )
    labels = [v for trace in fig.data for v in _values(getattr(trace, "y", None)) if v is not None]
    if any(trace.type == "heatmap" for trace in fig.data) and labels:
        # the matrix: its labels and digits no taller than a row (25 rows in a slide's picture overlapped)
        pitch = (height - top - 60 - bottom) / len(set(labels))
        row_size = max(8, min(FONT_SIZE, int(pitch * 0.72)))
        fig.update_layout(font={"size": row_size})
        fig.update_traces(textfont={"size": row_size}, selector={"type": "heatmap"})
    if labels and all(isinstance(v, str) for v in labels):
        fig.update_yaxes(ticksuffix="  ")  # row labels clear of the 'saknas' markers at the axis
    if decorate:
        fig.update_layout(title={
            "text": "<br>".join(wrap(view.title, TITLE_CHARS)), "font": {"size": TITLE_SIZE},
            "x": 0.01, "xref": "container", "y": 0.97, "yref": "container", "yanchor": "top",
        })
        # The footer is the title of a second legend: legends (unlike annotations) can be placed in
        # the figure's own coordinates, so it starts at the left edge whatever the axis labels take.
        fig.add_trace(_footer_carrier(fig))
        fig.update_layout(legend2={
            "title": {"text": "<br>".join(lines), "font": {"size": FOOTER_SIZE, "color": "#444444"},
                      "side": "top left"},
            "xref": "container", "x": 0.01, "xanchor": "left",
            "yref": "container", "y": FOOTER_GAP / height / 2,
            "yanchor": "bottom", "font": {"size": 1}, "itemwidth": 30, "bgcolor": "rgba(0,0,0,0)",
            "orientation": "h",
        })
    else:
        fig.update_layout(title={"text": ""})
    return fig


def _values(array) -> list:
    return [] if array is None else list(array)


def _footer_carrier(fig: go.Figure):
    """An empty, invisible trace of the figure's own kind (geo or cartesian) to hold legend2."""
    common = {"mode": "none", "name": "", "legend": "legend2", "showlegend": True, "hoverinfo": "skip"}
    if any(trace.type in ("choropleth", "scattergeo") for trace in fig.data):
        return go.Scattergeo(lat=[None], lon=[None], **common)
    return go.Scatter(x=[None], y=[None], **common)


# --- rendering --------------------------------------------------------------------------------

_lock = threading.Lock()
_server_browser: str | None = None
_stop_registered = False


def _ensure_server(browser: str) -> None:
    """Start kaleido's warm server once (and again if its thread died)."""
    global _server_browser, _stop_registered
    import kaleido

    server = kaleido._global_server  # the singleton start_sync_server opens
    alive = server.is_running() and getattr(server, "_thread", None) is not None and server._thread.is_alive()
    if alive and _server_browser == browser:
        return
    if server.is_running():
        kaleido.stop_sync_server(silence_warnings=True)
    kaleido.start_sync_server(silence_warnings=True, path=browser, mathjax=False, timeout=60, n=TABS)
    _server_browser = browser
    if not _stop_registered:
        # runs before kaleido's own exit hook, which otherwise races Chromium's profile clean-up
        atexit.register(stop)
        _stop_registered = True


def warm() -> None:
    """Start the warm server now, without waiting: Chromium opens while the caller builds its views
    (a deck). Does nothing when there is no Chromium (render says so when it is asked)."""
    browser = find_chromium()
    if browser is None:
        return
    with _lock:
        _ensure_server(browser)


def stop() -> None:
    """Stop the warm kaleido server (the CLI calls this when done; it also stops at exit)."""
    global _server_browser
    import kaleido

    with _lock:
        kaleido.stop_sync_server(silence_warnings=True)
        _server_browser = None


def render(figures: list[go.Figure], fmt: str, scale: float = SCALE,
           size: tuple[int, int] = (WIDTH, HEIGHT)) -> list[bytes]:
    """Render figures to png/svg bytes with one warm browser; ChromiumMissing if there is none."""
    import kaleido

    browser = require_chromium()
    opts = {"format": fmt, "width": size[0], "height": size[1], "scale": scale if fmt == "png" else 1}
    with _lock, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _ensure_server(browser)
        if len(figures) == 1:
            return [kaleido.calc_fig_sync(figures[0].to_dict(), opts=opts)]
        # several at once (a deck): kaleido spreads them over its TABS tabs; it only writes files in a batch
        with tempfile.TemporaryDirectory(prefix="regionstats-images-") as folder:
            specs = [{"fig": fig.to_dict(), "path": os.path.join(folder, f"{i}.{fmt}"), "opts": opts}
                     for i, fig in enumerate(figures)]
            errors = kaleido.write_fig_from_object_sync(specs, cancel_on_error=True)
            if errors:
                raise errors[0]
            return [Path(spec["path"]).read_bytes() for spec in specs]


def png(view: ChartView, lang: str, made: dt.date | None = None, decorate: bool = True) -> bytes:
    """The chart as a 3200×1800 PNG (1600×900 at scale 2)."""
    return render([export_figure(view, lang, made, decorate)], "png")[0]


def svg(view: ChartView, lang: str, made: dt.date | None = None) -> bytes:
    """The chart as a 1600×900 SVG, text kept as text."""
    return render([export_figure(view, lang, made)], "svg")[0]


def file_name(view: ChartView, extension: str) -> str:
    return f"{view.key}.{extension}"
