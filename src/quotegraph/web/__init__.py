"""The web pages and REST API (``quotegraph serve``)."""
