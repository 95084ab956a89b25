"""Every Korean word list the product uses, each named for what it is.

Only general Korean and general news vocabulary belongs here: question words, units, roles, place and
organisation suffixes, connectives, news-page boilerplate. A word that exists to fix one question or one article
does not: the answerer learns from features and fitted weights, not from lists grown question by question.
"""

from __future__ import annotations

# --- questions --------------------------------------------------------------------------------------------------

# Interrogatives (Kiwi lemmas and surface stems) that make a sentence a question rather than say what it is about.
INTERROGATIVES = frozenset(
    {"누구", "누가", "언제", "어디", "무엇", "뭐", "무슨", "어떤", "어떻다", "어떻", "어느", "몇", "얼마", "얼마나", "왜",
     "어떻게", "어째서", "며칠", "뭘", "뭔가", "무얼"}
)
# Interrogative stems as they start a glued word: 얼마짜리, 몇명, 누구랑, 어디서, 언제쯤.
INTERROGATIVE_PREFIXES = ("얼마", "몇", "누구", "언제", "어디", "무엇", "어느", "어떤", "어떻", "무슨", "며칠")
# Interrogative determiners: the noun after them names what is asked ("어떤 시위", "몇 명", "어느 나라").
WH_DETERMINERS = frozenset({"어떤", "어느", "무슨", "몇", "웬"})
# Chat spellings of interrogatives that Kiwi's typo model does not mend ("어케" reads as 어 + 하 + 게, "모야" as a
# name), as whole words, with how they are written out.
# Not 모임 (a meeting) nor 모지, which are words.
CHAT_INTERROGATIVES = {"어케": "어떻게", "어캐": "어떻게", "어떠케": "어떻게", "어뜨케": "어떻게", "어케요": "어떻게요",
                       "어케됨": "어떻게 됨", "어케함": "어떻게 함", "모야": "뭐야", "모냐": "뭐냐", "모예요": "뭐예요",
                       "모에요": "뭐에요"}

# Nouns of a point of view: "신세계 입장에선?", "소비자 관점에서 보면" ask what was asked, of that side.
STANDPOINT_NOUNS = ("입장", "관점")
# Adverbs that press a question without changing what it asks: "풀필먼트가 정확히 뭐야?", "대체 뭔데?".
INTENSIFIERS = frozenset({"정확히", "대체", "도대체", "간단히", "쉽게", "자세히", "대충", "대략"})
SOFTENERS = frozenset({"좀", "조금"})  # adverbs softening a request: "점유율 좀", "규모 조금 알려줘"
# Words a question is made of but is not about (requests, light verbs, generic nouns of asking).
QUESTION_FILLER = frozenset(
    {"하다", "되다", "있다", "이다", "알다", "알려주다", "말하다", "나오다", "것", "거", "건", "짜리", "정도", "내용",
     "설명", "대해", "관련", "때", "기사", "뭘로", "각각", "모두", "전부", "가지", "경우", "무엇", "이름", "곳", "수"}
)

# Words that point back in a conversation (Kiwi's forms): "그건 언제야?" refers to what was just asked about (or to
# the thing it answered), "거기는?" to a company or place named before, "걔네" / "양사" / "두 회사" to several.
EVENT_ANAPHORS = frozenset({"그거", "그것", "이거", "이것", "저거", "저것", "그때", "이때"})
PERSON_ANAPHORS = frozenset({"걔", "쟤", "그녀", "그분", "이분", "그"})
PLACE_ANAPHORS = frozenset({"거기", "여기", "저기", "그곳", "이곳", "그쪽", "이쪽"})
GROUP_ANAPHORS = frozenset({"그들", "이들", "둘", "양사", "양측"})
GROUP_SUFFIXES = frozenset({"네", "들"})  # 걔 + 네, 그 + 들
DEMONSTRATIVES = frozenset({"그", "이", "저", "해당", "그런", "이런"})  # determiners: "그 회사", "해당 기사"
PAIR_DETERMINERS = frozenset({"양", "두"})  # "양사", "두 회사"
# Nouns that stand for a company or party named elsewhere ("SKT는 자사가 서비스하는 티맵", "양사는"): never an answer
# by themselves, since the reader cannot check who they are without the sentence. The reflexive ones stand for their
# own clause's subject ("카카오는 자사의 카카오톡을"), the others for names given before the clause.
REFLEXIVE_NOUNS = frozenset({"자사"})  # not 당사, also a party's headquarters (黨舍)
POINTING_NOUNS = REFLEXIVE_NOUNS | {"각사", "양사", "양측", "이들", "그들", "상대방"}
AMONG = frozenset({"중", "가운데"})  # "그중에", "그 가운데": among what was just said
# Time words that point from the conversation ("전에 언제 했었는데?", "지금은 어디랑 손잡았대?"): no topic of their own.
DEICTIC_TIME = frozenset({"전", "후", "예전", "이전", "이후", "아까", "방금", "지금", "현재", "이번", "다음", "나중", "요즘",
                          "요새"})
# Time words that place a question in the speaker's time, never the article's ("예전에 지분 바꾼 적 있지?"): no search
# term, as an article's "예전" would match them by accident.
SPEAKER_TIME = frozenset({"예전", "옛날", "아까", "방금", "요즘", "요새"})
# Light predicates that leave their object to the conversation: "네이버는 누구랑 했어?".
PRO_VERBS = frozenset({"하다", "되다", "그렇다", "그러다", "이렇다", "이러다"})

# Verbs of asking, before 줘/주세요: "…알려줘", "설명해 주세요".
REQUEST_VERBS = ("알려", "말해", "설명해", "보여", "찾아", "가르쳐", "정리해")
# Kiwi's final and pre-final endings that make "-어 주다" a request: 줘, 주세요, 줄래, 주십시오, 주시겠어요
# (not 주나요?, 줄까?, 줬어?, which ask whether it is or was done).
REQUEST_ENDINGS = frozenset({"어", "어요", "세요", "ᆯ래", "ᆯ래요", "라", "ᆸ시오", "시오", "렴", "요", "겠어요"})
REQUEST_PREFINALS = frozenset({"시", "겠"})
# Endings that quote a clause ("없다고 봐?", "하라고 했어?") and that report what was said ("않았대?").
QUOTATIVE_ENDINGS = frozenset({"라고", "다고", "냐고", "자고"})
# Predicates confirming a clause put as a fact ("…없는 거 맞아?", "…한 게 맞지?"): the clause is what is asked.
CONFIRMING_STEMS = frozenset({"맞"})
REPORTED_ENDINGS = frozenset({"대", "대요", "래", "래요"})

# Nouns asking a named person's post ("여민수의 직책은?"): answered like "여민수는 누구야?", by the title after the name.
ROLE_NOUNS = frozenset({"직책", "직함", "직위", "직급"})
# Focus nouns: the noun a question asks for ("…한 인물은?", "어느 나라", "몇 년") tells the answer's category.
FOCUS_DATE = frozenset(
    {"날", "날짜", "해", "연도", "년도", "시기", "때", "시점", "년", "월", "일", "요일", "시각", "시간", "연대",
     "세기", "계절", "시절", "당시", "기간", "개월", "일자", "날짜"}
)
FOCUS_PERSON = frozenset(
    {"사람", "인물", "이", "자", "분", "선수", "감독", "작가", "배우", "가수", "학자", "주인공", "왕", "황제",
     "대통령", "총리", "장관", "회장", "대표", "사장", "의원", "지도자", "창시자", "설립자", "발명가", "작곡가",
     "화가", "저자", "아버지", "어머니", "아들", "딸", "남편", "아내", "부인", "형", "동생", "후임", "전임", "상대",
     "인사", "측근", "멤버", "코치", "교수", "박사", "장군", "위원장", "시장", "지사", "기자", "범인", "피고인"}
)
# Focus nouns that ask for a location proper, where "어디" may also ask for a company or a service.
LOCATION_NOUNS = frozenset({"장소", "지역", "나라", "국가", "도시", "위치", "지명", "지방", "동네", "섬", "산", "강", "바다",
                            "대륙", "마을", "고향", "출신지", "수도", "행선지", "목적지"})
FOCUS_PLACE = LOCATION_NOUNS | frozenset({"곳", "본사", "본부", "경기장", "건물"})
FOCUS_ORG = frozenset(
    {"회사", "기업", "업체", "단체", "기관", "조직", "정당", "당", "팀", "구단", "학교", "대학", "대학교", "은행",
     "방송사", "언론사", "신문사", "부처", "부대", "협회", "연맹", "재단", "그룹", "법인", "회사명", "밴드"}
)
# Nouns of an aspect: "어떤 점을 보고", "어떤 면에서" ask a thing (점 after 몇 counts points).
ASPECT_NOUNS = frozenset({"점", "면", "부분"})
# Focus nouns that name nothing but the category asked ("…한 인물은?", "어느 회사"): an answer states the instance.
CATEGORY_WORDS = frozenset({"사람", "인물", "회사", "기업", "업체", "곳", "장소"})
# Kiwi's noun suffix of a rate (점유+율, 접종+률; 법률, 자율 and 효율 are one noun): a rate is asked as a percentage.
RATE_SUFFIXES = frozenset({"율", "률"})
# Rates given otherwise than in %: "9.5대 1", "0.72명", "2.85", "1,300원".
RATIO_RATES = frozenset({"경쟁률", "출산율", "합계출산율", "방어율", "타율", "환율", "배율"})
FOCUS_NUMBER = RATE_SUFFIXES | frozenset(
    {"수", "개수", "숫자", "규모", "금액", "액수", "가격", "비용", "요금", "비율", "비중", "퍼센트", "점유율", "수치", "인원",
     "명", "개", "곳", "대", "건", "배", "위", "순위", "점", "표", "석", "세", "살", "나이", "높이", "길이", "무게",
     "넓이", "면적", "크기", "거리", "속도", "온도", "득표율", "지지율", "매출", "이익", "예산", "인구", "횟수",
     "번", "차례", "회", "등", "킬로미터", "미터", "톤", "달러", "원", "엔", "유로", "주년", "개국", "종", "권",
     "페이지", "층", "호", "기", "척", "마리", "정도"}  # "어느 정도야?": how much
)
# "X 쪽은?", "X 측은?": the side of a thing named, asked what was asked of another.
SIDE_NOUNS = frozenset({"쪽", "측", "편"})
# Interrogatives that measure: before a unit or a measure noun ("어느 정도", "몇 년", "얼마 동안") they ask no name.
MEASURING_WH = frozenset({"어느", "몇", "얼마"})
# After a year or month, words that make it a point of comparison, not the time spoken of ("2020년보다 늘었다").
TIME_REFERENCE_MARKERS = ("보다", "대비", "에 비해", "이후", "이래", "만에", "만의", "부터")
# Nouns for a name, which the noun before them types: "대표 이름" is a person's, "회사 이름" a company's.
NAME_NOUNS = frozenset({"이름", "명칭", "성함", "성명"})
# Nouns asking what a term means ("After Disease 뜻", "AD의 의미는?"), and the verbs news defines one with
# ("X는 Y를 말한다").
MEANING_NOUNS = frozenset({"뜻", "의미", "정의", "개념"})
DEFINING_VERBS = frozenset({"말하", "뜻하", "의미하", "가리키", "일컫"})
# Verbs of a request to explain, closing a question on "-어 주다": "NFT 뜻 알려줘", "뭔지 설명해 주세요".
EXPLAIN_REQUESTS = frozenset({"알리", "설명", "가르치"})
# What parentheses after a name hold besides a definition: "(이하 SKT)", "(사진)", "(가칭 …)", "(대표 …)" (with the
# person titles), and the nouns a sentence about a term closes on without defining it ("…할 전망이다", "초기 단계다").
NOT_GLOSSES = frozenset({"이하", "사진", "가칭", "왼쪽", "오른쪽", "가운데", "제공", "자료", "전", "현", "구", "옛"})
NOT_DEFINING_HEADS = frozenset({"단계", "상황", "셈", "것", "때문", "수준", "상태", "중", "분위기", "모습", "입장", "처지"})

# The unit a question asks in restricts amount answers to that unit: "몇 명" wants people, "이용료" money.
UNIT_FAMILIES: dict[str, tuple[str, ...]] = {
    "percent": ("%", "퍼센트", "프로"),
    "people": ("명",),
    "rank": ("위",),
    "money": ("원", "달러", "엔", "유로", "위안", "파운드"),
    "anniversary": ("주년",),
    "count": ("개", "건", "곳", "대", "차례", "번", "회"),
}
# Question words naming a unit family (nouns and the counters after 몇).
UNIT_CUES: dict[str, frozenset[str]] = {
    "percent": frozenset({"퍼센트", "%", "비율", "점유율", "득표율", "지지율", "비중", "증가율", "상승률", "하락률"}),
    "people": frozenset({"명", "인원", "가입자", "사람수", "인구", "관객", "관중", "사망자", "부상자", "이용자"}),
    "rank": frozenset({"위", "순위", "등수"}),
    "money": frozenset({"금액", "가격", "요금", "이용료", "매출", "영업이익", "순이익", "비용", "예산", "액수",
                        "투자금", "연봉", "몸값", "상금", "벌금", "짜리"}),
    "anniversary": frozenset({"주년"}),
    "count": frozenset({"개", "건", "곳", "대", "차례", "번", "회"}),
}

# Metadata questions ask about the article itself, not its content.
ARTICLE_WORDS = ("기사",)
AUTHOR_WORDS = ("기자", "작성자", "글쓴이", "필자")
OUTLET_WORDS = ("언론사", "매체", "신문사", "출처")
PUBLISHED_WORDS = ("작성일", "보도일", "발행일", "승인일", "게재일")
# How an article comes out, as a question asks where it did ("어디서 나온 기사야?": its outlet).
PUBLISHING_FORMS = ("나온", "나왔", "낸", "냈", "실린", "실렸", "올라온", "올라왔", "보도한", "보도했")
TITLE_WORDS = ("제목", "헤드라인")
DEGREE_NOUNS = frozenset({"정도", "수준"})  # "어느 정도야?": how much, or how far when nothing measured is named
CONTENT_ASKING = ("무슨", "어떤", "뭔")  # "기사는 무슨 내용이야?": what the article is about
CONTENT_WORDS = ("요약", "주제", "줄거리", "핵심 내용", "주요 내용")
# Every word a question about an article itself may use ("누가 쓴 기사야?", "해당 기사 작성자 이름은?"): a question made
# only of these (and question words) is about the article just cited, not about a topic.
ARTICLE_FIELD_WORDS = frozenset({*ARTICLE_WORDS, *AUTHOR_WORDS, *OUTLET_WORDS, *PUBLISHED_WORDS, *TITLE_WORDS,
                                 "쓰다", "작성", "작성하다", "나오다", "올라오다", "승인", "발행", "보도", "게재",
                                 "해당", "날짜", "시간", "시각"})

# Cues that a question wants several items.
# Numerals Kiwi tags as determiners ("두 배", "세 곳") and words that state a quantity without a digit: an amount
# answer holds one of them or a digit.
NUMERAL_DETERMINERS = frozenset({"한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "스무", "몇몇", "수십",
                                 "수백", "수천", "수만"})
QUANTITY_WORDS = frozenset({"절반", "대부분", "일부", "전부", "과반", "다수", "소수", "수십", "수백", "수천", "수만", "수억",
                            "수조", "수십억", "수백억", "수천억", "수조원", "배", "전체"})

# Questions that want one answer per article or per named thing: "두 기사 각각", "네이버랑 카카오는 각각".
DISTRIBUTIVE_CUES = ("각각", "각자", "저마다", "둘 다", "셋 다", "따로따로", "마다")
# "두 기사", "기사들", "기사 두 개", "두 건의 기사", "기사 2건": several articles, and how many when it says
SEVERAL_ARTICLES = (r"(두|세|네|다섯|각|모든|여러|전체)\s*기사|기사\s*(들|마다|각각|모두|둘|셋|전부)"
                    r"|기사\s*(두|세|네|다섯|(?<!\d)[2-5])\s*(개|건|편)(?!의)"  # not "이 기사 3건의 계약"
                    r"|(?<![가-힣\d])(두|세|네|다섯|[2-5])\s*(개|건|편)(의)?\s*기사")  # not "15개 기사"
COUNT_WORDS = {"두": 2, "세": 3, "네": 4, "다섯": 5, "둘": 2, "셋": 3, "2": 2, "3": 3, "4": 4, "5": 5}
# Words narrowing a question to one of several ("…기업 중 전자 회사는?", "첫 번째로 언급된 곳", "X 말고", "가장 큰"):
# one of the examples a list gives answers it, not the list.
NARROWING_WORDS = ("중", "가운데", "번째", "말고", "빼고", "제외", "가장", "제일")
# The nouns "어느" asks a choice with ("어느 쪽과", "어느 곳이", "어느 게"): they stand for one of the things compared.
CHOICE_NOUNS = frozenset({"쪽", "곳", "것", "게", "편"})
# "A와 B 중 누가 …": the answer is one of the question's own names (not a question per name, and not a span to avoid).
CHOICE = r"(중|가운데)(에서|에)?\s*(누가|누구|어느|어디|뭐|무엇|더)|(와|과|랑|하고)\s+\S+\s+(중|가운데)(에서|에)?\s"
# Terms of a request closing a question ("…알려줘", "정리해줘", "설명해 주세요"): "운용 주체랑 지원 대상 알려줘" asks
# for both things, not about them.
ASKING_TERMS = frozenset({"알리다", "말", "설명", "정리", "보이다", "얼마", "어떻다", "뽑다", "나열"})
# "멜론이랑 플로 점유율 차이 얼마나 나?": how far apart two amounts are.
DIFFERENCE_NOUNS = frozenset({"차이", "격차"})
# Verbs that ask what a thing is called ("…를 뭐라고 불렀어?"), not what was said of it.
NAMING_VERBS = frozenset({"부르", "일컫", "칭하", "명명하"})
# "합쳐서", "종합하면": a question naming several articles that wants one answer from all of them, not one each.
COMBINE_CUES = frozenset({"합쳐", "합쳐서", "합치면", "종합하면", "종합해서", "종합해", "종합하자면", "통틀어", "통틀어서",
                          "통틀면", "아울러"})
# "A랑 B 중 뭐가 더 높아?": which of two amounts is larger or smaller, by the adjective's stem (Kiwi's form).
# What an amount is compared with that is not another name ("평균보다 높아?", "예상보다 많아?"): no second amount to ask.
COMPARISON_BASELINES = frozenset({"평균", "예상", "기대", "목표", "전년", "전월", "전기", "전분기", "기준", "전망", "평소",
                                  "이전", "종전", "과거", "직전", "당초", "시장", "업계"})
COMPARATIVE_MORE = frozenset({"높", "많", "크", "비싸", "길", "넓", "무겁"})
COMPARATIVE_LESS = frozenset({"낮", "적", "작", "싸", "짧", "좁", "가볍"})
EARLIER_CUES = ("먼저", "일찍", "오래된", "예전")  # "어느 게 먼저 나왔어?": the articles in date order
LATER_CUES = ("나중", "늦게", "최근", "최신")
# "A랑 B 중 뭐가 더 이른 거야?", "…뭐가 먼저야?": which of two events came first or last (Kiwi's adjective stems).
COMPARATIVE_EARLIER = frozenset({"이르"})  # not 빠르: "어느 쪽이 더 빨라?" asks a speed
COMPARATIVE_LATER = frozenset({"늦"})
ORDER_ADVERBS = {"먼저": "earlier", "나중": "later"}
# Years named relative to the article's date, by how many years from its year.
RELATIVE_YEARS = {"재작년": -2, "지지난해": -2, "지난해": -1, "작년": -1, "올해": 0, "금년": 0, "내년": 1}
# What each interrogative asks for: "그 사람" takes the answer to 누구, "어디에 언제 생겨?" is two questions, "그 기자가 쓴
# 기사 언제 승인됐어?" asks the date.
INTERROGATIVE_KINDS = (("누구", "person"), ("누가", "person"), ("언제", "time"), ("며칠", "time"), ("어디", "place"),
                       ("어느", "place"), ("무슨", "thing"), ("뭐", "thing"), ("무엇", "thing"), ("뭘", "thing"),
                       ("어떤", "thing"), ("얼마", "amount"), ("왜", "reason"))
# Verbs and verbal nouns news reports speech with ("…라고 말했다", "…고 강조했다").
SPEECH_VERBS = frozenset({"말하", "밝히", "전하", "덧붙이", "답하"})
SPEECH_NOUNS = frozenset({"강조", "설명", "언급", "주장", "지적", "답변", "발언"})
# Verbs that ask what something is called, not what someone said ("X는 무엇이라고 불렸나?").
NAMING_STEMS = frozenset({"부르", "불리", "칭하", "일컫"})
SAYING_CUES = ("뭐라고", "뭐라 ", "뭐라던", "뭐라는", "무엇이라고", "무엇이라 ", "무어라")  # asks for the words said or written
CLOCK_CUES = ("몇 시", "몇시", "시간", "시각")  # the time of day an article was approved
DAY_CUES = ("언제", "날짜", "며칠", "몇 일", "몇일", "일자", "무슨 날", "어느 날", "요일")  # asking for the day as well
LIST_CUES = ("각각", "모두", "전부", "목록", "나열", "모든",
             "어디어디", "어디 어디", "누구누구", "누구 누구", "뭐뭐", "뭐 뭐", "무엇무엇")  # a doubled question word asks for several
# Nouns asking for a kind of thing, answered by the items the article lists ("협력 분야는?", "어떤 영역").
CATEGORY_NOUNS = frozenset({"분야", "영역", "종류", "부문", "항목", "품목", "과목", "형태", "유형"})
# Nouns naming a way of doing: "어떤 방식으로 협력해?" asks how, as 어떻게 does; the answer is the clause that says it.
MANNER_NOUNS = frozenset({"식", "방식", "방법", "수단"})
SEVERAL_COUNTS = ("두", "세", "네", "다섯", "여섯", "2", "3", "4", "5", "6")  # "세 가지는?": that many items
KIND_COUNTERS = ("가지", "곳", "군데", "종류", "개사")
# Particles likening one thing to another: "쿠팡 로켓배송처럼 익일 배송을", "서울만큼"; and words asking for what
# something is likened to ("어디처럼", "벤치마킹 대상은?").
LIKENESS_PARTICLES = ("처럼", "만큼")
LIKENESS_WORDS = (*LIKENESS_PARTICLES, "벤치마킹", "본보기", "본떠", "본뜬", "본받", "모방", "따라하", "롤모델", "닮")
# Particles a name takes beyond the ones Kiwi may read glued to it (korean.GLUED_PARTICLES): "멜론이랑", "플로도".
NAME_PARTICLES = ("이랑", "으로", "로", "만", "도", "에", "에게", "보다", "처럼", "이나", "나", "께서")
# Particles that make a noun its clause's topic or subject: "카카오는 …, SKT는 …", "지니가 23.1%".
TOPIC_PARTICLES = frozenset({"은", "는", "이", "가"})
# Verbal nouns whose owner is a source, as news cites one: "공정위 추산에 따르면", "통계청 조사 결과". "누가 추산했어?"
# asks that owner (unlike 인수: "이베이코리아 인수" names what was bought).
SOURCE_NOUNS = frozenset({"추산", "집계", "추정"})  # not 발표, 조사: "실적 발표", "사고 조사" name what was acted on
# The verbs of "X에 따르면" / "X에 의하면": X is who says what the sentence reports, a source, not its subject.
ATTRIBUTION_VERBS = frozenset({"따르", "의하"})
# What a source does with a figure it gives: "서울시는 40만명이 모인 것으로 추산했다", "증권가는 12조원으로 전망했다".
REPORTING_STEMS = frozenset({"추산", "전망", "집계", "발표", "보도", "분석", "추정", "예측", "예상", "관측", "밝히",
                             "말하", "전하", "내다보", "평가", "조사", "주장"})
# Search terms news uses for one thing, read as the first of each group by the evidence's coverage features:
# - reported words: news reports an announcement as "…하겠다고 15일 밝혔다" and a comment as "“…”고 설명했다", so a
#   question asking when it was 발표된 or who gave a 소감 or 코멘트 is answered by a sentence that 밝혔다, 말했다,
#   설명했다 (not 알리다: "길을 알려준다", "…것으로 알려졌다" tell or hedge);
# - exchanging: "지분을 맞바꿨다", "지분 맞교환", "지분스왑" report one 지분교환 (not 바꾸다: it also means to change).
SAME_MEANING = (
    ("밝히다", "발표", "공표", "말하다", "설명", "강조", "언급", "발언", "코멘트", "소감"),
    ("교환", "맞교환", "맞바꾸다", "스왑"),
    ("확장", "확대", "넓히다"),
)
SAME_MEANING_READING = {term: group[0] for group in SAME_MEANING for term in group}
# Words that date a figure rather than ask for one: "점유율 2020년 11월 기준", "작년 말 현재".
AS_OF_WORDS = frozenset({"기준", "현재"})
# Labels news puts in square brackets before a story: "[단독]", "[속보]", "[인터뷰]".
STORY_LABELS = frozenset({"단독", "속보", "인터뷰", "사설", "포토", "영상", "칼럼", "기고", "종합", "르포", "시론",
                          "오피니언", "카드뉴스", "팩트체크", "현장", "분석", "해설", "이슈", "특징주", "공시", "부고",
                          "인사", "게시판", "날씨", "사진", "그래픽", "포토뉴스", "기자수첩", "데스크칼럼"})
# Latin letters as Korean reads them out ("에스케이티" for SKT, "씨제이" for CJ): a name typed in Hangul.
LATIN_LETTER_NAMES = {
    "에이": "a", "비": "b", "씨": "c", "시": "c", "디": "d", "이": "e", "에프": "f", "지": "g", "쥐": "g",
    "에이치": "h", "에치": "h", "아이": "i", "제이": "j", "케이": "k", "엘": "l", "엠": "m", "엔": "n", "오": "o",
    "피": "p", "큐": "q", "알": "r", "에스": "s", "티": "t", "유": "u", "브이": "v", "더블유": "w", "엑스": "x",
    "와이": "y", "제트": "z",
}
# One-syllable noun prefixes (접두사): "맞교환" is a kind of 교환, "재협상" of 협상, "초고속" of 고속.
# Not those that negate (비, 무, 불, 미, 탈, 반: 무혐의 is no 혐의) nor common surnames (고, 구, 신: 고민정 is no 민정).
NOUN_PREFIXES = frozenset({"맞", "재", "총", "초", "친", "대", "저", "범", "준", "첫", "헛", "덧", "역", "몰", "생"})
# What "(이하 …)" holds in news that is not a short name: "19일(이하 현지시간)", "(이하 존칭 생략)".
NOT_SHORT_NAMES = frozenset({"현지시간", "한국시간", "현지 시간", "한국 시간", "존칭 생략", "존칭생략", "경칭 생략", "같음",
                             "동일", "생략", "같다"})

# --- answer spans ----------------------------------------------------------------------------------------------

# Roles and titles that follow a person's name in news text ("여민수 카카오 공동대표", "박정희 대통령").
PERSON_TITLES = (
    "공동대표", "대표이사", "대표", "회장", "부회장", "사장", "부사장", "의장", "장관", "차관", "대통령", "부통령",
    "총리", "위원장", "의원", "시장", "지사", "교수", "연구원", "기자", "특파원", "CEO", "감독", "선수", "총장",
    "대사", "판사", "검사", "변호사", "씨", "군", "양", "박사", "원장", "청장", "국장", "실장", "본부장", "주석",
    "총재", "단장", "회원", "작가", "배우", "가수", "왕", "황제", "장군", "후보", "당선인", "대변인",
)
# Words standing between a name and its title: "김대중 전 대통령", "홍길동 신임 사장".
TITLE_PREFIXES = ("전", "현", "前", "現", "故", "고", "신임", "초대", "차기", "당시", "정", "부")
# Endings of place names: 경기도, 서울특별시, 강남구, 대한민국.
PLACE_SUFFIXES = ("특별시", "광역시", "특별자치시", "특별자치도", "도", "시", "군", "구", "읍", "면", "동", "리",
                  "국", "주", "섬", "산", "강", "만", "해", "반도", "공항", "역", "항")
# Endings of organisation names.
ORG_SUFFIXES = ("회사", "그룹", "은행", "증권", "전자", "통신", "텔레콤", "위원회", "협회", "연맹", "재단", "정부",
                "당", "부", "처", "청", "원", "공사", "공단", "대학교", "대학", "학교", "방송", "신문", "일보",
                "연구소", "센터", "군", "팀", "구단", "법원", "검찰", "경찰", "기구", "연합", "클럽")
# Date words used relative to the article's date.
RELATIVE_DATE_WORDS = ("지난해", "작년", "올해", "내년", "지난달", "이번달", "다음달", "지난주", "이번주", "다음주",
                       "어제", "오늘", "내일", "그제", "최근", "당시", "이듬해", "전날", "다음날", "같은 해")
RELATIVE_DATE_LEADS = ("지난", "오는", "이번", "다음", "올", "같은")
# Nouns that say when without a number: "임진왜란 때", "조선 시대", "광복 직후", "전쟁 이후".
TIME_NOUNS = ("때", "시절", "시대", "시기", "직후", "직전", "이후", "이전", "무렵", "전후", "세기", "년대", "왕조", "정권",
              "재위", "집권", "말기", "초기", "중기", "후기", "전기")
DATE_PARTS = ("상반기", "하반기", "초", "말", "중순", "초순", "하순", "연말", "연초", "분기", "새벽", "오전", "오후")
# Every word that says when, the article's or the speaker's: not a place ("거기서"), not a thing compared ("지난해보다").
TIME_WORDS = FOCUS_DATE | DEICTIC_TIME | SPEAKER_TIME | {*RELATIVE_DATE_WORDS, *DATE_PARTS, *TIME_NOUNS}
# Words that qualify an amount and belong to it: "80% 이상", "약 3천명", "300억원 규모".
AMOUNT_BOUNDS = ("이상", "이하", "미만", "초과", "가량", "안팎", "남짓", "정도", "이내", "내외")  # after the number
AMOUNT_QUALIFIERS = (*AMOUNT_BOUNDS, "여", "약", "최대", "최소")

# Words that ask why, as an adverb or as the noun asked for: "왜", "이유는?", "진짜 속셈이 뭐래?".
REASON_QUESTION_WORDS = frozenset({"왜", "이유", "까닭", "원인", "목적", "어째서", "배경", "계기", "속내", "속셈"})
# Markers of a reason or purpose clause ("…하기 위해", "…때문에").
REASON_NOUNS = ("이유", "까닭", "원인", "배경", "목적")  # "…한 이유는 …이다": a reason stated as one
REASON_MARKERS = ("위해", "위한", "위함", "때문", "이유", "목적", "덕분", "탓", "까닭", "원인", "으로 인해", "로 인해")
# Negating morphemes (form, Kiwi tag) that decide a yes/no answer: 없다, 않다, 못하다, 아니다, 안 ….
NEGATION_MORPHEMES = frozenset({("없", "VA"), ("않", "VX"), ("못", "MAG"), ("못하", "VX"), ("아니", "VCN"),
                                ("안", "MAG"), ("않", "VV"), ("못하", "VV")})
# Nouns that put an event in the future or under way, not done: "올해 공개를 목표로", "운용을 검토 중", "놓을 예정".
PLAN_NOUNS = frozenset({"목표", "계획", "예정", "검토", "추진", "방침", "전망", "구상"})
# Nouns that give an event as talk, not fact: "3자 협업 가능성도 제기된다", "인수할 것이라는 관측이 나온다".
SPECULATION_NOUNS = frozenset({"가능성", "관측", "추측", "예상", "소문", "루머", "의혹", "설", "추정"})
# Doing something alone, and with others: "패스는 SKT 혼자 운영해?" against "…이통사들과 함께 서비스 중인 ‘패스’" is no.
ALONE_WORDS = frozenset({"혼자", "홀로", "단독", "독자"})  # 단독 and 독자 as 단독으로, 독자적으로
TOGETHER_WORDS = frozenset({"함께", "합작", "연합", "손잡"})
# Words asking whether something is settled, with a copula or 하다: "3자 협업은 확정이야?", "사실이야?", "확실해?".
SETTLED_WORDS = frozenset({"확정", "확실", "사실", "결정", "공식", "진짜", "기정사실"})
# Predicates saying talk exists or is raised: "가능성도 제기된다", "관측이 나온다", "합병설이 돈다", "가능성이 크다".
TALK_PREDICATES = frozenset({"제기", "나오", "있", "높", "크", "커지", "불거지", "돌", "일", "무성하", "파다하", "확산",
                             "대두", "흘러나오"})
# What follows a plan noun that frames the event as planned: "목표로", "계획이다", "검토 중" (not "계획대로", "목표를");
# its own verb suffix does too ("검토하고 있다").
PLAN_FRAMES = frozenset({("로", "JKB"), ("으로", "JKB"), ("이", "VCP"), ("중", "NNB")})
# Nouns saying an event fell through, so it did not happen: "공동인수는 결렬됐으나", "인수에 실패했다", "무산된 합병".
CALLED_OFF_NOUNS = frozenset({"결렬", "무산", "불발", "좌초", "철회", "취소", "실패", "부결", "포기"})
# Events that are attempts: a failure ends them, but they happened ("협상이 결렬됐다" asked "협상한 회사는?"); and
# predicates of a state, not an event ("합병 무산과 관련된 회사는?").
ATTEMPT_NOUNS = frozenset({"협상", "시도", "신청", "제안", "예고", "예약", "논의", "추진", "검토", "관련", "해당", "위치"})
# Predicates saying an event came about in the end, by anyone: "…결렬 이후 성정이 인수에 성공했다", "B팀이 정상에 올랐다".
SUCCESS_STEMS = frozenset({"성공", "완료", "마무리", "마치", "성사", "체결", "선정", "차지", "오르", "확정", "타결"})
# "이번이 처음이다" says it never happened before; "처음이 아니다" that it did ("전에도 한 적 있어?").
FIRST_TIME = "처음"
# Connectives that make a sentence continue the one before it.
# Openers that add to what the sentence before said: a list carried on ("이어 오는 8월 용인에 …").
ADDITIVE_OPENERS = ("이어", "또한", "또", "아울러", "이와 함께", "이 외에도", "이외에도", "이 밖에도", "이밖에도", "더불어",
                    "뿐만 아니라", "게다가")
CONTINUATION_OPENERS = ("그렇기 때문에", "그래서", "따라서", "이는", "이를", "이에", "이를 위해", "이 때문에",
                        "이로써", "다만", "특히", "즉", "결국", "그러나", "하지만", "또한")

# --- news pages ------------------------------------------------------------------------------------------------

# Share, comment and navigation widgets of Korean news pages: whole lines that are not article text.
NEWS_WIDGETS = frozenset(
    {"이 기사를 공유합니다", "관련기사", "관련 기사", "공유하기", "기사공유", "기사 공유하기", "댓글", "페이스북",
     "트위터", "카카오톡", "카카오스토리", "네이버밴드", "밴드", "url복사", "url 복사", "프린트", "인쇄", "스크랩",
     "글자크기", "글씨크기", "닫기", "좋아요", "sns 기사보내기", "기사 추천", "기사보내기", "바로가기", "구독", "목록",
     "이메일", "텔레그램", "링크 복사", "본문 글씨 키우기", "본문 글씨 줄이기", "많이 본 뉴스", "추천 기사",
     "페이스북 공유", "트위터 공유", "공유", "기사 저장", "북마크"}
)
# Reporter roles in bylines ("송가영 기자", "홍길동 특파원").
REPORTER_ROLES = ("기자", "특파원", "객원기자", "선임기자", "인턴기자", "수습기자")
# Words on a news page's date stamp ("승인 2021.03.15 10:23", "입력 2021-06-30").
STAMP_WORDS = ("승인", "입력", "등록", "기사입력", "발행", "게재", "수정", "업데이트")
# Comment and counter lines ("댓글 0", "조회수 123").
COUNTER_WORDS = ("댓글", "의견", "추천", "조회", "조회수", "공감")
# Photo captions and credits.
PHOTO_WORDS = ("사진", "그래픽")
CAPTION_WORDS = (*PHOTO_WORDS, "자료", "영상", "출처")
CREDIT_WORDS = ("제공", "캡처", "캡쳐", "갈무리", "촬영")

# Conversation, not a question about the articles: "안녕?", "뭘 할 수 있어?", "도움말". A question is conversation when
# it has one of the cues and no search term outside the conversational words.
CONVERSATION_CUES = frozenset({"안녕", "안녕하다", "반갑다", "하이", "hi", "hello", "헬로", "도움말", "사용법", "도움", "기능"})
CONVERSATION_WORDS = CONVERSATION_CUES | frozenset({
    "하다", "있다", "수", "묻다", "물어보다", "쓰다", "사용", "사용하다", "질문", "질문하다", "너", "당신", "넌", "누구",
    "뭐", "무엇", "뭘", "어떻다", "어떻게", "알리다", "알려주다", "주다", "대하다", "좀", "요", "여기", "이거", "시작",
})
# Verbs that work as postpositions after a noun and its particle ("협력에 대해", "이를 통해", "목표에 따라"): part of
# the noun phrase they close, not something said of it.
POSTPOSITION_VERBS = frozenset({"대하", "관하", "통하", "따르", "위하", "의하", "비하", "걸치", "향하"})
CONVERSATION_PHRASES = ("할 수 있", "할수있")  # "뭘 할 수 있어?": asks what the bot does
