"""Jämför regioner."""

from regionstats.views import compare
from ui import controls, page

page.show(compare, controls.weights)
