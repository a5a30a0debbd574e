"""两新党建台账 (liangxin_desktop): the offline register archive for a 两新 Party organization."""

__version__ = "0.1.0"
APP_NAME = "两新党建台账"
APP_ID = "liangxin-desktop"
