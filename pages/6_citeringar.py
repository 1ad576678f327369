"""Citeringar."""

from regionstats.views import citations
from ui import page

page.show(citations)
