"""Kept so older imports work: the export texts live in regionstats/i18n.py (the one catalogue)."""

from regionstats.i18n import TEXT, t  # noqa: F401
