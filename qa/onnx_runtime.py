"""The fast runtime: the same model exported to ONNX, run by ONNX Runtime with the ``tokenizers`` library.

Nothing here imports torch or transformers, so a server on this runtime starts faster and holds less memory.
The export folder (see ``qa.onnx_export``) carries the graph, the model's own tokenizer and its pooling.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from qa.onnx_export import INFO_FILE, MODEL_FILE
from qa.runtime import TokenOutput, normalised

OUTPUT = "token_embeddings"


class OnnxRuntime:
    """One ONNX Runtime session on the CPU. A batch holds at most ``batch_tokens`` padded tokens: attention memory
    grows with the square of the length, and ONNX Runtime keeps its peak allocation for the next batch."""

    def __init__(self, folder: Path, batch_tokens: int = 2048, threads: int = 0) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        info = json.loads((folder / INFO_FILE).read_text(encoding="utf-8"))
        self.name = "onnx-int8" if info.get("precision") == "int8" else "onnx"
        self.batch_tokens = batch_tokens
        self.dim = int(info["dim"])
        self.pooling = info["pooling"]
        options = ort.SessionOptions()
        options.log_severity_level = 3  # warnings about unused initialisers are noise for users
        options.intra_op_num_threads = threads  # 0: one per core
        self.session = ort.InferenceSession(str(folder / MODEL_FILE), options,
                                            providers=["CPUExecutionProvider"])
        self.inputs = {node.name for node in self.session.get_inputs()}
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(int(info["max_length"]))
        self.tokenizer.enable_padding(pad_id=int(info["pad_id"]), pad_token=info["pad_token"])

    def _forward(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, list]:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run([OUTPUT], feed)[0]
        if self.pooling == "cls":
            pooled = hidden[:, 0]
        else:
            pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        return hidden, pooled.astype(np.float32), encodings

    def embed(self, texts: list[str], prompt: str) -> np.ndarray:
        return normalised(self._forward([prompt + text for text in texts])[1])  # questions: one short batch

    def embed_tokens(self, texts: list[str], prompt: str, batch_size: int) -> list[TokenOutput]:
        """Batches of similar lengths (longest first, as sentence-transformers sorts), results in the given order."""
        prompted = [prompt + text for text in texts]
        lengths = [sum(encoding.attention_mask) for encoding in self.tokenizer.encode_batch(prompted)]  # unpadded
        order = sorted(range(len(texts)), key=lambda i: -lengths[i])
        results: list[TokenOutput | None] = [None] * len(texts)
        begin = 0
        while begin < len(order):
            longest = lengths[order[begin]]  # padded batch size = count × longest; grow it within the budget
            end = begin + max(1, min(batch_size, self.batch_tokens // max(longest, 1)))
            part = order[begin:end]
            hidden, pooled, encodings = self._forward([prompted[i] for i in part])
            for row, (i, encoding) in enumerate(zip(part, encodings)):
                length = int(sum(encoding.attention_mask))  # padding is on the right
                offsets = np.asarray(encoding.offsets[:length], dtype=np.int64).reshape(-1, 2) - len(prompt)
                results[i] = TokenOutput(pooled[row], hidden[row, :length], offsets)
            begin = end
        return results  # type: ignore[return-value]
