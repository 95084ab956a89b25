"""The app factory: one ``QAService``, warmed up before serving, behind the limits; the routes live in ``routes/``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import RedirectResponse

from qa.api.errors import install_error_handlers
from qa.api.routes import ask, documents, health, passages
from qa.limits import AdmissionLimit, BodyLimit
from qa.service import QAService
from qa.settings import Settings

LIMITED_PATHS = ("/ask", "/documents", "/passages")  # the work; /health and the page's assets stay quick


def create_app(service: QAService | None = None, settings: Settings | None = None, ui: bool = True) -> FastAPI:
    """Build the app around one service (made from ``settings`` when not given), loaded before serving.

    With ``ui`` the Gradio chat page is mounted at ``/`` on the same app, calling the same service.
    """
    service = service or QAService(settings)
    # The model and Kiwi load while Gradio is imported and the app is built; the server is ready when both are.
    warming = ThreadPoolExecutor(1, thread_name_prefix="warm-up").submit(service.warm_up)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await asyncio.wrap_future(warming)
        yield

    app = FastAPI(
        title="기사 QA API",
        description="한국어 뉴스 기사에 대한 질문에 근거 문장과 출처를 붙여 답합니다. 기사에 없는 내용은 답하지 않습니다.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.service = service
    settings = service.settings
    app.add_middleware(
        AdmissionLimit, paths=LIMITED_PATHS, max_in_flight=settings.max_in_flight,
        max_queued=settings.max_queued, timeout_s=settings.queue_timeout_s,
    )
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    install_error_handlers(app)

    app.include_router(ask.router)
    app.include_router(health.router)
    # The key guards writes only when one is configured, and only then does the spec declare it.
    app.include_router(documents.build_router(writes_guarded=bool(settings.api_key)))
    app.include_router(passages.router)

    if ui:
        from ui.app import mount  # Gradio is heavy to import: only when the page is served

        return mount(app, service)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/docs")

    return app
