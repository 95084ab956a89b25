"""The embedded index against the search-engine backend: ``python -m benchmarks.engine`` (part of ``make bench``).

Side by side in one run on wikinews-ko (2,059 chunks): ``/ask`` latency in-process with candidates from the
embedded index (FAISS + tantivy) and from Milvus (its own engine in-process through milvus-lite, the client API a
cluster answers), the time to fill the engine from the index, and how often the two give the same top passage and
the same answer to the wikinews dev questions (written by helpers that saw only the articles).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.run import ROOT, WIKINEWS, ask_times, ms, percentiles, question_texts, report
from qa.evaluation import load_questions
from qa.service import QAService
from qa.settings import Settings

DEV_SETS = ("dev_wikinews.jsonl", "blind_wikinews.jsonl")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--work", type=Path, default=None, help="keep the index here (default: a temporary folder)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="qa-engine-"))
    embedded = QAService(Settings(corpus_dir=WIKINEWS, index_dir=work / "wiki"))
    embedded.ensure_index()
    engine = QAService(embedded.settings.model_copy(update={"search_url": f"milvus-lite://{work / 'milvus.db'}"}),
                       embedder=embedded.embedder, analyzer=embedded.analyzer)
    started = time.perf_counter()
    engine.engine_following(engine.index)
    filled = time.perf_counter() - started
    print(f"\n[engine] wikinews-ko, {embedded.index.chunk_total} chunks: embedded index against Milvus (milvus-lite)")
    report("fill the engine from the index", f"{filled:.1f} s", f"{embedded.index.chunk_total} chunks")
    questions = [q.question for name in DEV_SETS for q in load_questions(ROOT / "tests" / "data" / name)]
    same_top = same_answer = 0
    for question in questions:
        same_top += embedded.search(question)[0].chunk.chunk_id == engine.search(question)[0].chunk.chunk_id
        ours, theirs = embedded.ask(question), engine.ask(question)
        same_answer += (ours.answerable, ours.short_answer) == (theirs.answerable, theirs.short_answer)
    report("same top passage (wikinews dev questions)", f"{same_top} / {len(questions)}")
    report("same answer (answerable, short answer)", f"{same_answer} / {len(questions)}")
    timed = question_texts()
    p50 = {}
    for label, service in (("embedded", embedded), ("engine", engine)):
        ask_times(service, timed[::2])  # warm
        service.answer_cache.clear()
        service.embedder.cache.clear()
        p50[label], p95 = percentiles(ask_times(service, timed[1::2]))
        report(f"/ask in-process p50 / p95, {label}", f"{ms(p50[label])} / {ms(p95)}")
    report("/ask p50: engine / embedded", f"{p50['engine'] / p50['embedded']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
