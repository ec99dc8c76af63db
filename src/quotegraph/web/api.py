"""The read-only REST API under /api/v1: JSON pages with totals, CSV/JSON Lines downloads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..models import Article, Warning
from ..store import query
from ..store.search import QUERY_PATTERN
from . import queries
from .downloads import stream

router = APIRouter(tags=["read"])

PageNo = Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")]
PerPage = Annotated[int, Query(ge=1, le=200, description="Results per page.")]
RowId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Database id.")]  # PostgreSQL integer range
Text = Annotated[str | None, Query(max_length=200)]
# The pattern is documentation (Python syntax, which pydantic's validator would not run): the
# query parser checks the same rule and answers 422 for a query with no word to search for.


def _search_pattern(schema: dict[str, Any]) -> None:
    """Puts the pattern on the string branch of the optional parameter's schema."""
    for branch in schema.get("anyOf", [schema]):
        if branch.get("type") == "string":
            branch["pattern"] = QUERY_PATTERN


Search = Annotated[str | None, Query(max_length=200, json_schema_extra=_search_pattern,
                                     description="Words, \"phrases\", -exclusions, OR; at least one word "
                                                 "to search for.")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")]
Month = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$", description="YYYY-MM")]
QuoteType = Literal["direct", "mixed", "indirect"]
Gender = Literal["female", "male", "unknown"]
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Not found"}, 413: {"description": "Body too large"}, 422: {"description": "Invalid"}}
DOWNLOADS: dict[int | str, dict[str, Any]] = {
    200: {"description": "A page of results (JSON), or the whole result set (format=csv or jsonl)",
          "content": {"application/json": {}, "text/csv": {}, "application/x-ndjson": {}}}, **ERRORS}


def store(request: Request):
    return request.app.state.store


def cached(request: Request, key: tuple, compute: Callable[[], Any]) -> Any:
    return request.app.state.cache.get(key, compute)


def ok(data: Any) -> JSONResponse:
    """JSON straight from the query's plain values (skips FastAPI's slower generic encoder)."""
    return JSONResponse(data)


class AnalyzeRequest(BaseModel):
    """An article to analyze: exactly one of ``text`` and ``html``, with optional metadata."""

    model_config = ConfigDict(json_schema_extra={"oneOf": [{"required": ["text"]}, {"required": ["html"]}]})
    text: str = Field(None, min_length=1, description="Plain article text.")  # type: ignore[assignment]
    html: str = Field(None, min_length=1,  # type: ignore[assignment]
                      description="An article's HTML page (its text is extracted first).")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    outlet: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)

    @model_validator(mode="after")
    def _one_input(self) -> AnalyzeRequest:
        if ("text" in self.model_fields_set) == ("html" in self.model_fields_set):
            raise ValueError("give exactly one of text and html")
        return self


@router.get("/articles", summary="Articles, newest first")
def list_articles(request: Request, page: PageNo = 1, per_page: PerPage = 50, outlet: Text = None) -> Response:
    return ok(queries.articles_page(store(request), page, per_page, outlet).as_dict())


@router.get("/articles/{article_id}", summary="One article as its quotegraph/1 record", responses=ERRORS)
def get_article(request: Request, article_id: RowId) -> Response:
    found = queries.article_record(store(request), article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return ok(found[0])


@router.get("/quotes", summary="Quotes matching every filter", responses=DOWNLOADS)
def list_quotes(request: Request, search: Search = None, speaker: Text = None, outlet: Text = None,
                type: QuoteType | None = None, gender: Gender | None = None, month: Month = None,
                since: Day = None, until: Day = None, page: PageNo = 1, per_page: PerPage = 50,
                format: Literal["json", "csv", "jsonl"] = "json") -> Any:
    filters = queries.QuoteFilters(search, speaker, outlet, type, gender, month, since, until)
    if format != "json":
        return stream(queries.iter_quotes(store(request), filters), format, "quotes")
    return ok(queries.quotes_page(store(request), filters, page, per_page).as_dict())


@router.get("/people", summary="Corpus people, most quoted first", responses=DOWNLOADS)
def list_people(request: Request, search: Text = None, page: PageNo = 1, per_page: PerPage = 50,
                format: Literal["json", "csv", "jsonl"] = "json") -> Any:
    if format != "json":
        rows = queries.people_page(store(request), search, 1, 10**9).items
        return stream(rows, format, "people")
    return ok(queries.people_page(store(request), search, page, per_page).as_dict())


@router.get("/people/{person_id}", summary="One corpus person with their quotes", responses=ERRORS)
def get_person(request: Request, person_id: RowId) -> Response:
    person = query.person_detail(store(request), person_id)
    if person is None:
        raise HTTPException(404, f"no person with id {person_id}")
    person["quotes_per_month"] = [{"month": m, "quotes": n} for m, n in queries.quotes_per_month(
        store(request), person_id)]
    return ok(person)


@router.get("/stats/sources", summary="Share of women among quoted people, by outlet and/or month",
            responses=DOWNLOADS)
def stats_sources(request: Request, by: Literal["outlet", "month", "outlet,month"] = "outlet",
                  format: Literal["json", "csv"] = "json") -> Any:
    rows = cached(request, ("sources", by), lambda: query.source_stats(store(request), by.split(",")))
    if format == "csv":  # as `quotegraph stats sources -f csv`: the groups, then the total row
        return stream(rows, "csv", f"sources-by-{by.replace(',', '-')}")
    groups, overall = split_total(rows, by.split(",")[0])
    return ok({"by": by, "items": groups, "overall": overall, "total": len(groups)})


def split_total(rows: list[dict], first: str) -> tuple[list[dict], dict | None]:
    """The groups of a ``source_stats`` table, and its total row (all people quoted) apart."""
    groups = [r for r in rows if r[first] != query.TOTAL]
    return groups, next((r for r in rows if r[first] == query.TOTAL), None)


@router.get("/stats/top", summary="Most quoted people, organisations and outlets")
def stats_top(request: Request, limit: Annotated[int, Query(ge=1, le=200)] = 20) -> Response:
    return ok(cached(request, ("top", limit), lambda: query.top_stats(store(request), limit)))


def article_from_request(body: AnalyzeRequest, source: str) -> Article:
    """The article to analyze or ingest: its text, or the text found in its HTML."""
    from ..errors import InputError
    from ..readers import _article_from_html
    from ..settings import Options

    if body.html:
        try:
            return _article_from_html(body.html, source, "analyzed", Options(), title=body.title,
                                      published=body.published, outlet=body.outlet, url=body.url)
        except InputError as exc:  # a page with no article text: an empty result that says why
            return Article(id="analyzed", text="", source=source, title=body.title, published=body.published,
                           outlet=body.outlet, url=body.url, warnings=[Warning("no-text", exc.message)])
    return Article(id="analyzed", text=body.text or "", source=source, title=body.title, published=body.published,
                   outlet=body.outlet, url=body.url)


async def analyze_article(request: Request, article: Article) -> dict:
    config = request.app.state.config
    try:
        return await request.app.state.analyzer.analyze(article, config.analyze_timeout)
    except TimeoutError:
        raise HTTPException(504, f"analysis took longer than {config.analyze_timeout:g} s") from None


@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> Response:
    """The API reference, rendered from the OpenAPI schema (no script, works offline)."""
    return request.app.state.templates.TemplateResponse(request, "api_docs.html", {"api": request.app.openapi()})


@router.post("/analyze", summary="Extract quotes from a text or HTML page without storing it",
             responses={**ERRORS, 504: {"description": "Analysis timed out"}})
async def analyze(request: Request, body: Annotated[AnalyzeRequest, Body()]) -> Response:
    return ok(await analyze_article(request, article_from_request(body, "<analyze>")))
