"""``python -m skm_build`` runs the ``skm`` command."""

import sys

from .cli import main

sys.exit(main())
