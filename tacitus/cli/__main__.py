"""`python -m tacitus.cli`."""

import sys

from . import main

sys.exit(main())
