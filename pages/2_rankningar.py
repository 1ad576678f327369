"""Rankningar."""

from regionstats.views import rankings
from ui import controls, page


def choices(ctx):
    picked = controls.indicator(ctx, rankings.bump_options(ctx), rankings.bump_default(ctx), "ranking_indicator")
    picked.update(controls.ranking(ctx, rankings.ranking_options(ctx)))
    return picked


page.show(rankings, choices)
