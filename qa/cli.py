"""The ``qa`` command line: ``qa index``, ``qa search``, ``qa ask``, ``qa serve``, ``qa eval``."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import get_args

from pydantic import ValidationError

from qa.engine import EngineUnavailable
from qa.filters import FilterError, Filters
from qa.index import IndexLoadError
from qa.query import Query, Turn
from qa.ray_indexing import RayIndexingError
from qa.reading import ReadError
from qa.service import IndexReport, QAService, QuestionError, recorded_corpus
from qa.settings import RuntimeName, Settings
from qa.training import NEWS_SHARE

EXIT_USAGE = 2


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {}
    if getattr(args, "corpus", None):
        overrides["corpus_dir"] = Path(args.corpus)
    if getattr(args, "index", None):
        overrides["index_dir"] = Path(args.index)
    if getattr(args, "model", None):
        overrides["model"] = args.model
    if getattr(args, "runtime", None):
        overrides["runtime"] = args.runtime
    if getattr(args, "ray", None):
        overrides["ray_address"] = args.ray
    if getattr(args, "workers", None) is not None:
        overrides["ray_workers"] = args.workers
    settings = Settings(**overrides)
    if "corpus_dir" not in settings.model_fields_set:  # neither --corpus nor QA_CORPUS_DIR: the index's own articles
        recorded = recorded_corpus(settings.index_dir)
        if recorded is not None:
            settings = settings.model_copy(update={"corpus_dir": recorded})
    return settings


def _err(message: str) -> None:
    print(f"qa: {message}", file=sys.stderr)


def _report_replacement(report: IndexReport, settings: Settings) -> None:
    """Say why an existing index was rebuilt when the user did not ask for it."""
    if report.replaced:
        _err(f"{report.replaced}에서 만든 색인을 {settings.corpus_dir}의 기사로 다시 만들었습니다.")
    if report.replaced_runtime:
        _err(f"{report.replaced_runtime} 실행 방식으로 만든 색인을 {settings.runtime} 실행 방식으로 다시 만들었습니다 "
             "(벡터를 섞지 않습니다).")


def cmd_index(args: argparse.Namespace) -> int:
    service = QAService(_settings(args))
    report = service.ensure_index(rebuild=args.rebuild, progress=sys.stderr.isatty() or args.progress)
    for problem in report.problems:
        _err(f"건너뜀 {problem.source}: {problem.reason}")
    for source in report.duplicates:
        _err(f"중복 문서 건너뜀: {source}")
    _report_replacement(report, service.settings)
    state = "새로 만들었습니다" if report.rebuilt else "이미 최신입니다"
    print(
        f"색인 {state}: 문서 {report.documents}개, 청크 {report.chunks}개 "
        f"({report.seconds:.1f}초) → {service.settings.index_dir}"
    )
    if args.optimize:
        before = len(service.index.segments)
        started = time.perf_counter()
        optimized = service.optimize()
        print(f"색인 최적화: 세그먼트 {before}개 → {len(optimized.segments)}개, 삭제된 청크를 비웠습니다 "
              f"({time.perf_counter() - started:.1f}초)")
    return 0


def _print_hits(hits, as_json: bool, question: str) -> None:
    if as_json:
        print(json.dumps({"question": question, "hits": [h.to_dict() for h in hits]}, ensure_ascii=False, indent=2))
        return
    if not hits:
        print("찾은 문단이 없습니다.")
    for rank, hit in enumerate(hits, start=1):
        doc = hit.document
        meta = " · ".join(x for x in (doc.outlet, doc.published) if x)
        print(f"[{rank}] {doc.title} ({meta})  score={hit.score:.4f}  {hit.chunk.chunk_id} [{hit.chunk.start}:{hit.chunk.end}]")
        print("    " + hit.chunk.text.replace("\n", " ")[:300])


def cmd_search(args: argparse.Namespace) -> int:
    service = QAService(_settings(args))
    hits = service.search(args.question, top_k=args.top_k, mode=args.mode)
    _print_hits(hits, args.json, args.question)
    return 0


def _print_answer(answer) -> None:
    if answer.resolved_question:
        print(f"(이해한 질문: {answer.resolved_question})")
    print(answer.answer)
    if answer.citations:
        print()
    for c in answer.citations:
        meta = " · ".join(x for x in (c.outlet, c.published) if x)
        print(f"[{c.ref}] {c.title} ({meta}) {c.doc_id} [{c.start}:{c.end}]")
        print(f"    “{c.evidence}”")
    if not answer.answerable and answer.passages:
        print("\n관련 문단:")
        for p in answer.passages[:3]:
            print(f"  - {p.title}: {p.text.replace(chr(10), ' ')[:120]}…")


def cmd_ask(args: argparse.Namespace) -> int:
    service = QAService(_settings(args))
    filters = Filters.from_fields(outlet=args.outlet, published_from=args.published_from,
                                  published_to=args.published_to, doc_ids=args.doc)
    if args.chat:
        return _chat(service, args, filters)
    if args.question is None:
        _err("질문을 주세요 (또는 - 로 표준 입력에서 한 줄에 하나씩, --chat 으로 대화).")
        return EXIT_USAGE
    if args.question != "-":
        answer = service.ask(args.question, top_k=args.top_k, filters=filters)
        if args.json:
            print(answer.model_dump_json(indent=2))
        else:
            _print_answer(answer)
        return 0
    # Batch: one question per line on standard input, one JSON object per line out; the model loads once.
    failed = 0
    for line in sys.stdin:
        question = line.rstrip("\n")
        try:
            answer = service.ask(question, top_k=args.top_k, filters=filters)
            out = answer.model_dump_json() if args.json else answer.answer
        except QuestionError as exc:
            failed += 1
            out = json.dumps({"question": question, "error": str(exc)}, ensure_ascii=False) if args.json else f"qa: {exc}"
        print(out, flush=True)
    return 1 if failed else 0


CHAT_RESET = ("/새로", "/reset")
CHAT_QUIT = ("/끝", "/quit", "/exit")


def _chat(service: QAService, args: argparse.Namespace, filters: Filters | None) -> int:
    """A conversation in the terminal: each question is asked with the turns before it, so follow-ups work."""
    interactive = sys.stdin.isatty()
    if interactive:
        print(f"대화 모드: 앞의 질문을 이어서 물어볼 수 있습니다 (그건 언제야?, 그럼 네이버는?). "
              f"{CHAT_RESET[0]}: 새 대화, {CHAT_QUIT[0]} 또는 Ctrl-D: 끝", file=sys.stderr)
    history: list[Turn] = []
    pending = [args.question] if args.question and args.question != "-" else []
    while True:
        if pending:
            question = pending.pop()
        else:
            try:
                question = input("질문> " if interactive else "")
            except EOFError:
                return 0
        question = question.strip()
        if not question:
            continue
        if question in CHAT_QUIT:
            return 0
        if question in CHAT_RESET:
            history.clear()
            print("(새 대화)", flush=True)
            continue
        try:
            answer = service.ask(Query(question, tuple(history), filters, args.top_k))
        except QuestionError as exc:
            print(f"qa: {exc}", flush=True)
            continue
        history = [*history, Turn.of_answer(question, answer)]  # the resolver reads only the latest turns
        if args.json:
            print(answer.model_dump_json(), flush=True)
        else:
            _print_answer(answer)
            print(flush=True)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from qa.api import create_app

    settings = _settings(args)
    service = QAService(settings)
    report = service.ensure_index(progress=sys.stderr.isatty())
    for problem in report.problems:
        _err(f"건너뜀 {problem.source}: {problem.reason}")
    _report_replacement(report, settings)
    host, port = args.host or settings.host, args.port or settings.port
    print(f"기사 QA: 문서 {report.documents}개, 청크 {report.chunks}개 → http://{host}:{port}/  (API 문서: /docs)",
          flush=True)
    uvicorn.run(create_app(service), host=host, port=port, log_level="info")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from qa.evaluation import evaluate, load_questions

    settings = _settings(args)
    korquad_dir = args.korquad or os.environ.get("QA_KORQUAD_DIR")
    if korquad_dir:
        return _eval_korquad(Path(korquad_dir), settings, args.json)
    if not args.file:
        _err("질문 파일(JSONL)이나 --korquad DIR을 주세요.")
        return EXIT_USAGE
    service = QAService(settings)
    questions = load_questions(Path(args.file))
    report = evaluate(service, questions, k=args.top_k or service.settings.top_k)
    if args.json:
        print(json.dumps(report.__dict__, ensure_ascii=False, indent=2))
        return 0
    print("\n".join(report.lines()))
    if args.failures:
        for failure in report.failures:
            understood = f" (= {failure['resolved']})" if failure.get("resolved") else ""
            print(f"  ✗ [{failure['kind']}] {failure['question']}{understood} → expected {failure['expected']}, "
                  f"got: {failure['short'] or failure['got']}")
    return 0


def _eval_korquad(folder: Path, settings: Settings, as_json: bool) -> int:
    from qa import korquad

    data = korquad.load(folder)
    full, half, paragraphs = korquad.services(data, settings, data.folder, progress=sys.stderr.isatty())
    report = korquad.evaluate(full, half, paragraphs, data)
    print(json.dumps(report.__dict__, ensure_ascii=False, indent=2) if as_json else "\n".join(report.lines()))
    return 0


def cmd_fit(args: argparse.Namespace) -> int:
    from qa.training import run

    korquad_dir = args.korquad or os.environ.get("QA_KORQUAD_DIR")
    if not korquad_dir:
        _err("--korquad DIR (또는 QA_KORQUAD_DIR)이 필요합니다: ../shared/korquad/README.md 참고")
        return EXIT_USAGE
    dev = []
    for item in args.dev:
        questions, _, corpus = item.partition(":")
        dev.append((Path(questions), Path(corpus or "corpus")))
    out = Path(args.out) if args.out else None
    from qa.weights import DEFAULT_WEIGHTS

    for line in run(Path(korquad_dir), dev, out or DEFAULT_WEIGHTS, _settings(args), folds=args.folds,
                    news_share=args.news_share):
        print(line, flush=True)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa", description="기사 QA: 한국어 뉴스 기사 질의응답")
    parser.add_argument("-v", "--verbose", action="store_true", help="show progress and debug logs")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--corpus", help="article folder (default: corpus, or QA_CORPUS_DIR)")
        p.add_argument("--index", help="index folder (default: .qa-index, or QA_INDEX_DIR)")
        p.add_argument("--model", help="sentence-transformers model name or path (default: multilingual-e5-small)")
        p.add_argument("--runtime", choices=get_args(RuntimeName),
                       help="how the model runs (default onnx, or QA_RUNTIME); an index is rebuilt for another")

    p = sub.add_parser("index", help="build (or reuse) the index of the corpus")
    common(p)
    p.add_argument("--rebuild", action="store_true", help="rebuild even if the index is current")
    p.add_argument("--optimize", action="store_true",
                   help="merge the index's segments into one and drop deleted chunks (no re-encoding)")
    p.add_argument("--progress", action="store_true", help="show the embedding progress bar even when piped")
    p.add_argument("--ray", nargs="?", const="local", metavar="ADDRESS",
                   help="read, analyse and embed on a Ray cluster (\"auto\", ray://host:10001); "
                        "without an address, on a local Ray started for the run (needs qa-news[ray])")
    p.add_argument("--workers", type=int, metavar="N", help="Ray encoding workers, one model copy each (default 2)")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="show the passages that best match a question")
    common(p)
    p.add_argument("question")
    p.add_argument("--top-k", type=int, default=None, help="number of passages (default 5)")
    p.add_argument("--mode", choices=("hybrid", "dense", "lexical"), default="hybrid")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("ask", help="answer a question with citations (use - to read questions from stdin)")
    common(p)
    p.add_argument("question", nargs="?",
                   help='the question, or "-" for one question per line on standard input')
    p.add_argument("--chat", action="store_true",
                   help="a conversation: questions from the terminal (or stdin), each with the turns before it")
    p.add_argument("--top-k", type=int, default=None, help="passages to read (default 5)")
    p.add_argument("--json", action="store_true", help="print the answer contract as JSON (JSON lines with -)")
    p.add_argument("--outlet", action="append", help="only articles from this outlet (repeatable)")
    p.add_argument("--from", dest="published_from", metavar="YYYY-MM-DD", help="only articles published on or after")
    p.add_argument("--to", dest="published_to", metavar="YYYY-MM-DD", help="only articles published on or before")
    p.add_argument("--doc", action="append", metavar="ID", help="only this article (repeatable)")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("serve", help="serve the HTTP API (and chat page) with uvicorn")
    common(p)
    p.add_argument("--host", help="address to bind (default 127.0.0.1, or QA_HOST)")
    p.add_argument("--port", type=int, help="port (default 8000, or QA_PORT)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("eval", help="measure retrieval and answers on a JSONL question file, or on KorQuAD")
    common(p)
    p.add_argument("file", nargs="?", help="JSONL: question, answers ([] = unanswerable), items, polarity, evidence")
    p.add_argument("--korquad", help="KorQuAD dev half folder from ../shared/korquad/split.py (or QA_KORQUAD_DIR)")
    p.add_argument("--top-k", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.add_argument("--failures", action="store_true", help="list the questions answered wrongly")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("fit", help="fit the evidence, span and abstention weights (KorQuAD dev half + dev files)")
    p.add_argument("--korquad", help="KorQuAD dev half folder (or QA_KORQUAD_DIR)")
    p.add_argument("--dev", action="append", default=[], metavar="FILE[:CORPUS]",
                   help="a dev question file and the corpus folder it is about (repeatable)")
    p.add_argument("--out", help="where to write the weights (default: qa/answer_weights.json)")
    p.add_argument("--folds", type=int, default=2, help="cross-validation folds (by article)")
    p.add_argument("--news-share", type=float, default=NEWS_SHARE,
                   help=f"share of the training weight the news dev files carry (default {NEWS_SHARE})")
    p.add_argument("--model", help="sentence-transformers model name or path")
    p.set_defaults(func=cmd_fit)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if not args.verbose:
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        return args.func(args)
    except (QuestionError, ReadError, IndexLoadError, FilterError) as exc:
        _err(str(exc))
        return EXIT_USAGE
    except ValidationError as exc:  # a setting out of range, from a flag or a QA_* variable
        _err("설정이 잘못되었습니다: " + "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))
        return EXIT_USAGE
    except (RayIndexingError, EngineUnavailable) as exc:
        _err(str(exc))
        return 1
    except KeyboardInterrupt:
        _err("중단되었습니다.")
        return 130
    except BrokenPipeError:  # the reader went away (``qa ask ... | head``): not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
