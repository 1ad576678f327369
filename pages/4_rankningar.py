"""Rankningar."""

from regionstats.views import rankings
from ui import controls, page


def bump_indicator(ctx):
    return controls.indicator(ctx, rankings.bump_options(ctx), rankings.bump_default(ctx), "ranking_indicator")


def university_ranking(ctx):
    return controls.ranking(ctx, rankings.ranking_options(ctx))


page.show(rankings, page.Anchored("bump_", bump_indicator), page.Anchored("universities_", university_ranking))
