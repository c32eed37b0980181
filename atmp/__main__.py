"""`python -m atmp`: the `atmp` command."""

from atmp.cli import main

raise SystemExit(main())
