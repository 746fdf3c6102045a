"""One search over occupation names, occupation groups, keywords and skills.

The catalogue is small (about 11,000 labels with the full taxonomy), so the search runs on an
in-memory index built once per process from the database and rebuilt when the catalogue
version changes (``flask content load``/``import-jobtech`` bump it and call
``invalidate()``). That makes it behave identically on SQLite and PostgreSQL.

Matching works on folded text (case-insensitive; å/ä→a, ö→o, é→e, punctuation → space) and
ranks in tiers: exact label, label prefix, word prefix (every query word starts a word of
the label), infix (the query inside a compound: ``förare`` in ``Lastbilsförare``), then
typo-tolerant (edit distance 1, or 2 for long words; ``undersköterka``, ``snickre``). Within
a tier occupation names come before groups, keywords and skills, then shorter labels.
"""
from __future__ import annotations

import bisect
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import select
from sqlmodel import Session

from app.content import cache
from app.content.cache import versioned
from app.content.models import (
    Keyword,
    KeywordRelation,
    OccupationGroup,
    OccupationName,
    Skill,
)

KINDS = ("occupation", "group", "keyword", "skill")
_KIND_BONUS = {"occupation": 3.0, "group": 2.0, "keyword": 1.0, "skill": 0.0}
TIER_EXACT, TIER_PREFIX, TIER_WORD_PREFIX, TIER_INFIX, TIER_FUZZY = 100.0, 90.0, 80.0, 70.0, 60.0


@dataclass(frozen=True)
class Hit:
    kind: str                  # occupation | group | keyword | skill
    id: str                    # concept id (skills: skill id; groups: concept id or SSYK code)
    label: str
    group_id: str | None       # the occupation group's concept id (occupations, keywords)
    group_label: str | None
    ssyk: str | None           # the group's SSYK code
    score: float
    local_label: str | None = None        # the name in the page's language, when it has one (else None)
    local_group_label: str | None = None  # the group's name in the page's language, likewise


# Letters that are written several ways in one script and mean the same to a person searching.
_SAME_LETTER = str.maketrans({
    "\u0671": "\u0627",                  # ٱ alef wasla -> ا (أ إ آ lose their hamza/madda as marks)
    "\u0629": "\u0647",                  # ة teh marbuta -> ه
    "\u0649": "\u064a",                  # ى alef maksura -> ي
    "\u06cc": "\u064a",                  # Persian ی -> ي
    "\u06d0": "\u064a",                  # ې (Pashto/Dari ye) -> ي
    "\u06a9": "\u0643",                  # Persian ک -> ك
    "\u06c1": "\u0647", "\u06d5": "\u0647",   # ہ ە -> ه
    "\u0491": "\u0433",                  # Ukrainian ґ -> г
    "\u0490": "\u0433",
})
# Removed outright: tatweel, zero-width (non-)joiners, and apostrophes inside words (Ukrainian
# writes п'ять, пʼять or п’ять: one word, whichever apostrophe).
_DROP = dict.fromkeys(map(ord, "\u0640\u200c\u200d\u200b\u2019\u02bc'`\u2018\u02b9\u0301"), None)


def fold(text: str) -> str:
    """The form of a text that search compares, per script:

    - Latin: lower-case, accents removed ('Undersköterska, hemtjänst' → 'underskoterska hemtjanst');
    - Arabic and Dari: no short vowels or other marks (tashkeel) and no tatweel; أ إ آ ٱ → ا,
      ؤ → و, ئ → ي (hamza forms), ة → ه, ى → ي, Persian ی → ي and ک → ك;
    - Ukrainian: every apostrophe (’ ʼ ') the same (dropped), ґ → г; й and ї stay letters;
    - Tigrinya (Ethiopic) as it is.
    Punctuation becomes single spaces.
    """
    text = unicodedata.normalize("NFKD", text.casefold().translate(_DROP)).translate(_DROP)
    out = []
    base_keeps = False
    for ch in text:
        if unicodedata.combining(ch):
            if base_keeps:
                out.append(ch)
            continue
        base_keeps = "\u0400" <= ch <= "\u04ff"      # Cyrillic: a mark makes another letter (й ї ё)
        out.append(ch if ch.isalnum() else " ")
    folded = unicodedata.normalize("NFC", "".join(out)).translate(_SAME_LETTER)
    return " ".join(folded.split())


def _trigrams(text: str) -> set[str]:
    padded = f" {text} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap counts 1), or ``limit + 1`` if above ``limit``.

    Only the band of cells within ``limit`` of the diagonal is computed.
    """
    n, m = len(a), len(b)
    if abs(n - m) > limit:
        return limit + 1
    if a == b:
        return 0
    big = limit + 1
    prev2: list[int] = []
    prev = [j if j <= limit else big for j in range(m + 1)]
    for i in range(1, n + 1):
        cur = [big] * (m + 1)
        if i <= limit:
            cur[0] = i
        lo, hi = max(1, i - limit), min(m, i + limit)
        ai = a[i - 1]
        row_best = cur[0] if lo == 1 else big
        for j in range(lo, hi + 1):
            bj = b[j - 1]
            value = prev[j - 1] if ai == bj else prev[j - 1] + 1
            if prev[j] + 1 < value:
                value = prev[j] + 1
            if cur[j - 1] + 1 < value:
                value = cur[j - 1] + 1
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == bj and prev2[j - 2] + 1 < value:
                value = prev2[j - 2] + 1
            if value > big:
                value = big
            cur[j] = value
            if value < row_best:
                row_best = value
        if row_best > limit:
            return big
        prev2, prev = prev, cur
    return prev[m] if prev[m] <= limit else big


def _max_typos(token: str) -> int:
    return 0 if len(token) < 4 else 1 if len(token) < 8 else 2


@dataclass(frozen=True)
class _Entry:
    kind: str
    id: str
    label: str
    text: str                  # folded label (or alias) matched against
    words: tuple[str, ...]
    group_id: str | None
    group_label: str | None
    ssyk: str | None
    penalty: float = 0.0


MAX_QUERY_CHARS = 100
MAX_QUERY_WORDS = 8


class SearchIndex:
    def __init__(self, entries: Iterable[_Entry]):
        self.entries = list(entries)
        self.by_text: dict[str, list[int]] = defaultdict(list)
        words: list[tuple[str, int]] = []
        self.trigrams: dict[str, list[int]] = defaultdict(list)
        for i, entry in enumerate(self.entries):
            self.by_text[entry.text].append(i)
            for w in set(entry.words):
                words.append((w, i))
            for tri in _trigrams(entry.text):
                self.trigrams[tri].append(i)
        words.sort()
        self.words = [w for w, _ in words]
        self.word_entries = [i for _, i in words]
        self.vocab: list[str] | None = None
        self._build_vocabulary()

    def __len__(self) -> int:
        return len(self.entries)

    def _word_prefix(self, prefix: str) -> set[int]:
        lo = bisect.bisect_left(self.words, prefix)
        hi = bisect.bisect_left(self.words, prefix + "\uffff")
        return set(self.word_entries[lo:hi])

    def _containing(self, token: str) -> set[int]:
        grams = sorted(_trigrams(token) - {f" {token[:2]}", f"{token[-2:]} "}, key=lambda g: len(self.trigrams.get(g, ())))
        grams = [g for g in grams if g.strip() == g] or sorted(_trigrams(token))
        if not grams:
            return set()
        result = set(self.trigrams.get(grams[0], ()))
        for gram in grams[1:]:
            if not result:
                break
            result.intersection_update(self.trigrams.get(gram, ()))
        return {i for i in result if token in self.entries[i].text}

    def _build_vocabulary(self) -> None:
        freq: Counter[str] = Counter(self.words)
        self.title_words = {w for e in self.entries if e.kind in ("occupation", "group") for w in e.words}
        self.vocab = list(freq)
        self.vocab_freq = freq
        self.vocab_trigrams: dict[str, list[int]] = defaultdict(list)
        for i, word in enumerate(self.vocab):
            for gram in _trigrams(word):
                self.vocab_trigrams[gram].append(i)

    def correct(self, token: str, exclude_self: bool = False) -> str | None:
        """The closest known word within the typo budget (ties: the more common word)."""
        limit = _max_typos(token)
        if limit == 0:
            return None
        if self.vocab is None:
            self._build_vocabulary()
        grams = _trigrams(token)
        counts: Counter[int] = Counter()
        for gram in grams:
            counts.update(self.vocab_trigrams.get(gram, ()))
        # a word within edit distance d shares at least len(grams) - 3d trigrams with the token
        # (one fewer when the token is only the start of the word)
        need = len(grams) - 3 * limit - 1
        best: tuple | None = None
        for i, shared in counts.most_common(60):
            if shared < need:
                break
            word = self.vocab[i]
            if len(word) < len(token) - limit:
                continue
            d: float = limit + 1
            if len(word) <= len(token) + limit:
                d = _distance(token, word, limit)
            if d > limit and len(word) > len(token) and word[0] == token[0]:   # a typo in a word typed in part
                d = _distance(token, word[: len(token)], limit) + 0.5
            if d <= limit and not (exclude_self and word == token):
                rank = 0 if word in self.title_words else 1     # words of occupation titles first
                candidate = (d, rank, -self.vocab_freq[word], word)
                if best is None or candidate < best:
                    best = candidate
        return best[3] if best else None

    def _known(self, token: str) -> bool:
        return bool(self._word_prefix(token)) or (len(token) >= 3 and bool(self._containing(token)))

    def search(self, query: str, kinds: Iterable[str] | None = None, limit: int = 10) -> list[Hit]:
        # What people type is a few words; bound the work whatever a caller passes in.
        q = " ".join(fold(query[:MAX_QUERY_CHARS]).split()[:MAX_QUERY_WORDS])
        if not q:
            return []
        allowed = set(kinds) if kinds else None
        scored: dict[int, float] = {}

        tokens = q.split()
        variants: list[tuple[str, float]] = [(q, 0.0)]   # (folded query, penalty)
        variants += [(alt, 5.0) for alt in _synonym_variants(q)]
        if not all(self._known(t) for t in tokens):
            # typo tolerance: correct unknown words to the nearest known word
            fixed = " ".join(t if self._known(t) else (self.correct(t) or t) for t in tokens)
            if fixed != q:
                variants.append((fixed, 40.0))
                variants += [(alt, 45.0) for alt in _synonym_variants(fixed)]

        for variant, penalty in variants:
            self._match(variant, penalty, allowed, scored)
        if not scored and len(tokens) > 1:
            # every word is known but not together ("personlig assistant"): correct one word
            # at a time to its nearest other word
            for n, token in enumerate(tokens):
                other = self.correct(token, exclude_self=True)
                if other:
                    self._match(" ".join(tokens[:n] + [other] + tokens[n + 1:]), 40.0, allowed, scored)

        ranked = sorted(scored.items(), key=lambda kv: (-kv[1], self.entries[kv[0]].label))
        hits: list[Hit] = []
        seen: set[tuple[str, str]] = set()
        for i, score in ranked:
            entry = self.entries[i]
            key = (entry.kind, entry.id)
            if key in seen:
                continue
            seen.add(key)
            hits.append(Hit(entry.kind, entry.id, entry.label, entry.group_id, entry.group_label,
                            entry.ssyk, round(score, 2)))
            if len(hits) >= limit:
                break
        return hits

    def _match(self, variant: str, penalty: float, allowed: set[str] | None, scored: dict[int, float]) -> None:
        def offer(i: int, tier: float) -> None:
            entry = self.entries[i]
            if allowed is not None and entry.kind not in allowed:
                return
            score = tier - penalty + _KIND_BONUS[entry.kind] - entry.penalty - min(len(entry.text), 60) / 100
            if score > scored.get(i, -1000.0):
                scored[i] = score

        for i in self.by_text.get(variant, ()):
            offer(i, TIER_EXACT)
        tokens = variant.split()
        candidates = None
        for token in tokens:    # word prefix: every query word starts some word of the label
            found = self._word_prefix(token)
            candidates = found if candidates is None else candidates & found
        for i in candidates or ():
            offer(i, TIER_PREFIX if self.entries[i].text.startswith(variant) else TIER_WORD_PREFIX)
        if len(variant.replace(" ", "")) >= 3:    # infix: inside compounds ("förare" in "lastbilsförare")
            candidates = None
            for token in tokens:
                found = self._containing(token)
                candidates = found if candidates is None else candidates & found
            for i in candidates or ():
                offer(i, TIER_PREFIX if self.entries[i].text.startswith(variant) else TIER_INFIX)


def _load_synonyms() -> tuple[dict[str, str], dict[str, str]]:
    from app.content.loaders import load_search_synonyms

    data = load_search_synonyms()
    words = {fold(k): fold(v) for k, v in (data.get("words") or {}).items()}
    heads = {fold(k): fold(v) for k, v in (data.get("compound_heads") or {}).items()}
    return words, heads


_SYNONYMS: tuple[dict[str, str], dict[str, str]] | None = None


def _synonym_variants(text: str) -> list[str]:
    """Everyday words for titles the taxonomy spells differently ("busschaufför" → "bussförare")."""
    global _SYNONYMS
    if _SYNONYMS is None:
        _SYNONYMS = _load_synonyms()
    words, heads = _SYNONYMS
    out = []
    if text in words:
        out.append(words[text])
    replaced = []
    for token in text.split():
        new = words.get(token, token)
        for typed, canonical in heads.items():
            if new.endswith(typed) and len(new) > len(typed):
                new = new[: -len(typed)] + canonical
                break
        replaced.append(new)
    alt = " ".join(replaced)
    if alt != text and alt not in out:
        out.append(alt)
    return out


def entry(kind: str, id: str, label: str, text: str, group: OccupationGroup | None, penalty: float = 0.0) -> _Entry | None:
    """An index entry: ``label`` is what a hit shows (the Swedish name), ``text`` what is matched."""
    folded = fold(text)
    if not folded:
        return None
    return _Entry(kind, id, label, folded, tuple(folded.split()), group.concept_id if group else None,
                  group.label if group else None, group.ssyk if group else None, penalty)


def merge(first: list[Hit], second: list[Hit], limit: int) -> list[Hit]:
    """Two hit lists as one, best score first; a concept found in both keeps its better score."""
    best: dict[tuple[str, str], Hit] = {}
    for hit in [*first, *second]:
        key = (hit.kind, hit.id)
        if key not in best or hit.score > best[key].score:
            best[key] = hit
    return sorted(best.values(), key=lambda h: (-h.score, h.label))[:limit]


# --- building the index from the database -----------------------------------------------------

def build_index(session: Session) -> SearchIndex:
    groups = {g.ssyk: g for g in session.execute(select(OccupationGroup)).scalars()}
    entries: list[_Entry] = []

    def add(kind: str, id: str, label: str, group: OccupationGroup | None, alias: str | None = None,
            penalty: float = 0.0) -> None:
        text = fold(alias or label)
        if not text:
            return
        entries.append(_Entry(kind, id, label, text, tuple(text.split()),
                              group.concept_id if group else None, group.label if group else None,
                              group.ssyk if group else None, penalty))

    for g in groups.values():
        gid = g.concept_id or g.ssyk
        add("group", gid, g.label, g)
        seen = {fold(g.label)}
        for locale, alias in (g.labels or {}).items():   # curated titles in every locale
            if alias and fold(alias) not in seen:
                seen.add(fold(alias))
                add("group", gid, g.label, g, alias=alias, penalty=0.5 if locale.startswith("sv") else 1.0)
    occupation_groups: dict[str, OccupationGroup] = {}
    for o in session.execute(select(OccupationName)).scalars():
        group = groups.get(o.group_ssyk)
        occupation_groups[o.id] = group
        add("occupation", o.id, o.label, group)
    keywords = {k.id: k.label for k in session.execute(select(Keyword)).scalars()}
    linked: set[str] = set()
    for rel in session.execute(select(KeywordRelation)).scalars():
        label = keywords.get(rel.keyword_id)
        if label is None:
            continue
        if rel.target_type == "occupation-name":
            add("keyword", rel.keyword_id, label, occupation_groups.get(rel.target_id))
            linked.add(rel.keyword_id)
    for kid, label in keywords.items():
        if kid not in linked:
            add("keyword", kid, label, None, penalty=1.0)   # education/skill synonyms rank lower
    for s in session.execute(select(Skill)).scalars():
        add("skill", s.id, s.label, None)
    return SearchIndex(entries)


def get_index(session: Session) -> SearchIndex:
    """The process-wide index for this database, rebuilt when the catalogue version changes."""
    return versioned(session, "search", build_index)


def invalidate() -> None:
    cache.invalidate()


def search(session: Session, query: str, *, kinds: Iterable[str] | None = None, limit: int = 10) -> list[Hit]:
    """Top ``limit`` hits for ``query`` (see module docstring for the ranking)."""
    if kinds is not None:
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown kind(s) {sorted(unknown)}; known: {', '.join(KINDS)}")
    return get_index(session).search(query, kinds=kinds, limit=limit)
