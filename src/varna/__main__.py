"""Allow ``python -m varna`` as a synonym for the ``varna`` console script."""

from varna.cli import main

raise SystemExit(main())
