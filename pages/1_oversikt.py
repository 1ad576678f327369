"""Översikt."""

from regionstats.views import overview
from ui import page

page.show(overview)
