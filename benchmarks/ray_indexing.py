"""Indexing on Ray against one process: ``python -m benchmarks.ray_indexing`` (part of ``make bench``).

The same wikinews-ko articles (2,059 chunks) chunked, analysed and embedded side by side in one run: in this process
(the model on every core) and on a local Ray with 2 workers (one core and one model copy each). Throughput is
compared with the models loaded on both sides; Ray's start-up and the workers' model loads are reported apart.
"""

from __future__ import annotations

import argparse
import time

from benchmarks.run import WIKINEWS, report
from qa.embedder import Embedder
from qa.encoding import encode_documents
from qa.ingest import ingest_folder
from qa.korean import KoreanAnalyzer
from qa.ray_indexing import EncoderPool, connected
from qa.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    settings = Settings(corpus_dir=WIKINEWS, ray_address="local", ray_workers=args.workers)
    documents = ingest_folder(WIKINEWS).documents
    analyzer, embedder = KoreanAnalyzer(), Embedder(settings)
    encode_documents(documents[:4], settings, analyzer, embedder, progress=False)  # warm Kiwi and the model
    print(f"\n[ray] indexing {len(documents)} wikinews-ko articles: one process against Ray with {args.workers} "
          "local workers")
    started = time.perf_counter()
    single = encode_documents(documents, settings, analyzer, embedder, progress=False)
    single_seconds = time.perf_counter() - started
    chunks = len(single.chunks)
    del embedder
    started = time.perf_counter()
    with connected(settings) as ray:
        up = time.perf_counter()
        pool = EncoderPool(ray, settings)
        loaded = time.perf_counter()
        on_ray = pool.encode(documents)
        done = time.perf_counter()
    assert [c.chunk_id for c in on_ray.chunks] == [c.chunk_id for c in single.chunks]
    drift = float(abs(on_ray.vectors - single.vectors).max())
    report("one process: chunks per second", f"{chunks / single_seconds:.1f}", f"{chunks} chunks")
    report(f"Ray, {args.workers} workers: chunks per second", f"{chunks / (done - loaded):.1f}", "models loaded")
    report("Ray / one process (throughput)", f"{single_seconds / (done - loaded):.2f}", "target >= 0.9")
    report("Ray: start-up, then the workers' model loads", f"{up - started:.1f} s + {loaded - up:.1f} s")
    report("Ray / one process, whole run", f"{single_seconds / (done - started):.2f}", "start-up included")
    report("largest vector difference", f"{drift:.1e}", "target <= 1e-5")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
