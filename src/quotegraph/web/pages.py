"""Server-rendered pages: home, article, quote search, person, dashboard, analyze."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import Response
from pydantic import ValidationError

from ..store import query
from . import charts, queries
from .api import AnalyzeRequest, Day, Month, PageNo, RowId, Text, analyze_article, article_from_request, split_total
from .highlight import segments, speaker_colours, speaker_key

router = APIRouter(include_in_schema=False)
GENDER_PARTS = [("women", "f"), ("men", "m"), ("unknown", "u")]
EVIDENCE_PARTS = [("by_honorific", "e1"), ("by_pronoun", "e2"), ("by_other_text", "e3"), ("gender_from_name", "e4")]
PER_PAGE = 25


def render(request: Request, template: str, **context) -> Response:
    return request.app.state.templates.TemplateResponse(request, template, context)


@router.get("/")
def home(request: Request, page: PageNo = 1, outlet: Text = None) -> Response:
    store = request.app.state.store
    counts = request.app.state.cache.get(("counts",), store.counts)
    return render(request, "index.html", articles=queries.articles_page(store, page, PER_PAGE, outlet),
                  counts=counts, outlet=outlet)


def article_context(record: dict, links: dict[str, int]) -> dict:
    """What the article template needs: segments, colours and the quotes by id."""
    colours = speaker_colours(record["quotes"])
    return {"record": record, "segments": segments(record), "links": links,
            "quotes": {q["id"]: {**q, "colour": colours[speaker_key(q)]} for q in record["quotes"]}}


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: RowId) -> Response:
    found = queries.article_record(request.app.state.store, article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return render(request, "article.html", article_id=article_id, **article_context(*found))


@router.get("/quotes")
def quotes_page(request: Request, search: Text = None, speaker: Text = None, outlet: Text = None,
                type: Text = None, gender: Text = None, month: Month = None, since: Day = None,
                until: Day = None, page: PageNo = 1) -> Response:
    filters = queries.QuoteFilters(search or None, speaker or None, outlet or None, type or None,
                                   gender or None, month or None, since or None, until or None)
    store = request.app.state.store
    hits = queries.quotes_page(store, filters, page, PER_PAGE, context=True)
    active = {k: v for k, v in vars(filters).items() if v}
    return render(request, "quotes.html", hits=hits, facets=queries.quote_facets(store, filters),
                  filters=filters, active=active)


@router.get("/people")
def people_page(request: Request, search: Text = None, page: PageNo = 1) -> Response:
    return render(request, "people.html", people=queries.people_page(request.app.state.store, search, page, 50),
                  search=search)


@router.get("/people/{person_id}")
def person_page(request: Request, person_id: RowId) -> Response:
    store = request.app.state.store
    person = query.person_detail(store, person_id)
    if person is None:
        raise HTTPException(404, f"no person with id {person_id}")
    months = queries.quotes_per_month(store, person_id)
    return render(request, "person.html", person=person, chart=charts.simple(months))


@router.get("/dashboard")
def dashboard(request: Request) -> Response:
    store = request.app.state.store
    cache = request.app.state.cache
    by_outlet, _ = split_total(cache.get(("sources", "outlet"), lambda: query.source_stats(store, ["outlet"])),
                               "outlet")
    months, _ = split_total(cache.get(("sources", "month"), lambda: query.source_stats(store, ["month"])), "month")
    by_month = [r for r in months if r["month"] != query.NO_VALUE["month"]]
    top = cache.get(("top", 15), lambda: query.top_stats(store, 15))
    return render(request, "dashboard.html", by_outlet=by_outlet, by_month=by_month, top=top,
                  outlet_chart=charts.stacked(by_outlet, "outlet", GENDER_PARTS),
                  month_chart=charts.stacked(by_month, "month", GENDER_PARTS),
                  evidence_chart=charts.stacked(by_outlet, "outlet", EVIDENCE_PARTS),
                  top_chart=charts.simple([(p["name"], p["quote_count"]) for p in top["people"]]))


@router.get("/analyze")
def analyze_form(request: Request) -> Response:
    return render(request, "analyze.html")


@router.post("/analyze")
async def analyze_page(request: Request, text: Annotated[str, Form()] = "",
                       file: Annotated[UploadFile | None, File()] = None) -> Response:
    if file is not None and file.filename:
        text = (await file.read()).decode("utf-8", errors="replace")
        if file.filename.lower().endswith((".html", ".htm")) or text.lstrip()[:1] == "<":
            return await _show_analysis(request, {"html": text}, file.filename)
    if not text.strip():
        raise HTTPException(422, "paste a text or choose a file")
    return await _show_analysis(request, {"text": text}, file.filename if file and file.filename else "<pasted>")


async def _show_analysis(request: Request, fields: dict[str, str], source: str) -> Response:
    try:
        body = AnalyzeRequest(**fields)
    except ValidationError as exc:
        raise HTTPException(422, str(exc.errors()[0]["msg"])) from None
    record = await analyze_article(request, article_from_request(body, source))
    return render(request, "article.html", article_id=None, analyzed=True, **article_context(record, {}))
