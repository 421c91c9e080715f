"""The HTTP API and the web dashboard over a store (`tacitus serve`).

`create_app(config, store_path)` builds the FastAPI app; docs/web.md lists the routes and says
how the server stays safe and how it reads a store that an ingest is writing.
"""

from tacitus.web.app import create_app
from tacitus.web.settings import WebSettings, is_loopback

__all__ = ["WebSettings", "create_app", "is_loopback"]
