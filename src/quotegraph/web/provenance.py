"""Quote clusters (docs/provenance.md): one quotation across outlets and dates, as API and pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from ..store.clusters import Cluster, list_clusters, members_of, summarise
from .api import ERRORS, RowId, Text

api_router = APIRouter(tags=["read"])
page_router = APIRouter(include_in_schema=False)
Limit = Annotated[int, Query(ge=1, le=500, description="At most this many clusters, largest first.")]


def find_clusters(request: Request, search: str | None, speaker: str | None, conflicts: bool,
                  limit: int) -> list[Cluster]:
    with request.app.state.store.engine.connect() as conn:
        return list_clusters(conn, search, speaker, conflicts, limit=limit)


def one_cluster(request: Request, cluster_id: int) -> Cluster:
    with request.app.state.store.engine.connect() as conn:
        members = members_of(conn, [cluster_id]).get(cluster_id)
    if not members:
        raise HTTPException(404, f"no quote cluster with id {cluster_id}")
    return summarise(cluster_id, members)


@api_router.get("/clusters", summary="Quotations that appear in more than one article")
def api_clusters(request: Request, search: Text = None, speaker: Text = None, conflicts: bool = False,
                 limit: Limit = 50) -> Response:
    found = find_clusters(request, search, speaker, conflicts, limit)
    return JSONResponse({"items": [c.as_dict() for c in found], "total": len(found)})


@api_router.get("/clusters/{cluster_id}", summary="One quote cluster with every version", responses=ERRORS)
def api_cluster(request: Request, cluster_id: RowId) -> Response:
    return JSONResponse(one_cluster(request, cluster_id).as_dict())


@page_router.get("/clusters")
def clusters_page(request: Request, search: Text = None, speaker: Text = None, conflicts: bool = False) -> Response:
    found = find_clusters(request, search or None, speaker or None, conflicts, 100)
    return request.app.state.templates.TemplateResponse(
        request, "clusters.html", {"clusters": found, "search": search, "speaker": speaker, "conflicts": conflicts})


@page_router.get("/clusters/{cluster_id}")
def cluster_page(request: Request, cluster_id: RowId) -> Response:
    return request.app.state.templates.TemplateResponse(
        request, "cluster.html", {"cluster": one_cluster(request, cluster_id)})
