"""NLP stage: sentences, tokens and entity mentions. spaCy stays inside this package; later
stages see only ``model`` records (character offsets, plain strings)."""

from .annotate import annotate_article, annotate_articles, annotate_text
from .backend import NlpBackend, load_nlp

__all__ = ["NlpBackend", "annotate_article", "annotate_articles", "annotate_text", "load_nlp"]
