"""One error shape for every failure, and security headers on every response.

    {"error": {"status": 422, "code": "invalid_parameter", "message": "...", "details": [...]}}

Messages name the parameter and the rule it broke; they never carry a stack trace or echo the
value that was sent.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

log = logging.getLogger("communique.api")

CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid_parameter"}

# Pages load scripts, styles and data only from this server; nothing inline runs.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self';"
    " frame-ancestors 'none'"
)
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class ErrorDetail(BaseModel):
    where: str
    message: str


class ErrorInfo(BaseModel):
    status: int
    code: str
    message: str
    details: list[ErrorDetail] = []


class ErrorBody(BaseModel):
    error: ErrorInfo


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter is out of range or inconsistent"},
    404: {"model": ErrorBody, "description": "Nothing with that id"},
    422: {"model": ErrorBody, "description": "A parameter is not valid"},
}


def error_response(
    status: int, message: str, details: list[dict[str, str]] | None = None
) -> JSONResponse:
    body = {
        "error": {
            "status": status,
            "code": CODES.get(status, "error"),
            "message": message,
            "details": details or [],
        }
    }
    return JSONResponse(body, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> JSONResponse:
        details = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "message": str(e.get("msg"))}
            for e in err.errors()
        ]
        first = details[0] if details else {"where": "request", "message": "invalid"}
        return error_response(422, f"{first['where']}: {first['message']}", details)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException) -> JSONResponse:
        return error_response(err.status_code, str(err.detail))

    @app.exception_handler(Exception)
    async def crashed(request: Request, err: Exception) -> JSONResponse:
        log.exception("error while serving %s", request.url.path)
        return error_response(500, "internal error (see the server log)")


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """Adds the Content-Security-Policy and related headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                message["headers"] = headers + [h for h in HEADERS if h[0] not in present]
            await send(message)

        await self.app(scope, receive, with_headers)
