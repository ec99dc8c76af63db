"""Write endpoints, mounted only with ``--allow-write``; every request needs the bearer token
(API: ``Authorization: Bearer``; forms: the token field). Corrections are data: add an entry to
CORRECTIONS to expose another store correction as API and form."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from ..store.corrections import (
    CorrectionError,
    Note,
    delete_person,
    merge_organizations,
    merge_people,
    reassign_quote,
    rename_person,
    set_gender,
    split_person,
)
from ..store.ingest import article_key, content_hash, rebuild_people, write_result
from .api import AnalyzeRequest, analyze_article, article_from_request
from .security import bearer, token_matches

log = logging.getLogger("quotegraph.web")


@dataclass(frozen=True)
class Correction:
    label: str
    fields: tuple[tuple[str, str], ...]  # (name, help) of the form fields
    apply: Callable[[Any, dict], int | None]  # (connection, values) -> the id of what to show
    shows: str = "/people/{}"  # the page of that id after a form; none: the corrections page


def _ids(value: str) -> list[int]:
    try:
        return [int(v) for v in value.replace(",", " ").split()]
    except ValueError:
        raise CorrectionError(f"not a list of ids: {value!r}") from None


def _one_id(value: str) -> int:
    ids = _ids(value)
    if len(ids) != 1:
        raise CorrectionError(f"expected one id, got {value!r}")
    return ids[0]


WEB = Note(author="web")  # corrections made here are logged as the web app's


def _reassign(conn: Any, quote_id: int, person_id: int) -> int:
    reassign_quote(conn, quote_id, person_id, WEB)
    return person_id


def _delete(conn: Any, person_id: int) -> None:
    delete_person(conn, person_id, WEB)


CORRECTIONS: dict[str, Correction] = {
    "merge": Correction("Merge two people", (("first_id", "person id"), ("second_id", "person id")),
                        lambda conn, v: merge_people(conn, _one_id(v["first_id"]), _one_id(v["second_id"]))),
    "split": Correction("Split articles off a person", (("person_id", "person id"),
                                                        ("article_ids", "article ids, comma-separated")),
                        lambda conn, v: split_person(conn, _one_id(v["person_id"]), _ids(v["article_ids"]))),
    "rename": Correction("Rename a person", (("person_id", "person id"), ("name", "the name to show")),
                         lambda conn, v: rename_person(conn, _one_id(v["person_id"]), v["name"], WEB)),
    "set-gender": Correction("Set a person's gender", (("person_id", "person id"),
                                                       ("gender", "female, male or unknown")),
                             lambda conn, v: set_gender(conn, _one_id(v["person_id"]), v["gender"].strip(), WEB)),
    "reassign": Correction("Give a quote to another person", (("quote_id", "quote id"), ("person_id", "person id")),
                           lambda conn, v: _reassign(conn, _one_id(v["quote_id"]), _one_id(v["person_id"]))),
    "delete": Correction("Delete a person that is not one (its quotes stay, with no person)",
                         (("person_id", "person id"),), lambda conn, v: _delete(conn, _one_id(v["person_id"])), ""),
    "org-merge": Correction("Merge two organisations", (("first_id", "organisation id"),
                                                         ("second_id", "organisation id")),
                            lambda conn, v: merge_organizations(conn, _one_id(v["first_id"]),
                                                                _one_id(v["second_id"]), WEB), ""),
}


def require_token(request: Request) -> None:
    if not token_matches(request.app.state.config.token, bearer(request.headers.get("authorization"))):
        raise HTTPException(401, "this endpoint needs Authorization: Bearer <token>")


def apply_correction(request: Request, name: str, values: dict[str, str]) -> int | None:
    correction = CORRECTIONS.get(name)
    if correction is None:
        raise HTTPException(404, f"no correction named {name!r}")
    missing = [f for f, _ in correction.fields if not str(values.get(f, "")).strip()]
    if missing:
        raise HTTPException(422, f"missing field(s): {', '.join(missing)}")
    try:
        with request.app.state.store.write(lock="corpus_people") as conn:
            result = correction.apply(conn, {f: str(values[f]) for f, _ in correction.fields})
    except CorrectionError as exc:
        raise HTTPException(422, str(exc)) from None
    request.app.state.cache.clear()
    log.info("correction %s %s -> %s", name, values, result)
    return result


api_router = APIRouter(tags=["write"], dependencies=[Depends(require_token)])
page_router = APIRouter(include_in_schema=False)


@api_router.post("/corrections/{name}", summary="Apply a correction (merge, split, rename, set-gender, reassign, "
                                                "delete, org-merge)")
def correct(request: Request, name: str, body: Annotated[dict[str, str | int], Body()]) -> dict:
    result = apply_correction(request, name, {k: str(v) for k, v in body.items()})
    key = "organization_id" if name.startswith("org-") else "person_id"  # the merged one; none after delete
    return {"correction": name, key: result}


@api_router.post("/articles", summary="Extract an article and store it", status_code=201)
async def ingest_article(request: Request, body: Annotated[AnalyzeRequest, Body()]) -> dict:
    article = article_from_request(body, "<api>")
    record = await analyze_article(request, article)
    store = request.app.state.store
    key = article_key(article)
    status = write_result(store, key, content_hash(article), record)
    rebuild_people(store, incremental=status == "new")
    request.app.state.cache.clear()
    from sqlalchemy import select

    from ..store import schema as t

    with store.engine.connect() as conn:
        article_id = conn.execute(select(t.articles.c.id).where(t.articles.c.key == key)).scalar_one()
    log.info("ingested %s as article %s (%s)", key, article_id, status)
    return {"id": article_id, "status": status, "quotes": len(record["quotes"])}


@page_router.get("/corrections")
def corrections_page(request: Request, done: str | None = None) -> Response:
    return request.app.state.templates.TemplateResponse(
        request, "corrections.html", {"corrections": CORRECTIONS, "done": done})


@page_router.post("/corrections/{name}")
async def correction_form(request: Request, name: str, token: Annotated[str, Form()] = "") -> Response:
    if not token_matches(request.app.state.config.token, token):
        raise HTTPException(401, "wrong or missing token")
    form = await request.form()
    result = apply_correction(request, name, {k: str(v) for k, v in form.items() if k != "token"})
    shows = CORRECTIONS[name].shows
    target = shows.format(result) if shows and result is not None else f"/corrections?done={name}"
    return RedirectResponse(target, status_code=303)
