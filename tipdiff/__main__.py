"""`python -m tipdiff`: the same command line as `tipdiff`."""

import sys

from tipdiff.cli import main

sys.exit(main())
