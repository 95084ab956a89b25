"""The HTTP API package; ``create_app`` is its one entry point (the CLI, the page and the tests import it here)."""

from qa.api.main import create_app

__all__ = ["create_app"]
