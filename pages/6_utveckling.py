"""Utveckling över tid."""

from regionstats.views import trend
from ui import controls, page


def choices(ctx):
    picked = controls.indicator(ctx, trend.indicator_options(ctx), trend.default_indicator(ctx))
    ctx = ctx.with_selection(**picked)
    picked.update(controls.mode_and_base(ctx, trend.base_years(ctx)))
    return picked


page.show(trend, choices)
