"""Dependency-tree helpers over plain ``model.Token`` records (no spaCy objects)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from ..model import AnnotatedArticle, Entity, Sentence, Token


class _Located(Protocol):
    @property
    def start(self) -> int: ...


T_Span = TypeVar("T_Span", bound=_Located)

CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "parataxis"})
#: Words opening a clause about the noun before them: "Trump's call when he asked ...".
CLAUSE_OPENERS = frozenset({"when", "where", "which", "whom"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})  # "which", "who", "that" opening a relative clause
OWNER_REACH = 8  # how many tokens before such a word its owned noun may start
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
#: Heads of an unnamed office holder a "he"/"she" can stand for ("the Kenyan president").
OFFICE_HEADS = frozenset(
    {"president", "minister", "premier", "chancellor", "king", "queen", "emir", "ambassador"}
    | {"envoy", "secretary", "spokesman", "spokeswoman", "spokesperson", "diplomat"}
)


@dataclass(frozen=True, slots=True)
class EntityHit:
    """An entity mention located on tokens."""

    entity: Entity
    first: int  # token index
    last: int  # token index (inclusive)


class Parse:
    """Index of one annotated article: children, sentences and entities by token.

    Built once per article by the events stage; read-only afterwards."""

    def __init__(
        self, annotated: AnnotatedArticle, entities: Iterable[Entity], home: str | None = None
    ) -> None:
        self.annotated = annotated
        self.home = home  # the state the article is set in (``domestic.home_state``), if any
        self.tokens: tuple[Token, ...] = annotated.tokens
        self.text = annotated.article.text
        self._starts = [t.start for t in self.tokens]
        # by id of a sequence of spans, which is kept so that its id stays its own
        self._spans: dict[int, tuple[Sequence[Any], list[int], list[Any]]] = {}
        kids: list[list[int]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                kids[t.head].append(t.i)
        self.children: tuple[tuple[int, ...], ...] = tuple(tuple(k) for k in kids)
        self._sent_of: list[int] = [0] * len(self.tokens)
        for n, s in enumerate(annotated.sentences):
            for i in range(s.first_token, s.last_token):
                self._sent_of[i] = n
        self.entities: tuple[Entity, ...] = tuple(entities)
        self.entity_at: dict[int, EntityHit] = {}
        for ent in self.entities:
            for span in ent.mentions:
                first, last = self.token_range(span.start, span.end)
                if first > last:
                    continue
                hit = EntityHit(ent, first, last)
                for i in range(first, last + 1):
                    self.entity_at.setdefault(i, hit)

    # --- lookups ----------------------------------------------------------------------------

    def token_at(self, offset: int) -> int:
        """Index of the token covering (or first after) a character offset."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return max(i, 0)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        first = bisect.bisect_left(self._starts, start)
        if first > 0 and self.tokens[first - 1].end > start:
            first -= 1
        last = bisect.bisect_left(self._starts, end) - 1
        return first, last

    def sentence_index(self, i: int) -> int:
        return self._sent_of[i]

    def sentence(self, i: int) -> Sentence:
        return self.annotated.sentences[self._sent_of[i]]

    def sentence_tokens(self, n: int) -> range:
        s = self.annotated.sentences[n]
        return range(s.first_token, s.last_token)

    # --- tree walks -------------------------------------------------------------------------

    def ancestors(self, i: int) -> Iterator[int]:
        seen = {i}
        while self.tokens[i].head != i:
            i = self.tokens[i].head
            if i in seen:
                return
            seen.add(i)
            yield i

    def subtree(self, i: int, stop: frozenset[str] = frozenset()) -> Iterator[int]:
        """Tokens under ``i`` (inclusive); do not descend into children whose dep is in
        ``stop`` or into prepositions whose lower-cased text is in ``stop``."""
        stack = [i]
        while stack:
            j = stack.pop()
            yield j
            for k in self.children[j]:
                t = self.tokens[k]
                if t.dep in stop or (t.dep == "prep" and t.text.lower() in stop):
                    continue
                stack.append(k)

    def governing_verb(self, i: int) -> int:
        """The nearest verb (or auxiliary root) at or above ``i``."""
        if self.tokens[i].pos in {"VERB", "AUX"} and self.tokens[i].dep != "prep":
            return i
        for a in self.ancestors(i):
            if self.tokens[a].pos in {"VERB", "AUX"} and self.tokens[a].dep != "prep":
                return a  # "following his talks": a participle used as a preposition is skipped
        return i

    def dep_children(self, i: int, *deps: str) -> list[int]:
        return [k for k in self.children[i] if self.tokens[k].dep in deps]

    def objects(self, verb: int) -> list[int]:
        """Direct objects of a verb, and a named actor the tagger left as a bare noun-phrase
        adverbial when adverbials came first ("received in audience at the palace here today
        Foreign Minister X")."""
        out = self.dep_children(verb, "dobj")
        for k in self.dep_children(verb, "npadvmod"):
            hit = self.entity_at.get(k)
            if k > verb and hit is not None and hit.entity.kind in {"person", "state", "igo"}:
                out.append(k)
        return out

    def preps(self, i: int, *words: str) -> list[int]:
        """Objects of the prepositions under ``i`` whose text is in ``words`` (the parser tags
        "to" in "sent an envoy to Myanmar" as a dative; it is a preposition all the same)."""
        out: list[int] = []
        for k in self.children[i]:
            t = self.tokens[k]
            prep = t.dep in {"prep", "agent"} or (t.dep == "dative" and t.pos == "ADP")
            if prep and t.text.lower() in words:
                out.extend(self.dep_children(k, "pobj", "pcomp"))
        return out

    def conjuncts(self, i: int) -> list[int]:
        out = [i]
        for k in self.children[i]:
            if self.tokens[k].dep == "conj":
                out.extend(self.conjuncts(k))
        return out

    def starting_in(self, items: Sequence[T_Span], n: int) -> list[T_Span]:
        """The items (times, places: anything with ``start``) that start in sentence ``n``,
        found by binary search over the items sorted once per sequence."""
        key = id(items)
        if key not in self._spans:
            ordered = sorted(items, key=lambda x: x.start)
            self._spans[key] = (items, [x.start for x in ordered], ordered)
        _, starts, ordered = self._spans[key]
        s = self.annotated.sentences[n]
        return ordered[bisect.bisect_left(starts, s.start) : bisect.bisect_left(starts, s.end)]

    def antecedent(
        self, i: int, sentences_back: int = 2, skip: Sequence[str] = ()
    ) -> Entity | None:
        """The person a "he"/"she" at token ``i`` most likely stands for: the nearest person
        named before it in its sentence or the ``sentences_back`` before, or an unnamed office
        holder of a named state as a subject ("The Kenyan president flew ... he met"): that
        state. Only the nearest is considered; when it has no country the answer is None,
        never an older one. Entities in ``skip`` (an object pronoun's own subject) are passed."""
        first = self.annotated.sentences[max(0, self.sentence_index(i) - sentences_back)]
        quoted = self._quoted_before(i)
        owner = self.owner_of_the_clause(i)
        if owner is not None and owner.id not in skip:
            return owner
        subject = self._subject_person(i, first.first_token, skip, quoted)
        if subject is not None:
            return subject
        for k in range(i - 1, first.first_token - 1, -1):
            hit = self.entity_at.get(k)
            if hit is not None and (hit.entity.id in skip or k in quoted):
                continue
            if hit is not None and hit.entity.kind == "person":
                return hit.entity
            if hit is None and self.tokens[k].dep in {"nsubj", "nsubjpass"}:
                state = self._office_state(k)
                if state is not None:
                    return state
        return None

    def relative_antecedent(self, k: int) -> int | None:
        """The noun a relative pronoun at ``k`` stands for: "Blinken, who met Xi", "the
        minister, who was received by X": the head of the phrase its relative clause
        describes, when the pronoun is that clause's subject or object."""
        t = self.tokens
        if t[k].tag not in RELATIVE_TAGS or t[k].dep not in {"nsubj", "nsubjpass", "dobj"}:
            return None
        verb = t[k].head
        if t[verb].dep != "relcl" or t[verb].head == verb:
            return None
        return t[verb].head

    def owner_of_the_clause(self, i: int) -> Entity | None:
        """ "questions about Trump's call when he asked X", "Biden's visit, during which he
        met Y": a subject pronoun of a clause opened by "when", "where" or "which" after a
        noun that a named person owns is that person, when no other person is named between
        (wherever the parser hung the clause)."""
        t = self.tokens
        if t[i].dep not in {"nsubj", "nsubjpass"} or i == 0:
            return None
        w = i - 1
        if t[w].text.lower() not in CLAUSE_OPENERS:
            return None
        if t[w].text.lower() in {"which", "whom"} and w > 0 and t[w - 1].dep == "prep":
            w -= 1  # "during which he met"
        start = self.annotated.sentences[self.sentence_index(i)].first_token
        for k in range(w - 1, max(start, w - OWNER_REACH) - 1, -1):
            if t[k].pos in {"VERB", "AUX"}:
                return None
            hit = self.entity_at.get(k)
            if hit is None:
                continue
            if hit.entity.kind == "person":
                return hit.entity if t[k].dep == "poss" or self._in_possessor(k) else None
        return None

    def _in_possessor(self, k: int) -> bool:
        """Is token ``k`` part of a possessor phrase ("President Donald Trump's")?"""
        a = k
        for _ in range(4):
            if self.tokens[a].dep == "poss":
                return True
            if self.tokens[a].dep != "compound" or self.tokens[a].head == a:
                return False
            a = self.tokens[a].head
        return False

    def _subject_person(
        self, i: int, first: int, skip: Sequence[str], quoted: set[int]
    ) -> Entity | None:
        """A subject "he"/"she" continues the last clause's subject: the nearest person named as
        the subject of a clause before it in its own or the previous sentence ("Trump praised
        Johnson. 'He is a great leader,' he said": Trump)."""
        if self.tokens[i].dep not in {"nsubj", "nsubjpass"}:
            return None
        start = max(first, self.annotated.sentences[max(0, self.sentence_index(i) - 1)].first_token)
        for k in range(i - 1, start - 1, -1):
            if k in quoted or self.tokens[k].dep not in {"nsubj", "nsubjpass"}:
                continue
            for h in (k, *self.dep_children(k, "appos")):
                hit = self.entity_at.get(h)
                if hit is not None and hit.entity.id not in skip:
                    return hit.entity if hit.entity.kind == "person" else None
            if k not in self.entity_at:  # "Turkey's foreign minister said he would ...": Turkey
                state = self._office_state(k)
                if state is not None and state.id not in skip:
                    return state
        return None

    def _quoted_before(self, i: int) -> set[int]:
        """Tokens of the pronoun's sentence, before it, inside quotation marks: in
        '"Najib is cheating," he told a rally' the speaker is not Najib."""
        s = self.annotated.sentences[self.sentence_index(i)]
        marks = [k for k in range(s.first_token, i) if self.tokens[k].text in {'"', "“", "”"}]
        if not marks:
            return set()
        # a quote may have opened in an earlier sentence: a first mark that closes (a curly
        # closing mark, or an odd count of straight ones) closes it
        first_closes = self.tokens[marks[0]].text == "”" or (
            self.tokens[marks[0]].text == '"' and len(marks) % 2 == 1
        )
        bounds = [s.first_token, *marks] if first_closes else marks
        out: set[int] = set()
        for a, b in zip(bounds[::2], bounds[1::2], strict=False):
            out |= set(range(a, b))
        return out

    def _office_state(self, k: int) -> Entity | None:
        """The state of "the Kenyan president", "Kenya's foreign minister" headed by ``k``."""
        if self.tokens[k].lemma.lower() not in OFFICE_HEADS:
            return None
        mods = [c for c in self.children[k] if self.tokens[c].dep in {"amod", "compound", "poss"}]
        mods += [
            o
            for p in self.dep_children(k, "prep")
            if self.tokens[p].text.lower() == "of"
            for o in self.dep_children(p, "pobj")
        ]  # "the foreign minister of Turkey"
        states = [e for e in self.entities_in(mods) if e.kind == "state"]
        if not mods and self._definite(k):
            return self._described_before(k)  # "Germany's president ... the president said"
        return states[0] if len(states) == 1 else None

    def _definite(self, k: int) -> bool:
        return any(self.tokens[c].text.lower() == "the" for c in self.dep_children(k, "det"))

    def _described_before(self, k: int) -> Entity | None:
        """The state of an office of the same name described with its state in this sentence
        or the three before ("Germany's president", then "the president"); None when offices
        of two states were ("X's president met Y's president. The president said")."""
        n = self.sentence_index(k)
        first = self.annotated.sentences[max(0, n - 3)].first_token
        lemma = self.tokens[k].lemma.lower()
        found: dict[str, Entity | None] = {}
        for j in range(first, k):
            if self.tokens[j].lemma.lower() != lemma or j in self.entity_at:
                continue
            if any(self.tokens[c].dep in {"amod", "poss"} for c in self.children[j]):
                state = self._office_state(j)
                found[state.id if state else ""] = state
        return next(iter(found.values())) if len(found) == 1 else None

    def entities_in(self, idx: Iterable[int]) -> list[Entity]:
        """Distinct entities with a mention on any of the given tokens, in text order."""
        seen: dict[str, tuple[int, Entity]] = {}
        for i in idx:
            hit = self.entity_at.get(i)
            if hit is not None and hit.entity.id not in seen:
                seen[hit.entity.id] = (hit.first, hit.entity)
        return [e for _, e in sorted(seen.values(), key=lambda p: p[0])]

    def phrase(self, i: int, stop: frozenset[str] = CLAUSE_DEPS) -> tuple[int, int]:
        """Character span of the phrase headed by ``i`` (without clauses under ``stop``)."""
        idx = sorted(self.subtree(i, stop))
        # keep only the contiguous run around i
        lo = hi = idx.index(i)
        while lo > 0 and idx[lo - 1] == idx[lo] - 1:
            lo -= 1
        while hi < len(idx) - 1 and idx[hi + 1] == idx[hi] + 1:
            hi += 1
        first, last = self.tokens[idx[lo]], self.tokens[idx[hi]]
        while last.i > first.i and last.pos == "PUNCT":
            last = self.tokens[last.i - 1]
        while first.i < last.i and (
            first.pos in {"PUNCT", "CCONJ"} or first.dep in {"cc", "punct"}
        ):
            first = self.tokens[first.i + 1]
        return first.start, last.end
