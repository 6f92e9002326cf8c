"""web: the web interface and JSON API over a store (``dateline serve``); see ``app.create_app``."""
