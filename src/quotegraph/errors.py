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


def one_line(exc: BaseException) -> str:
    """An error as one line for the terminal: a database driver's message without the SQL
    statement or parameters SQLAlchemy appends (they can hold whole articles)."""
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return lines[0][:300] if lines else type(original).__name__
