"""Example questions are offered only when the current index answers them right."""

from __future__ import annotations

from qa.api_models import EXAMPLES
from qa.schema import Document
from qa.suggestions import Example, answered_right, candidates, suggest


def doc(doc_id: str, outlet: str | None, published: str | None, author: str = "김기자") -> Document:
    return Document(doc_id, f"{doc_id} 제목", "본문", "x.txt", outlet=outlet, author=author, published=published)


def test_templates_are_asked_only_about_an_outlets_single_article_newest_first():
    data = {"candidates": [], "templates": [{"question": "{outlet} 기사는 누가 썼어?", "field": "author"},
                                            {"question": "{outlet} 기사는 언제 나왔어?", "field": "published"}]}
    docs = [doc("a", "한겨레", "2020-01-02"), doc("b", "한겨레", "2021-01-01"), doc("c", "뷰어스", "2021-06-30T13:36"),
            doc("d", "시사위크", "2022-03-15"), doc("e", None, None)]
    found = candidates(data, docs)
    assert [e.question for e in found] == ["시사위크 기사는 누가 썼어?", "시사위크 기사는 언제 나왔어?",
                                           "뷰어스 기사는 누가 썼어?", "뷰어스 기사는 언제 나왔어?"]
    assert found[3].expect == "2021년 6월 30일"  # the date as answers say it


def test_a_right_answer_matches_despite_spacing_and_thousands_separators(service):
    answer = service.ask("카카오와 SK텔레콤의 지분 교환 규모는?")
    assert answered_right(Example("", "3,000 억원"), answer)
    assert not answered_right(Example("", "5000억원"), answer)
    assert not answered_right(Example("", None), answer)  # answered, but a refusal was expected
    assert answered_right(Example("", None), service.ask("네이버 대표이사 이름이 뭐야?"))


def test_the_seed_examples_are_answered_right_and_a_wrong_one_is_not_offered(service):
    found = candidates(EXAMPLES, service.index.documents.values())
    offered = suggest(found, service.ask, limit=10)
    assert len(offered) >= 5
    for example in found:
        if example.question in offered:
            assert answered_right(example, service.ask(example.question)), example.question
    assert sum(not service.ask(q).answerable for q in offered) == 1 and not service.ask(offered[-1]).answerable
    wrong = Example("카카오모빌리티의 택시 호출 점유율은?", "50%")  # it answers 80%
    right = Example("카카오모빌리티의 택시 호출 점유율은?", "80%")
    assert wrong.question not in suggest([wrong, *found], service.ask, limit=3)
    assert suggest([right, *found], service.ask, limit=3)[0] == right.question
    assert len(suggest(found, service.ask, limit=2)) == 2


def test_a_deleted_articles_questions_are_no_longer_offered(writable_service):
    service = writable_service()
    before = suggest(candidates(EXAMPLES, service.index.documents.values()), service.ask, limit=10)
    assert "시사위크 기사는 누가 썼어?" in before
    service.remove_article(EXAMPLES["document"])
    after = suggest(candidates(EXAMPLES, service.index.documents.values()), service.ask, limit=10)
    assert not any("시사위크" in q for q in after)
    assert "뷰어스 기사는 누가 썼어?" in after
