"""Which articles a question may be answered from: outlets, a publication date range, article ids.

A filter restricts retrieval before ranking (the dense and lexical searches only see the allowed chunks), so a
filtered question still finds its passage among 100k chunks instead of losing it to a cut-off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cached_property
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from qa.schema import Document


UNDATED = 0  # the publication day of an article without a date: outside every date range


def publication_day(published: str | None) -> int:
    """2021-06-30 → 20210630: the integer the search indexes filter dates on (``UNDATED`` when there is none)."""
    digits = (published or "")[:10].replace("-", "")
    return int(digits) if len(digits) == 8 and digits.isdigit() else UNDATED


class FilterError(ValueError):
    """A filter naming something the index does not have (an outlet, an article id)."""


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: object) -> object:
    """Only a calendar date spelt YYYY-MM-DD: pydantic would also read "0" or "-9e-149" as a Unix time (1970-01-01)."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("날짜는 YYYY-MM-DD 형식이어야 합니다")
    if not isinstance(value, (str, date)):
        raise ValueError("날짜는 YYYY-MM-DD 형식의 문자열이어야 합니다")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


class Filters(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    outlet: list[str] | None = Field(default=None, description="이 언론사들의 기사만 (예: [\"시사위크\"])")
    published_from: IsoDate | None = Field(default=None, description="이 날짜 이후 발행 (YYYY-MM-DD, 그날 포함)")
    published_to: IsoDate | None = Field(default=None, description="이 날짜 이전 발행 (YYYY-MM-DD, 그날 포함)")
    doc_ids: list[str] | None = Field(default=None, description="이 기사 id들만")

    @model_validator(mode="after")
    def _ordered_range(self) -> "Filters":
        if self.published_from and self.published_to and self.published_from > self.published_to:
            raise ValueError(f"published_from({self.published_from})이 published_to({self.published_to})보다 늦습니다")
        return self

    @property
    def day_range(self) -> tuple[int, int | None] | None:
        """The publication days allowed, as (lowest, highest or None); None when dates are not restricted.
        An undated article is outside every range."""
        if not (self.published_from or self.published_to):
            return None
        low = publication_day(self.published_from.isoformat()) if self.published_from else UNDATED + 1
        return low, publication_day(self.published_to.isoformat()) if self.published_to else None

    @property
    def empty(self) -> bool:
        return not (self.outlet or self.published_from or self.published_to or self.doc_ids)

    @cached_property
    def key(self) -> tuple:
        """What changes the answer, hashable (the answer cache files answers under it); computed once."""
        return (tuple(sorted(set(self.outlet or ()))), self.published_from, self.published_to,
                tuple(sorted(set(self.doc_ids or ()))))

    @classmethod
    def from_fields(cls, **fields: object) -> "Filters | None":
        """A filter from loose fields (CLI flags, the page's controls): blank values mean no constraint, a bad
        one is a ``FilterError`` that says why, and no constraint at all is None."""
        cleaned = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
        try:
            filters = cls(**{k: v for k, v in cleaned.items() if v not in (None, "", [])})
        except ValidationError as exc:
            reasons = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
            raise FilterError(f"검색 범위를 읽을 수 없습니다 (날짜는 2021-06-30처럼): {reasons}") from None
        return None if filters.empty else filters

    def documents(self, documents: Iterable[Document]) -> set[str]:
        """Ids of the allowed articles. An outlet or id the index does not have is an error, not an empty result:
        a typo in a filter should say so rather than answer "not found"."""
        docs = list(documents)
        if self.outlet:
            unknown = sorted(set(self.outlet) - {d.outlet for d in docs if d.outlet})
            if unknown:
                known = ", ".join(sorted({d.outlet for d in docs if d.outlet})) or "없음"
                raise FilterError(f"색인에 없는 언론사입니다: {', '.join(unknown)} (있는 언론사: {known})")
        if self.doc_ids:
            unknown = sorted(set(self.doc_ids) - {d.doc_id for d in docs})
            if unknown:
                raise FilterError(f"색인에 없는 기사 id입니다: {', '.join(unknown)}")
        return {d.doc_id for d in docs if self._allows(d)}

    def _allows(self, doc: Document) -> bool:
        if self.outlet and doc.outlet not in self.outlet:
            return False
        if self.doc_ids and doc.doc_id not in self.doc_ids:
            return False
        if self.published_from or self.published_to:
            if not doc.published:
                return False  # undated: cannot be shown to fall inside the range
            published = date.fromisoformat(doc.published[:10])
            if self.published_from and published < self.published_from:
                return False
            if self.published_to and published > self.published_to:
                return False
        return True
