"""Topp fem-målet."""

from regionstats.views import top_five
from ui import controls, page


def indicator_choice(ctx):
    options = top_five.gap_options(ctx)
    return controls.indicator(ctx, options, top_five.gap_default(ctx, options), "gap_indicator")


page.show(top_five, page.Anchored("gap_", indicator_choice))
