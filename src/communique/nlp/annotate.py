"""Run spaCy over cleaned articles and convert each Doc into plain records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from ..model import AnnotatedArticle, CleanArticle, Mention, Sentence, Token, content_id
from .aliases import propagate_aliases, recover_surnames
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
    tokens = tuple(
        Token(
            i=t.i,
            start=t.idx,
            end=t.idx + len(t.text),
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            morph=str(t.morph),
        )
        for t in doc
    )
    sentences = tuple(
        Sentence(
            start=s.start_char, end=s.end_char, text=s.text, first_token=s.start, last_token=s.end
        )
        for s in doc.sents
        if s.text.strip()
    )
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
        mentions=propagate_aliases(recover_surnames(mentions, tokens)),
    )


def _bounded(text: str, backend: NlpBackend) -> str:
    """spaCy's memory grows with text length: analyse at most ``max_chars``, cut at a line."""
    limit = backend.settings.max_chars
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    return text[: cut if cut > 0 else limit]
