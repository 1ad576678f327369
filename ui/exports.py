"""Download buttons under every chart and table (the formats themselves live in regionstats/export).

Every file is made only when clicked (data files too: building two CSVs cell by cell for every chart on
every rerun cost 10-56 ms a page at the bundled data and 12-15 s at a million rows):
``st.download_button`` takes a callable and runs it on the click (Streamlit ≥ 1.50), so a page
with many charts never renders PNGs it is not asked for. The buttons themselves are made only when
their "Ladda ned" popover is open (``on_change="rerun"`` and its ``.open``): five widgets per chart on
every rerun were a tenth of a rerun's CPU, and as many elements for a fresh tab to draw. Without
Chromium on the server, the image buttons are replaced by one sentence that says so; the data buttons
still work.
"""

import streamlit as st

from regionstats import cached, config, db
from regionstats.export import images, tables
from regionstats.i18n import t
from regionstats.views import ChartView, TableView

def _label(kind: str, lang: str) -> str:
    return t(f"download_{kind}", lang)


def _help(kind: str, lang: str) -> str:
    return t(f"download_{kind}_help", lang)


def _sources():
    try:
        return cached.run_query("sources")
    except Exception:  # a broken data folder is reported by the shell; the download still works
        return None


def _data_version() -> str:
    try:
        return db.data_fingerprint(config.data_dir())
    except OSError:
        return ""


def _chromium() -> bool:
    """Whether the server has Chromium, looked up once per script run (not twice per chart)."""
    return cached.once_per_run("chromium", images.available)


def image_buttons(view: ChartView, lang: str, columns) -> None:
    """PNG and SVG, made on click; one clear sentence instead if the server has no Chromium."""
    if not _chromium():
        st.caption(images.ChromiumMissing.message(lang))
        return
    png_column, svg_column = columns
    png_column.download_button(
        _label("png", lang), data=lambda: images.png(view, lang), file_name=images.file_name(view, "png"),
        mime=images.MIME["png"], key=f"png_{view.key}", on_click="ignore", help=_help("png", lang),
        icon=":material/image:", width="stretch",
    )
    svg_column.download_button(
        _label("svg", lang), data=lambda: images.svg(view, lang), file_name=images.file_name(view, "svg"),
        mime=images.MIME["svg"], key=f"svg_{view.key}", on_click="ignore", help=_help("svg", lang),
        icon=":material/draw:", width="stretch",
    )


def _full_data(view: ChartView | TableView):
    """The view's data; for a table that shows only its first rows, all of them (made on the click)."""
    download = getattr(view, "download", None)
    return download() if download is not None else view.data


def data_buttons(view: ChartView | TableView, lang: str, columns) -> None:
    """CSV (BOM), CSV for Swedish Excel, XLSX with a sources sheet: each file made only when clicked."""
    csv_column, csv_sv_column, xlsx_column = columns
    csv_column.download_button(
        _label("csv_label", lang), data=lambda: tables.csv_bytes(_full_data(view)),
        file_name=tables.file_name(view.key, "csv"),
        mime=tables.MIME["csv"], key=f"csv_{view.key}", on_click="ignore", help=_help("csv_label", lang),
        icon=":material/table:", width="stretch",
    )
    csv_sv_column.download_button(
        _label("csv_sv", lang), data=lambda: tables.csv_excel_sv_bytes(_full_data(view)),
        file_name=tables.file_name(view.key, "csv_sv"), mime=tables.MIME["csv"], key=f"csv_sv_{view.key}",
        on_click="ignore", help=_help("csv_sv", lang), icon=":material/table:", width="stretch",
    )
    sources = _sources()  # a cached query, asked here: the click runs outside the script's thread

    def workbook() -> bytes:  # made on the click, in a thread of its own
        return tables.xlsx_bytes(_full_data(view), lang=lang, title=view.title, source_note=view.source_note,
                                 notes=view.notes, sources=sources, data_version=_data_version())

    xlsx_column.download_button(
        _label("xlsx", lang), data=workbook, file_name=tables.file_name(view.key, "xlsx"),
        mime=tables.MIME["xlsx"],
        key=f"xlsx_{view.key}", on_click="ignore", help=_help("xlsx", lang), icon=":material/grid_on:",
        width="stretch",
    )


def menu_key(view: ChartView | TableView) -> str:
    """The session-state key of a view's download popover (True while it is open)."""
    return f"downloads_open_{view.key}"


def _menu(view: ChartView | TableView, lang: str):
    """The popover that holds the view's download buttons, or None while it is closed (nothing to build)."""
    menu = st.popover(t("downloads_menu", lang), icon=":material/download:", key=menu_key(view), on_change="rerun",
                      help=t("downloads_menu_help", lang), type="tertiary")
    return menu if menu.open else None


def chart_downloads(view: ChartView, lang: str) -> None:
    # the key gives the block a class (st-key-downloads_…) that the PDF's print CSS hides
    with st.container(key=f"downloads_{view.key}"):
        menu = _menu(view, lang)
        if menu is None:
            return
        with menu:
            if _chromium():
                image_buttons(view, lang, (menu, menu))
            else:
                image_buttons(view, lang, None)
            data_buttons(view, lang, (menu, menu, menu))


def table_downloads(view: TableView, lang: str) -> None:
    with st.container(key=f"downloads_{view.key}"):
        menu = _menu(view, lang)
        if menu is not None:
            with menu:
                data_buttons(view, lang, (menu, menu, menu))

