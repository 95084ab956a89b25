"""Runtimes side by side on the dev sets: ``python -m benchmarks.runtimes [--korquad DIR]``.

For each runtime (torch, onnx, onnx-int8) the same corpora are indexed and the same questions asked: the seed and
wikinews dev and blind sets (recall@5, evidence hit, honest answer hit, refusals) and, given the KorQuAD dev half
(``--korquad`` or ``QA_KORQUAD_DIR``), its figures. One run, so the columns differ only by runtime (about 35 min).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import get_args

from qa import korquad
from qa.embedder import Embedder
from qa.evaluation import evaluate, load_questions
from qa.korean import KoreanAnalyzer
from qa.service import QAService
from qa.settings import RuntimeName, Settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CORPORA = {"seed": ROOT / "corpus", "wikinews": ROOT.parent / "shared" / "corpora" / "wikinews-ko"}
DEV_SETS = [  # (question file, corpus)
    ("dev_seed", "seed"), ("blind_seed", "seed"), ("dev_wikinews", "wikinews"), ("blind_wikinews", "wikinews"),
]
RUNTIMES = get_args(RuntimeName)  # torch first: the reference column


def run_runtime(runtime: str, work: Path, analyzer: KoreanAnalyzer, korquad_dir: Path | None) -> dict[str, str]:
    settings = Settings(runtime=runtime)
    embedder = Embedder(settings)
    figures: dict[str, str] = {}
    services = {}
    for name, corpus in CORPORA.items():
        service = QAService(settings.model_copy(update={"corpus_dir": corpus, "index_dir": work / runtime / name}),
                            embedder=embedder, analyzer=analyzer)
        started = time.perf_counter()
        report = service.ensure_index()
        figures[f"{name}: index chunks/s"] = f"{report.chunks / (time.perf_counter() - started):.1f}"
        services[name] = service
    for questions, corpus in DEV_SETS:
        report = evaluate(services[corpus], load_questions(DATA / f"{questions}.jsonl"))
        figures[f"{questions}: recall@5 / evidence / honest hit"] = (
            f"{report.recall_at_k:.3f} / {report.evidence_hit:.3f} / {report.answer_hit:.3f}")
        figures[f"{questions}: refused / unanswerable answered"] = (
            f"{report.wrongly_refused:.3f} / {report.wrongly_accepted:.3f}")
    if korquad_dir is not None:
        data = korquad.load(korquad_dir)
        full, half, paragraphs = korquad.services(data, settings, work / runtime / "korquad",
                                                  services["seed"])
        report = korquad.evaluate(full, half, paragraphs, data)
        r1, r5 = report.recall["hybrid"]
        figures["KorQuAD: recall@1 / recall@5"] = f"{r1:.3f} / {r5:.3f}"
        figures["KorQuAD: evidence / EM / F1"] = f"{report.evidence_hit:.3f} / {report.exact:.3f} / {report.f1:.3f}"
        figures["KorQuAD: refused / absent answered"] = f"{report.refused:.3f} / {report.absent_answered:.3f}"
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.runtimes", description=__doc__.splitlines()[0])
    parser.add_argument("--korquad", type=Path, default=os.environ.get("QA_KORQUAD_DIR") or None)
    args = parser.parse_args(argv)
    if not CORPORA["wikinews"].is_dir():
        print(f"needs {CORPORA['wikinews']}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="qa-runtimes-"))
    analyzer = KoreanAnalyzer()
    columns: dict[str, dict[str, str]] = {}
    try:
        for runtime in RUNTIMES:
            print(f"[{runtime}]", flush=True)
            columns[runtime] = run_runtime(runtime, work, analyzer, Path(args.korquad) if args.korquad else None)
            for figure, value in columns[runtime].items():
                print(f"  {figure:<50} {value}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n| figure | " + " | ".join(RUNTIMES) + " |\n|---|" + "---|" * len(RUNTIMES))
    for figure in columns[RUNTIMES[0]]:
        print(f"| {figure} | " + " | ".join(columns[r].get(figure, "") for r in RUNTIMES) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
