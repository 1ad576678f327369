"""Download buttons under every chart and table (the export formats live in regionstats/export)."""

from regionstats.views import ChartView, TableView


def chart_downloads(view: ChartView, lang: str) -> None:
    from ui.render import csv_download

    csv_download(view.data, view.key, lang)


def table_downloads(view: TableView, lang: str) -> None:
    from ui.render import csv_download

    csv_download(view.data, view.key, lang)
