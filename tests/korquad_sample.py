"""A small data set in the format ``../shared/korquad/split.py`` writes, made up for tests (KorQuAD itself may not be
copied into the repository): invented articles, each with a few questions and their answer spans."""

from __future__ import annotations

import json
from pathlib import Path

ARTICLES = {
    "한빛제철": (
        "한빛제철\n\n"
        "한빛제철은 1968년 경상북도 포항에서 설립된 철강 회사이다. 창업자는 김도윤 회장이며, 본사는 서울 중구에 있다.\n\n"
        "2019년 한빛제철은 광양에 두 번째 제철소를 지었다. 이 제철소의 연간 생산량은 1200만 톤이다."
    ),
    "푸른숲_도서관": (
        "푸른숲 도서관\n\n"
        "푸른숲 도서관은 2004년 전라남도 순천에 문을 연 어린이 도서관이다. 건축가 이서진이 설계했다.\n\n"
        "도서관에는 약 8만 권의 책이 있으며, 매년 5월에 그림책 축제가 열린다."
    ),
    "은하_관측소": (
        "은하 관측소\n\n"
        "은하 관측소는 1987년 강원도 영월의 봉래산 정상에 세워진 천문대이다. 초대 소장은 박현우 박사였다.\n\n"
        "관측소의 주 망원경은 지름 80센티미터의 반사 망원경으로, 2011년에 교체되었다."
    ),
    "바다소리_축제": (
        "바다소리 축제\n\n"
        "바다소리 축제는 2001년부터 부산 해운대에서 열리는 음악 축제이다. 첫해에는 관객 3만 명이 모였다.\n\n"
        "축제를 처음 기획한 사람은 음악감독 최은비이며, 2015년부터는 사흘 동안 열린다."
    ),
}
QUESTIONS = {
    "한빛제철": [("한빛제철이 설립된 해는?", "1968년"), ("한빛제철을 세운 사람은 누구인가?", "김도윤"),
                 ("한빛제철의 두 번째 제철소가 있는 곳은?", "광양"), ("광양 제철소의 연간 생산량은?", "1200만 톤")],
    "푸른숲_도서관": [("푸른숲 도서관을 설계한 건축가는?", "이서진"), ("푸른숲 도서관이 문을 연 해는?", "2004년"),
                     ("푸른숲 도서관의 책은 몇 권인가?", "약 8만 권"), ("그림책 축제는 언제 열리나?", "매년 5월")],
    "은하_관측소": [("은하 관측소의 초대 소장은?", "박현우"), ("은하 관측소가 세워진 산은?", "봉래산"),
                   ("관측소 주 망원경의 지름은?", "80센티미터"), ("주 망원경이 교체된 해는?", "2011년")],
    "바다소리_축제": [("바다소리 축제가 열리는 곳은?", "부산 해운대"), ("바다소리 축제 첫해 관객 수는?", "3만 명"),
                     ("바다소리 축제를 처음 기획한 사람은?", "최은비"), ("축제가 사흘 동안 열리기 시작한 해는?", "2015년")],
}


def write(folder: Path) -> Path:
    (folder / "corpus").mkdir(parents=True, exist_ok=True)
    with (folder / "questions.jsonl").open("w", encoding="utf-8") as out:
        for n, (name, text) in enumerate(ARTICLES.items()):
            (folder / "corpus" / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
            for i, (question, answer) in enumerate(QUESTIONS[name]):
                at = text.index(answer)
                paragraph = text[:at].count("\n\n") - 1  # the title is not a paragraph
                record = {"id": f"{n}-{i}", "question": question, "answers": [answer], "doc_id": name,
                          "paragraph": paragraph, "answer_start": at}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return folder
