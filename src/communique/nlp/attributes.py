"""The model's attribute rules (fine tag -> coarse POS and morphology, word exceptions), applied
from lookup tables instead of spaCy's ``Matcher``.

The English models' ``attribute_ruler`` holds about 180 rules, nearly all of one token: a tag
("NN" -> NOUN, Number=Sing), a tag and a word ("PRP$" + "your"), a word and its dependency
("i" as nsubj), a few pairs of words ("gon" + "na"). spaCy matches every rule at every token with
its general ``Matcher`` and sets each match's attributes token by token, which costs about as
much as the tagger and parser together on news text (about 20 CPU ms per benchmark page).

Here the rules are read once from the loaded ruler into plain conditions. A token's outcome
depends only on the values the conditions read (tag, lower-case form, dependency, ...), so it is
worked out once per distinct combination and remembered; rules of several tokens are checked
at the tokens where their first condition holds. The values are then written in one array per
Doc. Same outcome as the ruler: a later rule overrides an earlier one, attribute by attribute,
and the rule's ``index`` picks the token of the match it writes (``tests/test_nlp_attributes.py``
compares every token attribute with spaCy's ruler on real articles). A ruler holding anything
else (operators, extension attributes, other predicates) is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: The pipe whose rules are taken over.
RULER = "attribute_ruler"
#: The factory of the replacement component (registered when a model loads).
FACTORY = "communique_attribute_rules"
#: Token attributes a condition may read (the names a Matcher pattern uses).
_READABLE = ("ORTH", "LOWER", "NORM", "TAG", "DEP", "IS_SPACE", "IS_PUNCT", "IS_DIGIT")
_ALIASES = {"TEXT": "ORTH"}
#: Token attributes a rule may write (with ``Doc.from_array``, as the ruler sets them).
_WRITABLE = ("POS", "TAG", "MORPH", "LEMMA", "DEP")
#: Remembered outcomes are dropped past this many distinct value combinations.
_CACHE_MAX = 200_000

#: A condition on one token: (column, operator, operand); operators "eq", "in", "not_in",
#: "regex" (searched in the value's string).
Condition = tuple[int, str, Any]


@dataclass(frozen=True, slots=True)
class _Rule:
    """One alternative pattern of one ruler rule: its conditions token by token, the matched
    token it writes (``index``, from the start of the match) and what it writes there."""

    order: int
    tokens: tuple[tuple[Condition, ...], ...]
    index: int
    writes: tuple[tuple[int, int], ...]  # (column of _WRITABLE, value)


#: What one-token rules write on a token: {column of _WRITABLE: (rule order, value)}.
_Writes = dict[int, tuple[int, int]]
#: The same as (place among the written columns, value) pairs, ready to write.
_Plan = tuple[tuple[int, int], ...]


class AttributeRules:
    """A spaCy pipeline component doing what an ``AttributeRuler`` does, from lookup tables."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab
        self._rules: tuple[_Rule, ...] = ()
        self._read: list[int] = []  # attribute ids of the columns read
        self._width = 0
        #: rules by an equality their first token needs (column, value); the rest apart
        self._keyed: dict[tuple[int, int], tuple[_Rule, ...]] = {}
        self._unkeyed: tuple[_Rule, ...] = ()
        self._write: list[int] = []  # attribute ids of the columns some rule writes
        self._place: dict[int, int] = {}  # column of _WRITABLE -> place in self._write
        self._outcomes: dict[tuple[int, ...], tuple[_Plan, _Writes, tuple[_Rule, ...]]] = {}

    def take(self, rules: tuple[_Rule, ...], read: Sequence[str]) -> None:
        from spacy import attrs

        self._rules = rules
        self._read = [getattr(attrs, name) for name in read]
        self._width = len(read)
        keyed: dict[tuple[int, int], list[_Rule]] = {}
        unkeyed: list[_Rule] = []
        for rule in rules:
            key = next(((c, v) for c, op, v in rule.tokens[0] if op == "eq"), None)
            if key is None:
                unkeyed.append(rule)
            else:
                keyed.setdefault(key, []).append(rule)
        self._keyed = {key: tuple(found) for key, found in keyed.items()}
        self._unkeyed = tuple(unkeyed)
        columns = sorted({column for rule in rules for column, _ in rule.writes})
        self._write = [getattr(attrs, _WRITABLE[c]) for c in columns]
        self._place = {c: k for k, c in enumerate(columns)}
        self._outcomes = {}

    def __call__(self, doc: Any) -> Any:
        size = len(doc)
        if not size or not self._rules:
            return doc
        columns = doc.to_array(self._read).reshape(size, self._width).T.tolist()
        rows: list[tuple[int, ...]] = list(zip(*columns, strict=True))
        outcomes = self._outcomes
        if len(outcomes) > _CACHE_MAX:
            outcomes.clear()
        knowns = [
            known if known is not None else self._learn(row)
            for known, row in zip(map(outcomes.get, rows), rows, strict=True)
        ]
        plans: list[_Plan] = [known[0] for known in knowns]
        merged_at: dict[int, _Writes] = {}  # what matches of longer rules write, by token
        for start in [i for i, known in enumerate(knowns) if known[2]]:
            for rule in knowns[start][2]:
                if not self._matches_at(rule, rows, start):
                    continue
                target = start + rule.index
                merged = merged_at.get(target) or dict(knowns[target][1])
                for column, value in rule.writes:
                    if column not in merged or merged[column][0] < rule.order:
                        merged[column] = (rule.order, value)
                merged_at[target] = merged
                plans[target] = self._plan(merged)
        if any(plans):
            self._write_values(doc, plans)
        return doc

    def _learn(self, row: tuple[int, ...]) -> tuple[_Plan, _Writes, tuple[_Rule, ...]]:
        """The outcome of values not seen before (remembered)."""
        known = self._outcomes.get(row)
        if known is None:
            known = self._outcomes[row] = self._outcome(row)
        return known

    def _outcome(self, row: tuple[int, ...]) -> tuple[_Plan, _Writes, tuple[_Rule, ...]]:
        """What the one-token rules write on a token with these values (the latest rule
        winning, attribute by attribute), and the longer rules whose first token it fits."""
        single: _Writes = {}
        starting: list[_Rule] = []
        candidates = list(self._unkeyed)
        for column, value in enumerate(row):
            candidates += self._keyed.get((column, value), ())
        for rule in candidates:
            if not self._holds(rule.tokens[0], row):
                continue
            if len(rule.tokens) > 1:
                starting.append(rule)
                continue
            for column, value in rule.writes:
                if column not in single or single[column][0] < rule.order:
                    single[column] = (rule.order, value)
        return self._plan(single), single, tuple(starting)

    def _plan(self, writes: _Writes) -> _Plan:
        return tuple((self._place[column], value) for column, (_, value) in writes.items())

    def _holds(self, conditions: tuple[Condition, ...], row: tuple[int, ...]) -> bool:
        for column, op, operand in conditions:
            value = row[column]
            if op == "eq":
                ok = value == operand
            elif op == "in":
                ok = value in operand
            elif op == "not_in":
                ok = value not in operand
            else:
                ok = bool(operand.search(self.vocab.strings[value]))
            if not ok:
                return False
        return True

    def _matches_at(self, rule: _Rule, rows: list[tuple[int, ...]], start: int) -> bool:
        if start + len(rule.tokens) > len(rows):
            return False
        return all(
            self._holds(conditions, rows[start + k])
            for k, conditions in enumerate(rule.tokens)
            if k
        )

    def _write_values(self, doc: Any, plans: list[_Plan]) -> None:
        import numpy

        ids = self._write
        values = doc.to_array(ids).reshape(len(doc), len(ids)).tolist()
        for row, plan in zip(values, plans, strict=True):
            for place, value in plan:
                row[place] = value
        doc.from_array(ids, numpy.array(values, dtype=numpy.uint64))


def compile_rules(ruler: Any) -> tuple[tuple[_Rule, ...], tuple[str, ...]] | None:
    """The rules of a spaCy ``AttributeRuler`` as plain conditions, and the attribute names the
    conditions read (the columns of a row); None when a rule uses anything else."""
    from spacy import attrs

    strings = ruler.vocab.strings
    read: list[str] = []
    writable = {getattr(attrs, name): k for k, name in enumerate(_WRITABLE)}
    rules: list[_Rule] = []
    for order, (written, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
        if any(key not in writable for key in written):
            return None
        writes = tuple((writable[key], int(value)) for key, value in written.items())
        for pattern in ruler.matcher.get(str(order))[1]:
            tokens = _conditions(pattern, strings, read)
            if tokens is None or not tokens:
                return None
            target = index if index >= 0 else len(tokens) + index
            if not 0 <= target < len(tokens):
                return None  # spaCy raises on such a rule: leave it to spaCy
            rules.append(_Rule(order, tokens, target, writes))
    return tuple(rules), tuple(read)


def _conditions(
    pattern: Sequence[dict[str, Any]], strings: Any, read: list[str]
) -> tuple[tuple[Condition, ...], ...] | None:
    tokens: list[tuple[Condition, ...]] = []
    for spec in pattern:
        conditions: list[Condition] = []
        for key, value in spec.items():
            name = _ALIASES.get(key.upper(), key.upper())
            if name not in _READABLE:
                return None
            if name not in read:
                read.append(name)
            condition = _condition(read.index(name), value, strings)
            if condition is None:
                return None
            conditions.append(condition)
        tokens.append(tuple(conditions))
    return tuple(tokens)


def _condition(column: int, value: Any, strings: Any) -> Condition | None:
    """A Matcher token condition as one of ours (values hashed as the Matcher hashes them)."""
    from spacy.strings import get_string_id

    if isinstance(value, bool):
        return (column, "eq", int(value))
    if isinstance(value, str):
        return (column, "eq", strings.add(value))
    if isinstance(value, int):
        return (column, "eq", value)
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((op, operand),) = value.items()
    if op in ("IN", "NOT_IN") and isinstance(operand, list | tuple):
        if not all(isinstance(v, str | int) and not isinstance(v, bool) for v in operand):
            return None
        return (column, op.lower(), frozenset(get_string_id(v) for v in operand))
    if op == "REGEX" and isinstance(operand, str):
        return (column, "regex", re.compile(operand))
    return None


def use_attribute_rules(nlp: Any) -> bool:
    """Put ``AttributeRules`` in place of the pipeline's attribute ruler, under the same name,
    when every rule can be read; True when it was replaced."""
    from spacy.language import Language

    if RULER not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(RULER)
    if not all(hasattr(ruler, a) for a in ("attrs", "indices", "matcher")):
        return False
    compiled = compile_rules(ruler)
    if compiled is None:
        return False
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=_make)
    replacement: AttributeRules = nlp.replace_pipe(RULER, FACTORY)
    replacement.take(*compiled)
    return True


def _make(nlp: Any, name: str) -> AttributeRules:
    return AttributeRules(nlp.vocab)


__all__ = ["FACTORY", "RULER", "AttributeRules", "compile_rules", "use_attribute_rules"]
