"""Typed errors raised by the library; the CLI turns them into one-line messages."""


class QuotegraphError(Exception):
    """Base class for every error quotegraph raises on purpose."""


class ModelNotFound(QuotegraphError):
    pass


class InputError(QuotegraphError):
    """An input that cannot be read as an article (missing, binary, too large...)."""

    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message
