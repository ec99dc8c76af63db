"""Correction commands: people merge|split|rename|delete|set-gender|rebuild|corrections,
quotes reassign, orgs merge. Each correction is logged (who, when, why) and re-applied after
every ingest; docs/database.md (Corrections) explains the log.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

import typer
from sqlalchemy.exc import SQLAlchemyError

from ..errors import one_line
from .app import app
from .corpus import DB_OPTION, FORMAT_OPTION, MAX_ID, TableFormat, _emit, _open, people_app, quotes_app, stderr, stdout

T = TypeVar("T")
NOTE_OPTION = typer.Option(None, "--note", help="Why: kept in the corrections log.")
BY_OPTION = typer.Option(None, "--by", envvar="QUOTEGRAPH_USER", help="Who corrects (default: the login name).")


def _correct(ctx: typer.Context, db: str | None, action: Callable[..., T]) -> T:
    """Run a correction in one transaction; a refused correction is a one-line error, exit 1."""
    from ..store.corrections import CorrectionError

    store = _open(db or (ctx.obj or {}).get("db"))
    try:
        with store.write(lock="corpus_people") as conn:  # waits for an ingest writing the same database
            return action(conn)
    except CorrectionError as exc:
        stderr.print(f"[red]Error:[/red] {exc}")
        raise typer.Exit(1) from None
    except SQLAlchemyError as exc:
        stderr.print(f"[red]Error:[/red] the correction was not applied: {one_line(exc)}")
        raise typer.Exit(1) from None


def _why(note: str | None, by: str | None):
    from ..store.corrections import Note

    return Note(note, by)


@people_app.command("merge")
def people_merge(
    ctx: typer.Context,
    first: int = typer.Argument(..., min=1, max=MAX_ID, help="Corpus person id (kept)."),
    second: int = typer.Argument(..., min=1, max=MAX_ID, help="Corpus person id merged into the first."),
    note: str = NOTE_OPTION, by: str = BY_OPTION, db: str = DB_OPTION,
) -> None:
    """Merge two corpus people.

    Example: quotegraph people merge 12 40 --note "same senator, nickname"
    """
    from ..store.corrections import merge_people

    merged = _correct(ctx, db, lambda conn: merge_people(conn, first, second, _why(note, by)))
    stdout.print(f"merged {first} and {second} into corpus person {merged}")


@people_app.command("split")
def people_split(
    ctx: typer.Context,
    person: int = typer.Argument(..., min=1, max=MAX_ID, help="Corpus person id."),
    articles: list[int] = typer.Argument(..., min=1, max=MAX_ID,
                                         help="Article ids whose entries become a separate person."),
    note: str = NOTE_OPTION, by: str = BY_OPTION, db: str = DB_OPTION,
) -> None:
    """Split a corpus person: its entries in the given articles become another person.

    Example: quotegraph people split 12 301 302 --note "the plumber, not the senator"
    """
    from ..store.corrections import split_person

    new_id = _correct(ctx, db, lambda conn: split_person(conn, person, articles, _why(note, by)))
    stdout.print(f"split corpus person {person}: articles {', '.join(map(str, articles))} now hold person {new_id}")


@people_app.command("rename")
def people_rename(
    ctx: typer.Context,
    person: int = typer.Argument(..., min=1, max=MAX_ID, help="Corpus person id."),
    name: str = typer.Argument(..., help="The name to show."),
    note: str = NOTE_OPTION, by: str = BY_OPTION, db: str = DB_OPTION,
) -> None:
    """Give a corpus person the name to show.

    Example: quotegraph people rename 7 "Hillary Rodham Clinton"
    """
    from ..store.corrections import rename_person

    cid = _correct(ctx, db, lambda conn: rename_person(conn, person, name, _why(note, by)))
    stdout.print(f"corpus person {cid} is now named {name!r}")


@people_app.command("delete")
def people_delete(
    ctx: typer.Context,
    person: int = typer.Argument(..., min=1, max=MAX_ID, help="Corpus person id."),
    note: str = NOTE_OPTION, by: str = BY_OPTION, db: str = DB_OPTION,
) -> None:
    """Remove an entry that is not a person (headline fragment, pronoun...) from people and statistics.

    Its quotes stay, with no corpus person. Example: quotegraph people delete 88 --note "headline: Obama Says"
    """
    from ..store.corrections import delete_person

    _correct(ctx, db, lambda conn: delete_person(conn, person, _why(note, by)))
    stdout.print(f"deleted corpus person {person}")


class Gender(StrEnum):
    female = "female"
    male = "male"
    unknown = "unknown"


@people_app.command("set-gender")
def people_set_gender(
    ctx: typer.Context,
    person: int = typer.Argument(..., min=1, max=MAX_ID, help="Corpus person id."),
    gender: Gender = typer.Argument(..., help="female, male or unknown."),
    note: str = NOTE_OPTION, by: str = BY_OPTION, db: str = DB_OPTION,
) -> None:
    """Fix a corpus person's gender (counted as "by correction" in stats sources).

    Example: quotegraph people set-gender 31 female --note "Michelle Obama"
    """
    from ..store.corrections import set_gender

    cid = _correct(ctx, db, lambda conn: set_gender(conn, person, gender.value, _why(note, by)))
    stdout.print(f"corpus person {cid}: gender {gender.value}")


@people_app.command("rebuild")
def people_rebuild(ctx: typer.Context, db: str = DB_OPTION) -> None:
    """Regroup every article's people and organisations from scratch, re-applying all corrections.

    Example: quotegraph people rebuild --db corpus.db
    """
    from ..store.rebuild import rebuild_corpus

    count = _correct(ctx, db, rebuild_corpus)
    stdout.print(f"{count} corpus people")


@people_app.command("corrections")
def people_corrections(ctx: typer.Context, fmt: TableFormat = FORMAT_OPTION, db: str = DB_OPTION) -> None:
    """The corrections log: every correction with who made it, when and why.

    Example: quotegraph people corrections --format csv
    """
    from ..store.corrections import history

    records = _correct(ctx, db, history)
    _emit(records, fmt, ["id", "action", "key", "other_key", "article_key", "value", "note", "author",
                         "created_at"], title=f"{len(records)} corrections")


@quotes_app.command("reassign")
def quotes_reassign(
    ctx: typer.Context,
    quote: int = typer.Argument(..., min=1, max=MAX_ID, help="Quote id (the id column of `quotegraph quotes`)."),
    to: int = typer.Option(None, "--to", help="Corpus person id of the real speaker (in the quote's article)."),
    none: bool = typer.Option(False, "--none", help="The quote has no identifiable speaker."),
    note: str = NOTE_OPTION, by: str = BY_OPTION, db: str = DB_OPTION,
) -> None:
    """Give a quote to another speaker, or to none.

    Example: quotegraph quotes reassign 1204 --to 7 --note "the next paragraph names her"
    """
    from ..store.corrections import reassign_quote

    if (to is None) == (not none):
        raise typer.BadParameter("give exactly one of --to PERSON or --none")
    _correct(ctx, db, lambda conn: reassign_quote(conn, quote, to, _why(note, by)))
    stdout.print(f"quote {quote}: speaker {'none' if none else f'corpus person {to}'}")


orgs_app = typer.Typer()
app.add_typer(orgs_app, name="orgs")


@orgs_app.callback(invoke_without_command=True)
def orgs(
    ctx: typer.Context,
    top: int = typer.Option(50, "--top", "-n", help="The N most quoted organisations (0: all)."),
    search: str = typer.Option(None, "--search", "-s", help="Names or aliases containing this."),
    fmt: TableFormat = FORMAT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """List the organisations of the corpus, most quoted first (subcommand: merge).

    Example: quotegraph orgs --search republican
    """
    if ctx.invoked_subcommand:
        ctx.obj = {"db": db}
        return
    from ..store.query import list_organizations

    records = list_organizations(_open(db), top=top or None, search=search)
    _emit(records, fmt, ["id", "name", "quote_count", "article_count", "aliases"],
          title=f"{len(records)} organisations")


@orgs_app.command("merge")
def orgs_merge(
    ctx: typer.Context,
    first: int = typer.Argument(..., min=1, max=MAX_ID, help="Corpus organisation id (kept)."),
    second: int = typer.Argument(..., min=1, max=MAX_ID, help="Corpus organisation id merged into the first."),
    note: str = NOTE_OPTION, by: str = BY_OPTION, db: str = DB_OPTION,
) -> None:
    """Merge two corpus organisations.

    Example: quotegraph orgs merge 3 17 --note "GOP is the Republican Party"
    """
    from ..store.corrections import merge_organizations

    merged = _correct(ctx, db, lambda conn: merge_organizations(conn, first, second, _why(note, by)))
    stdout.print(f"merged {first} and {second} into corpus organisation {merged}")
