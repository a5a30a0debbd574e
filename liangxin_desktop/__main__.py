"""Allow ``python -m liangxin_desktop``."""

from liangxin_desktop.app import main

raise SystemExit(main())
