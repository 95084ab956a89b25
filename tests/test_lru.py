"""The shared LRU map: least recently used goes first, reads refresh, a zero size caches nothing."""

from __future__ import annotations

from qa.lru import LRUCache


def test_evicts_the_least_recently_used():
    cache: LRUCache[int] = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now the most recent
    cache.put("c", 3)
    assert cache.get("b") is None and cache.get("a") == 1 and cache.get("c") == 3 and len(cache) == 2


def test_zero_size_caches_nothing():
    cache: LRUCache[int] = LRUCache(0)
    cache.put("a", 1)
    assert cache.get("a") is None
