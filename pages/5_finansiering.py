"""Finansiering per invånare."""

from regionstats.views import funding
from ui import controls, page


def indicator_choice(ctx):
    return controls.indicator(ctx, funding.indicator_options(ctx), funding.chosen_indicator(ctx), "funding_indicator")


page.show(funding, page.Anchored("per_capita_", indicator_choice))
