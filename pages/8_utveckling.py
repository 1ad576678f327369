"""Utveckling över tid."""

from regionstats.views import trend
from ui import controls, page


def indicator_choice(ctx):
    return controls.indicator(ctx, trend.indicator_options(ctx), trend.default_indicator(ctx))


def mode_choice(ctx):
    return controls.mode_and_base(ctx, trend.base_years(ctx))


page.show(trend, indicator_choice, mode_choice)
