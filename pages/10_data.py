"""Data och källor."""

from regionstats.views import data_sources
from ui import auth, controls, importer, page


def indicator_filter(ctx):
    return controls.optional_indicator(ctx, list(ctx.indicators.indicator_id))


page.show(data_sources, indicator_filter)

lang = page.context().lang
if auth.editor_gate(lang):  # visitors read; only editors see the import and undo controls
    importer.section(lang)
    auth.editor_status(lang)
