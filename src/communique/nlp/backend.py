"""The spaCy backend: the model, the curated entity ruler and the paragraph-aware sentence
pre-splitter, loaded once and passed in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..clean.dateline import read_dateline
from ..errors import ResourceError
from ..settings import NlpSettings
from .attributes import use_attribute_rules

if TYPE_CHECKING:
    from spacy.tokens import Doc

SPLITTER = "communique_line_splitter"

#: How far into the text a wire dateline may lie (after a headline and a byline). The parser
#: attaches a dateline's place to the lead's verb as its subject and the lead's real subject as
#: its apposition ("Hanoi (VNA) - Prime Minister X received ..."): the lead is parsed on its own
#: (``_sentences`` joins the two again).
DATELINE_REACH = 400


def _split_at_line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs never merge with what follows.

    Runs before the parser, which keeps sentence starts that are already set. The starts are
    written in one array: setting ``Token.is_sent_start`` checks the whole document for a
    parse each time, which made the cost per word grow with the number of lines. The tokens
    holding a line break are found among the distinct token texts (a token's trailing
    whitespace is one space or nothing, never a line break), not token by token."""
    from spacy.attrs import ORTH, SENT_START

    starts: Any = doc.to_array(SENT_START)  # one value per token (spaCy types it loosely)
    texts: list[int] = doc.to_array(ORTH).tolist()
    strings = doc.vocab.strings
    breaking = {h for h in set(texts) if "\n" in strings[h]}
    for i in range(1, len(texts)):
        if texts[i - 1] in breaking:
            starts[i] = 1
    for at, lead in _dateline_ends(doc.text):
        first = doc.char_span(lead, lead + 1, alignment_mode="expand")
        place = doc.char_span(at, at + 1, alignment_mode="expand")
        if first is None or place is None or first.start == 0:
            continue
        starts[first.start] = 1
        # Left alone, the parser opens more sentences inside a lead it is told starts here
        # ("Head of State X held talks" parsed as "Head" | "of State X" | "held talks"): no
        # other token of the dateline or of the lead's first sentence starts one.
        i = first.start + 1
        while i < len(texts) and texts[i] not in breaking and strings[texts[i]] not in ENDS:
            starts[i] = NOT_START
            i += 1
        for j in range(place.start + 1, first.start):
            starts[j] = NOT_START
    doc.from_array([SENT_START], starts)
    return doc


#: tokens that end a sentence; spaCy's "not a sentence start" (-1) as its arrays store it
ENDS = frozenset({".", "!", "?"})
NOT_START = (1 << 64) - 1


def _dateline_ends(text: str) -> list[tuple[int, int]]:
    """Where a wire dateline (``clean.read_dateline``) that opens a line near the text's start
    begins, and where its lead begins."""
    head = text[:DATELINE_REACH]
    line_starts = [0, *(k + 1 for k, ch in enumerate(head) if ch == "\n")]
    out: list[tuple[int, int]] = []
    for at in line_starts:
        line_end = text.find("\n", at)
        found = read_dateline(text[at : line_end if line_end >= 0 else len(text)], titled=True)
        if found is not None and found.end < len(text) - at:
            out.append((at, at + found.end))
    return out


def _register_splitter() -> None:
    """Make the splitter a spaCy component (once; spaCy is imported only when a model loads)."""
    from spacy.language import Language

    if not Language.has_factory(SPLITTER):
        Language.component(SPLITTER, func=_split_at_line_breaks)


@dataclass(frozen=True, slots=True)
class NlpBackend:
    """A loaded spaCy pipeline plus the settings it was built with."""

    nlp: Any  # spacy.language.Language (typed loosely: spaCy ships no complete stubs)
    settings: NlpSettings

    @property
    def name(self) -> str:
        return f"spacy/{self.settings.model}"


def load_nlp(settings: NlpSettings, patterns: Sequence[dict[str, object]]) -> NlpBackend:
    """Load the model, add the line splitter and an entity ruler fed by curated patterns."""
    import spacy

    _register_splitter()
    try:
        nlp = spacy.load(settings.model)
    except OSError as err:
        raise ResourceError(
            f"spaCy model {settings.model!r} is not installed "
            "(pip install --no-deps --require-hashes -r requirements-model.txt)"
        ) from err
    nlp.add_pipe(SPLITTER, before="parser")
    use_attribute_rules(nlp)
    if patterns:
        add_entity_ruler(nlp, patterns)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    return NlpBackend(nlp=nlp, settings=settings)


def add_entity_ruler(nlp: Any, patterns: Sequence[dict[str, object]]) -> None:
    """An entity ruler before the statistical NER, fed with phrase patterns.

    spaCy's EntityRuler (3.8) makes each phrase pattern a Doc with ``nlp.pipe``, switching off
    only the components from the ruler on: here that would tag and parse thousands of names.
    Phrases are matched on the token text (ORTH, the ruler's default ``phrase_matcher_attr``),
    which the tokenizer alone decides, so every component is off while they are added."""
    ruler: Any = nlp.add_pipe(
        "entity_ruler", before="ner", config={"overwrite_ents": True, "validate": False}
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(list(patterns))
