"""Ändringar sedan förra mötet."""

from regionstats import config
from regionstats.views import changes
from ui import controls, page


def version_choice(ctx):
    options = changes.version_options(config.data_dir())
    return controls.since_version(ctx, options, None, lambda v: changes.version_label(ctx, v))


page.show(changes, version_choice)
