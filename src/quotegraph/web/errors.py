"""One error shape for the whole application: ``{"error": {"status", "code", "message"}}`` for
the API, the same fields on an HTML page for the browser. Stack traces go to the log only."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from ..store.search import SearchSyntaxError

log = logging.getLogger("quotegraph.web")


def error_dict(status: int, message: str) -> dict:
    code = HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    return {"error": {"status": status, "code": code, "message": message}}


def error_body(status: int, message: str) -> bytes:
    return json.dumps(error_dict(status, message)).encode("utf-8")


def _respond(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse(error_dict(status, message), status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", error_dict(status, message)["error"],
                                      status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    problems = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path"))
        problems.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "invalid request: " + "; ".join(problems)


def install(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _respond(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _respond(request, 422, _validation_message(exc))

    @app.exception_handler(SearchSyntaxError)
    async def bad_search(request: Request, exc: SearchSyntaxError) -> Response:
        return _respond(request, 422, f"search: {exc}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _respond(request, 500, "internal error; the server log has the details")


__all__ = ["install", "error_dict", "error_body", "HTMLResponse"]
