import sys

from regionstats.cli import main

sys.exit(main())
