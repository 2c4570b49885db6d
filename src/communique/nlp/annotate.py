"""Run spaCy over cleaned articles and convert each Doc into plain records."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from ..errors import ResourceError
from ..model import AnnotatedArticle, CleanArticle, Mention, Sentence, Token, content_id
from .aliases import propagate_aliases, recover_surnames, trim_conjunctions
from .backend import NlpBackend

# Entity labels kept as mentions; the rest (ORDINAL, PERCENT, MONEY ...) are noise for us.
KEPT_LABELS = frozenset(
    {"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "DATE", "TIME", "EVENT", "LAW", "CARDINAL"}
)


def annotate_article(article: CleanArticle, backend: NlpBackend) -> AnnotatedArticle:
    doc = backend.nlp(_bounded(article.text, backend))
    return to_annotated(article, doc)


def annotate_articles(
    articles: Iterable[CleanArticle], backend: NlpBackend
) -> Iterator[AnnotatedArticle]:
    """Annotate many articles with ``nlp.pipe`` (batched); results keep input order."""
    items = list(articles)
    texts = (_bounded(a.text, backend) for a in items)
    docs = backend.nlp.pipe(texts, batch_size=backend.settings.batch_size)
    for article, doc in zip(items, docs, strict=True):
        yield to_annotated(article, doc)


def annotate_text(
    text: str, backend: NlpBackend, published: date | None = None
) -> AnnotatedArticle:
    """Annotate a bare text (evaluation suites, tests): no cleaning, the text is the body."""
    return annotate_article(bare_article(text, published), backend)


def bare_article(text: str, published: date | None = None) -> CleanArticle:
    """A text taken whole as an article body, with no metadata but its publication date."""
    return CleanArticle(
        id=content_id("art", text),
        text=text,
        title=None,
        byline=None,
        section=None,
        site=None,
        url=None,
        published=published,
        published_source="argument" if published else "none",
        language="en",
        removed=(),
    )


def to_annotated(article: CleanArticle, doc: Any) -> AnnotatedArticle:
    tokens, sentences = _tokens_and_sentences(doc)
    mentions = tuple(
        Mention(
            start=e.start_char, end=e.end_char, text=e.text, label=e.label_, key=e.ent_id_ or None
        )
        for e in doc.ents
        if e.label_ in KEPT_LABELS
    )
    return AnnotatedArticle(
        article=article,
        sentences=sentences,
        tokens=tokens,
        mentions=propagate_aliases(recover_surnames(trim_conjunctions(mentions), tokens)),
    )


_COLUMNS = ("IDX", "LENGTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "MORPH", "SENT_START")
_EMPTY_MORPH = "_"  # how spaCy stores "no features"; ``str(token.morph)`` gives ""


def _tokens_and_sentences(doc: Any) -> tuple[tuple[Token, ...], tuple[Sentence, ...]]:
    """The tokens and non-blank sentences of a Doc as plain records.

    Read in one array per Doc (``Doc.to_array``) rather than token by token: each token
    attribute read from Python builds spaCy objects, which cost as much as the records. Same
    values as ``token.idx``, ``token.text``, ``token.lemma_`` ... ``str(token.morph)`` and
    ``doc.sents`` (``tests/test_nlp_records.py`` compares them)."""
    from spacy import attrs

    if not len(doc):
        return (), ()
    rows = doc.to_array([getattr(attrs, name) for name in _COLUMNS]).tolist()
    strings = doc.vocab.strings
    names = {h: strings[h] for h in {h for row in rows for h in row[2:6]}}
    morphs = {h: strings[h] for h in {row[7] for row in rows}}
    text = doc.text
    fixes = lemma_fixes()
    tokens: list[Token] = []
    for i, (idx, length, lemma, pos, tag, dep, head, morph, _) in enumerate(rows):
        if head >= 1 << 63:  # relative offsets come unsigned
            head -= 1 << 64
        feats = morphs[morph]
        word, end = text[idx : idx + length], idx + length
        lemma_, pos_, tag_, dep_ = names[lemma], names[pos], names[tag], names[dep]
        lemma_ = fixes.get((word.lower(), pos_), lemma_)
        feats = "" if feats == _EMPTY_MORPH else feats
        tokens.append(Token(i, idx, end, word, lemma_, pos_, tag_, dep_, i + head, feats))
    starts = [row[8] == 1 for row in rows]
    return tuple(tokens), _sentences(doc, text, tokens, starts, any(row[8] for row in rows[1:]))


@lru_cache(maxsize=1)
def lemma_fixes() -> dict[tuple[str, str], str]:
    """Forms whose lemma the model's rule lemmatizer gets wrong ("hoped" -> "hop", "slated" ->
    "slat": it prefers the shorter listed verb), from ``nlp/data/lemma_exceptions.csv``:
    {(lower-case form, coarse POS): lemma}. A malformed row fails loudly."""
    text = resources.files("communique.nlp").joinpath("data", "lemma_exceptions.csv")
    rows = list(csv.DictReader(io.StringIO(text.read_text(encoding="utf-8"))))
    out: dict[tuple[str, str], str] = {}
    for n, r in enumerate(rows, start=2):
        form, pos, lemma = (r.get(k) or "" for k in ("form", "pos", "lemma"))
        if not (form and lemma and r.get("source")) or form != form.lower() or not pos.isupper():
            raise ResourceError(f"nlp/data/lemma_exceptions.csv:{n}: malformed row")
        out[(form, pos)] = lemma
    return out


def _sentences(
    doc: Any, text: str, tokens: list[Token], starts: list[bool], split: bool
) -> tuple[Sentence, ...]:
    """``doc.sents`` (a sentence starts at each token marked 1), blank ones left out.
    ``split``: a token after the first is marked (``doc.has_annotation("SENT_START")``,
    which reads every token again)."""
    if "sents" in doc.user_hooks or not split:
        bounds = [(s.start, s.end) for s in doc.sents]
    else:
        firsts = [0, *(i for i in range(1, len(tokens)) if starts[i]), len(tokens)]
        bounds = list(pairwise(firsts))
    bounds = _join_datelines(text, tokens, bounds)
    out: list[Sentence] = []
    for first, last in bounds:
        start, end = tokens[first].start, tokens[last - 1].end
        if text[start:end].strip():
            out.append(Sentence(start, end, text[start:end], first, last))
    return tuple(out)


def _join_datelines(
    text: str, tokens: list[Token], bounds: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A dateline parsed apart from its lead ("LUANDA, Dec 15 (Reuters) -") is one sentence
    with it again: its words end in a dash and the lead goes on on the same line."""
    out: list[tuple[int, int]] = []
    for first, last in bounds:
        if out and last > first:
            before = out[-1]
            tail = tokens[before[1] - 1]
            between = text[tail.end : tokens[first].start]
            if tail.text in DASHES and "\n" not in between:
                out[-1] = (before[0], last)
                continue
        out.append((first, last))
    return out


DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _bounded(text: str, backend: NlpBackend) -> str:
    """spaCy's memory grows with text length: analyse at most ``max_chars``, cut at a line."""
    limit = backend.settings.max_chars
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    return text[: cut if cut > 0 else limit]
