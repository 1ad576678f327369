"""Life science regions in Sweden: the dashboard. Run with `make run`.

The shell (sidebar filters shared by every page, navigation and the URL that mirrors the view)
lives in ui/shell.py; each page in pages/ renders one view from regionstats/views/.
"""

from ui import shell

shell.run()
