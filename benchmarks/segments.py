"""The segmented index at scale: ``python -m benchmarks.segments`` (part of ``make bench``).

Side by side in one run, on wikinews-ko (2,059 chunks) and on it replicated to 100k chunks: the cost of adding one
article outside the model's encode and of deleting one; ``/ask`` latency after 100 adds against the freshly
optimized index and after ``--optimize``, with the optimized index's top-10 against a rebuild's; filtered against
unfiltered ``/ask``; and ``qa serve``'s cold start and peak memory on 100k chunks against the seed corpus.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.replicate import replicate
from benchmarks.run import SEED, WIKINEWS, ask_times, bench_filtered, ms, peak_rss_mb, percentiles, question_texts, report
from qa.index import CorpusIndex
from qa.service import QAService
from qa.settings import Settings

ADDS = 5  # timed adds (and deletes) per index size, after one warm-up add


def _timed_encode(service: QAService) -> list[float]:
    """Make the embedder record the seconds it spends encoding passages: what an add costs outside it is the rest."""
    embedder, spent = service.embedder, [0.0]
    encode = embedder.encode_passages_with_sentences

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return encode(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    embedder.encode_passages_with_sentences = timed
    return spent


def _article(index: CorpusIndex, chunks: int = 10) -> tuple[str, str]:
    """The title and body of the indexed article whose chunk count is nearest ``chunks``."""
    doc = min(index.documents.values(), key=lambda d: (abs(index.chunk_count(d.doc_id) - chunks), d.doc_id))
    return doc.title, doc.text[doc.body_start :]


def bench_writes(label: str, service: QAService, article: tuple[str, str], spent: list[float]) -> dict[str, float]:
    """Median seconds outside the encode per add, and per delete, of a ~10-chunk article."""
    title, body = article
    added, outside, deletes = [], [], []
    for n in range(ADDS + 1):
        spent[0] = 0.0
        started = time.perf_counter()
        doc = service.add_article(f"{title} ({label} {n})", f"{body}\n\n추가 기사 {label} {n}번.")
        if n:  # the first add warms Kiwi and the model's shapes
            outside.append(time.perf_counter() - started - spent[0])
        added.append(doc.doc_id)
    for doc_id in added[1:]:
        started = time.perf_counter()
        service.remove_article(doc_id)
        deletes.append(time.perf_counter() - started)
    chunks = service.index.chunk_count(added[0])
    figures = {"add": statistics.median(outside), "delete": statistics.median(deletes)}
    report(f"{label}: add one article ({chunks} chunks), outside the encode, median", ms(figures["add"]))
    report(f"{label}: delete one article, median", ms(figures["delete"]))
    return figures


def _top10(service: QAService, questions: list[str]) -> list[list[str]]:
    return [[hit.chunk.chunk_id for hit in service.search(q, top_k=10)] for q in questions]


def bench_churn(service: QAService, settings: Settings, article: tuple[str, str], questions: list[str],
                work: Path) -> None:
    """100 adds in a row, then ``--optimize``: latency against the fresh index, top-10 against a rebuild."""
    timed = questions[1::2]
    ask_times(service, questions[::2])  # warm
    fresh = percentiles(ask_times(service, timed))[0]
    title, body = article
    started = time.perf_counter()
    for n in range(100):
        service.add_article(f"{title} (churn {n})", f"{body}\n\n추가 기사 churn {n}번.")
    adding = time.perf_counter() - started
    segments = len(service.index.segments)
    service.embedder.cache.clear()
    service.answer_cache.clear()
    churned = percentiles(ask_times(service, timed))[0]
    started = time.perf_counter()
    service.optimize()
    optimizing = time.perf_counter() - started
    service.embedder.cache.clear()
    service.answer_cache.clear()
    optimized = percentiles(ask_times(service, timed))[0]
    report("100k: 100 adds in a row", f"{adding:.0f} s", f"{segments} segments after them (merge policy)")
    report("100k: /ask p50 fresh / after 100 adds / after --optimize",
           f"{ms(fresh)} / {ms(churned)} / {ms(optimized)}", f"{churned / fresh:.2f} x fresh after the adds")
    report("100k: --optimize (one segment, lexical statistics refreshed)", f"{optimizing:.0f} s")
    rebuilt_service = QAService(settings.model_copy(update={"index_dir": work / "rebuilt"}),
                                embedder=service.embedder, analyzer=service.analyzer)
    rebuilt_service.use_index(replicate(service.index, len(service.index.chunks),
                                        rebuilt_service.settings))  # the same vectors and terms, built afresh
    mine, theirs = _top10(service, questions), _top10(rebuilt_service, questions)
    overlap = statistics.mean(len(set(a) & set(b)) / max(1, len(b)) for a, b in zip(mine, theirs))
    report("100k: top-10 of the optimized index vs a rebuild's", f"{overlap:.3f} overlap", "target 1.000")


def bench_serving(big_index: Path, seed_index: Path, questions: list[str]) -> None:
    """``qa serve`` launched to a first answer on 100k chunks and on the seed, and its peak memory at 100k."""
    from tests.http_server import qa_serve

    seconds = {}
    servers = (("seed", SEED, seed_index), ("100k", big_index.parent / "no-corpus", big_index))
    for _, corpus, index in servers:  # untimed: the first start after heavy work also reads files back from disk
        with qa_serve(corpus, index, poll=0.05, quiet=True) as (base, _process):
            httpx.post(f"{base}/ask", json={"question": questions[0]}, timeout=120)
    for label, corpus, index in servers:
        started = time.perf_counter()
        with qa_serve(corpus, index, poll=0.05, quiet=True) as (base, process):
            httpx.post(f"{base}/ask", json={"question": questions[0]}, timeout=120).raise_for_status()
            seconds[label] = time.perf_counter() - started
            for question in questions:
                httpx.post(f"{base}/ask", json={"question": question}, timeout=120)
            rss = peak_rss_mb(process.pid)
        report(f"cold start of qa serve to a first answer: {label}", f"{seconds[label]:.1f} s",
               f"peak RSS {rss:,.0f} MB after {len(questions)} questions")
    report("cold start: 100k / seed", f"{seconds['100k'] / seconds['seed']:.2f}", "target <= 1.5")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=None, help="keep the indexes here (default: a temporary folder)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="qa-segments-"))
    questions = question_texts()
    base = Settings(corpus_dir=WIKINEWS, index_dir=work / "wiki")
    wiki_service = QAService(base)
    wiki_service.ensure_index()
    spent = _timed_encode(wiki_service)
    article = _article(wiki_service.index)
    print("\n[segments] adds and deletes at two sizes")
    figures = {}
    for label, target in (("2k", 1), (f"{args.chunks // 1000}k", args.chunks)):
        corpus = work / f"corpus-{label}"
        corpus.mkdir(exist_ok=True)
        settings = base.model_copy(update={"index_dir": work / label, "corpus_dir": corpus})
        service = QAService(settings, embedder=wiki_service.embedder, analyzer=wiki_service.analyzer)
        service.use_index(replicate(wiki_service.index, target, settings))
        figures[label] = bench_writes(label, service, article, spent)
    small, large = figures.values()
    report("add at 100k / at 2k (outside the encode)", f"{large['add'] / small['add']:.2f}", "target <= 1.2")
    print("\n[segments] churn, optimize and filters at 100k")
    bench_churn(service, settings, article, questions, work)
    bench_filtered("100k", service, questions)
    del service
    seed = QAService(Settings(index_dir=work / "seed"), embedder=wiki_service.embedder,
                     analyzer=wiki_service.analyzer)
    seed.ensure_index()
    bench_serving(work / f"{args.chunks // 1000}k", work / "seed", questions[:40])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
