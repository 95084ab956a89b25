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

    def __init__(self, folder: Path, batch_tokens: int = 2048) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        info = json.loads((folder / INFO_FILE).read_text(encoding="utf-8"))
        self.name = "onnx-int8" if info.get("precision") == "int8" else "onnx"
        self.batch_tokens = batch_tokens
        self.dim = int(info["dim"])
        self.pooling = info["pooling"]
        options = ort.SessionOptions()
        options.log_severity_level = 3  # warnings about unused initialisers are noise for users
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
        prompted = [prompt + text for text in texts]
        lengths = [len(encoding.ids) for encoding in self.tokenizer.encode_batch(prompted)]
        results: list[TokenOutput] = []
        begin = 0
        while begin < len(texts):
            end = begin + 1  # grow the batch while its padded size (count × longest) fits the budget
            while end < len(texts) and end - begin < batch_size and \
                    (end + 1 - begin) * max(lengths[begin : end + 1]) <= self.batch_tokens:
                end += 1
            hidden, pooled, encodings = self._forward(prompted[begin:end])
            for row, encoding in enumerate(encodings):
                length = int(sum(encoding.attention_mask))  # padding is on the right
                offsets = np.asarray(encoding.offsets[:length], dtype=np.int64).reshape(-1, 2) - len(prompt)
                results.append(TokenOutput(pooled[row], hidden[row, :length], offsets))
            begin = end
        return results
