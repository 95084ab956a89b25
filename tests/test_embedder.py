"""Embedding: passage vectors, and sentence vectors (the sentence in its passage joined with the sentence alone)."""

from __future__ import annotations

import numpy as np

CHUNK = (
    "카카오 SK텔레콤 협력\n"
    "카카오와 SK텔레콤은 3,000억원 규모의 지분을 서로 교환했다. "
    "네이버는 경기도 군포에 풀필먼트 센터를 열었다. "
    "뷰어스 송가영 기자가 이 소식을 전했다."
)


def _spans(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    return [(text.index(s), text.index(s) + len(s)) for s in sentences]


def test_sentence_vectors_read_the_sentence_in_its_passage_and_alone(service):
    embedder = service.embedder
    sentences = ["카카오와 SK텔레콤은 3,000억원 규모의 지분을 서로 교환했다.", "네이버는 경기도 군포에 풀필먼트 센터를 열었다.",
                 "뷰어스 송가영 기자가 이 소식을 전했다."]
    vectors, sentence_vectors = embedder.encode_passages_with_sentences([CHUNK], [_spans(CHUNK, sentences)])
    assert vectors.shape == (1, embedder.dim) and sentence_vectors.shape == (3, embedder.dim)
    assert np.allclose(np.linalg.norm(sentence_vectors, axis=1), 1.0, atol=1e-5)
    # The passage vector is the one plain `encode` gives: one forward pass serves both.
    plain = embedder.runtime.embed([CHUNK], embedder.passage_prompt)[0]
    assert float(vectors[0] @ plain) > 0.999

    # Each sentence's vector is the normalised sum of two readings: its tokens in the passage, and it alone.
    alone = embedder.runtime.embed(sentences, embedder.passage_prompt)
    tokens = embedder.runtime.embed_tokens([CHUNK], embedder.passage_prompt, 1)[0]
    for row, (start, end) in enumerate(_spans(CHUNK, sentences)):
        inside = (tokens.offsets[:, 0] < end) & (tokens.offsets[:, 1] > start)
        in_passage = tokens.tokens[inside].mean(axis=0)
        joined = in_passage / np.linalg.norm(in_passage) + alone[row]
        assert float(sentence_vectors[row] @ (joined / np.linalg.norm(joined))) > 0.9999
        assert float(sentence_vectors[row] @ alone[row]) < 0.999  # not the sentence alone
    elsewhere = "뷰어스 송가영 기자가 이 소식을 전했다. 오늘 날씨는 맑고 바람이 분다."
    _, other = embedder.encode_passages_with_sentences([elsewhere], [_spans(elsewhere, [sentences[2]])])
    assert float(other[0] @ sentence_vectors[2]) < 0.999  # the same sentence in another passage reads otherwise

    questions = ["카카오와 SKT가 교환한 지분 규모는 얼마야?", "네이버 풀필먼트 센터는 어디에 있어?", "이 기사를 쓴 기자는 누구야?"]
    for expected, question in enumerate(questions):
        similarities = sentence_vectors @ embedder.encode_query(question)
        assert int(np.argmax(similarities)) == expected, (question, similarities)


def test_sentences_of_several_passages_stay_in_order(service):
    embedder = service.embedder
    texts = [CHUNK, "짧은 문단이다. 두 문장이다.", "문장 없는 제목"]
    spans = [_spans(CHUNK, ["네이버는 경기도 군포에 풀필먼트 센터를 열었다."]), [(0, 8), (9, 15)], []]
    vectors, sentence_vectors = embedder.encode_passages_with_sentences(texts, spans)
    assert vectors.shape[0] == 3 and sentence_vectors.shape[0] == 3
    alone, alone_sentences = embedder.encode_passages_with_sentences([texts[1]], [spans[1]])
    assert np.allclose(sentence_vectors[1:], alone_sentences, atol=1e-4)  # rows follow (text, span) order
