"""Data och källor."""

from regionstats.views import data_sources
from ui import controls, importer, page


def indicator_filter(ctx):
    return controls.optional_indicator(ctx, list(ctx.indicators.indicator_id))


page.show(data_sources, indicator_filter)

importer.section(page.context().lang)
