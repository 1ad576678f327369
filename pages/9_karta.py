"""Karta."""

from regionstats.views import map as map_view
from ui import controls, page


def indicator_choice(ctx):
    return controls.indicator(ctx, map_view.indicator_options(ctx), map_view.default_indicator(ctx))


page.show(map_view, indicator_choice)
