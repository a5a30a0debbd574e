"""Start 两新党建台账 from a source checkout: ``python main.py``."""

from liangxin_desktop.app import main

if __name__ == "__main__":
    raise SystemExit(main())
