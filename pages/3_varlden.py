"""Världens topp fem."""

from regionstats.views import world
from ui import page

page.show(world)
