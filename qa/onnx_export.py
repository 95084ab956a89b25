"""Export a sentence-transformers model to ONNX once, check it against torch, and cache it beside the model.

The export needs torch, so it runs in a child process (``python -m qa.onnx_export``): the process that serves
never imports torch. fp32 must match torch (cosine ≥ ``FP32_MIN_COSINE`` on mixed Korean/English texts, in one
padded batch) or the export is refused; int8 (dynamic, per-channel, matrix multiplications only) records its
measured cosine in ``export.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

from qa.durable import replace_folder
from qa.model_store import ModelProvisionError

log = logging.getLogger(__name__)

EXPORT_VERSION = 2  # bump when the exported graph or export.json changes
MODEL_FILE, DATA_FILE, INFO_FILE = "model.onnx", "model.onnx.data", "export.json"
FP32_MIN_COSINE = 0.999
OPSET = 17
CHECK_TEXTS = (
    "query: 카카오와 SK텔레콤이 교환한 지분은 얼마야?",
    "passage: 네이버는 경기도 군포에 풀필먼트 센터를 열었다. 물류 협력은 올해 하반기까지 이어진다.",
    "passage: The two companies exchanged shares worth 300 billion won.",
    "query: 누가 썼어?",
)


def export_folder(model_path: str, cache_dir: Path, quantized: bool = False) -> Path:
    """Next to a model folder (the rebuilt default); under the cache for a hub name. One folder per variant."""
    name = "onnx-int8" if quantized else "onnx"
    local = Path(model_path)
    if local.is_dir():
        return local / name
    return cache_dir / name / re.sub(r"[^A-Za-z0-9._-]+", "__", model_path)


def source_fingerprint(model_path: str) -> str:
    """Changes when the model folder's files change, so a rebuilt or replaced model is exported again."""
    digest = hashlib.sha256(f"{EXPORT_VERSION}:{model_path}".encode())
    local = Path(model_path)
    if local.is_dir():
        for path in sorted(p for p in local.iterdir() if p.is_file()):
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def read_info(folder: Path) -> dict | None:
    try:
        return json.loads((folder / INFO_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _is_current(folder: Path, fingerprint: str) -> bool:
    info = read_info(folder)
    return info is not None and info.get("fingerprint") == fingerprint and (folder / MODEL_FILE).is_file()


def ensure_export(model_path: str, cache_dir: Path, quantized: bool = False) -> Path:
    """The export folder for ``model_path``, exporting (in a child process) when missing or stale."""
    folder = export_folder(model_path, cache_dir, quantized)
    fingerprint = source_fingerprint(model_path)
    if _is_current(folder, fingerprint):
        return folder
    log.warning("exporting %s to ONNX%s once, into %s (about a minute)", model_path, " int8" if quantized else "", folder)
    command = [sys.executable, "-m", "qa.onnx_export", model_path, str(cache_dir), "--fingerprint", fingerprint]
    done = subprocess.run(command + (["--int8"] if quantized else []), capture_output=True, text=True)
    if done.returncode != 0 or not _is_current(folder, fingerprint):
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise ModelProvisionError(
            f"ONNX export of {model_path} failed ({reason}); QA_RUNTIME=torch runs the model without it"
        )
    return folder


# -- the child process (imports torch) ------------------------------------------------------------------------


def _pooling(model) -> str:
    """The model's pooling, if the ONNX runtime can reproduce it: Transformer → Pooling (mean or CLS) → Normalize."""
    kinds = [type(module).__name__ for module in model]
    if kinds[:2] != ["Transformer", "Pooling"] or any(kind != "Normalize" for kind in kinds[2:]):
        raise ModelProvisionError(f"modules {kinds} are not supported by the ONNX runtime")
    config = model[1].get_config_dict()
    mode = config.get("pooling_mode")
    if mode not in ("mean", "cls") or not config.get("include_prompt", True):
        raise ModelProvisionError(f"pooling {config} is not supported by the ONNX runtime")
    return mode


def _save_external(model_proto, folder: Path) -> None:
    """Weights in a file beside the graph: ONNX Runtime maps it instead of copying it, so a server holds only the
    pages it reads (the 250k-row vocabulary matrix is most of the model, and a question touches a few rows)."""
    import onnx

    onnx.save_model(model_proto, str(folder / MODEL_FILE), save_as_external_data=True, all_tensors_to_one_file=True,
                    location=DATA_FILE, size_threshold=1024)


def _export_fp32(model_path: str, staging: Path, fingerprint: str) -> dict:
    import onnx
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_path, device="cpu")
    pooling = _pooling(model)
    network = model[0].auto_model.eval()

    class TokenEmbeddings(torch.nn.Module):
        """The transformer alone: its last hidden state is what both pooling and evidence sentences read."""

        def __init__(self) -> None:
            super().__init__()
            self.network = network

        def forward(self, input_ids, attention_mask):
            return self.network(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    sample = model.tokenizer(list(CHECK_TEXTS[:2]), padding=True, return_tensors="pt")
    axes = {0: "batch", 1: "tokens"}
    single = staging / "single.onnx"
    with torch.no_grad():
        torch.onnx.export(
            TokenEmbeddings(), (sample["input_ids"], sample["attention_mask"]), str(single),
            input_names=["input_ids", "attention_mask"], output_names=["token_embeddings"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_embeddings": axes},
            opset_version=OPSET, dynamo=False,
        )
    _save_external(onnx.load(str(single)), staging)
    single.unlink()
    model.tokenizer.backend_tokenizer.save(str(staging / "tokenizer.json"))
    info = {
        "version": EXPORT_VERSION, "fingerprint": None, "source": model_path, "pooling": pooling,
        "dim": int(model.get_embedding_dimension()), "max_length": int(model.max_seq_length),
        "pad_id": int(model.tokenizer.pad_token_id), "pad_token": model.tokenizer.pad_token,
        "torch": torch.__version__, "precision": "fp32",
    }
    _write_info(staging, info)  # the runtime reads it for the check below
    reference = model.encode(list(CHECK_TEXTS), normalize_embeddings=True)
    info["cosine_to_torch"] = _cosines(staging, reference)
    if info["cosine_to_torch"]["min"] < FP32_MIN_COSINE:
        raise ModelProvisionError(f"the ONNX export does not match torch: {info['cosine_to_torch']}")
    info["reference"] = reference.tolist()  # so the int8 variant is checked later without torch
    info["fingerprint"] = fingerprint
    _write_info(staging, info)
    return info


def _cosines(folder: Path, reference) -> dict:
    from qa.onnx_runtime import OnnxRuntime

    vectors = OnnxRuntime(folder).embed(list(CHECK_TEXTS), prompt="")  # one padded batch
    cosines = (vectors * reference).sum(axis=1)
    return {"min": round(float(cosines.min()), 6), "mean": round(float(cosines.mean()), 6)}


def _quantize(fp32: Path, staging: Path, info: dict) -> None:
    """Dynamic int8, per channel, matrix multiplications only (quantising the vocabulary matrix too lost more)."""
    import numpy as np
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    single = staging / "single.onnx"
    quantize_dynamic(fp32 / MODEL_FILE, single, weight_type=QuantType.QInt8, per_channel=True,
                     op_types_to_quantize=["MatMul"])
    _save_external(onnx.load(str(single)), staging)
    single.unlink()
    shutil.copyfile(fp32 / "tokenizer.json", staging / "tokenizer.json")
    reference = np.asarray(info.pop("reference"), dtype=np.float32)
    _write_info(staging, {**info, "fingerprint": None, "precision": "int8"})
    _write_info(staging, {**info, "precision": "int8", "cosine_to_torch": _cosines(staging, reference)})


def _write_info(folder: Path, info: dict) -> None:
    (folder / INFO_FILE).write_text(json.dumps(info, indent=2), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Export a sentence-transformers model to ONNX (used by qa).")
    parser.add_argument("model")
    parser.add_argument("cache_dir", type=Path)
    parser.add_argument("--fingerprint", required=True)
    parser.add_argument("--int8", action="store_true")
    args = parser.parse_args(argv)
    fp32 = export_folder(args.model, args.cache_dir)
    if not _is_current(fp32, args.fingerprint):
        replace_folder(fp32, lambda staging: _export_fp32(args.model, staging, args.fingerprint))
    if args.int8:
        int8 = export_folder(args.model, args.cache_dir, quantized=True)
        replace_folder(int8, lambda staging: _quantize(fp32, staging, read_info(fp32)))
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    sys.exit(main())
