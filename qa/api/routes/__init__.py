"""One router a resource (``/ask``, ``/documents``, ``/passages``, ``/health``), included by ``qa.api.main``."""
