"""Världens topp fem."""

from regionstats.views import world
from ui import controls, page


def map_indicator_choice(ctx):
    return controls.indicator(ctx, world.nuts2_indicator_options(ctx), world.map_indicator(ctx))


page.show(world, page.Anchored("world_nuts2_map", map_indicator_choice))
