"""The bounds every input path keeps, whatever it is given.

``IngestSettings.max_bytes`` caps one item (a file, a JSONL line, a WARC record, a page). The
bounds here keep the rest of the pipeline linear in time and flat in memory:

- gzip data may inflate at most ``MAX_INFLATE_RATIO`` times its compressed size once more than
  ``INFLATE_RATIO_AFTER`` bytes came out (a decompression bomb is refused early, with a message);
- a line of plain text longer than ``MAX_LINE_CHARS`` is no paragraph of an article: the item is
  skipped with its line number;
- at most ``MAX_ARTICLE_CHARS`` characters of one article reach the language model (spaCy's memory
  and the rules' time grow with the length of the text: 150,000 characters stay near 1.1 GB);
- an item still running after ``ITEM_SECONDS`` seconds is left out as a ``timeout`` failure.
"""

from __future__ import annotations

from ..settings import NlpSettings

MAX_INFLATE_RATIO = 100
INFLATE_RATIO_AFTER = 32 * 1024 * 1024
MAX_LINE_CHARS = 100_000
MAX_ARTICLE_CHARS = NlpSettings().max_chars  # the library default, the same for every entry
ITEM_SECONDS = 180.0
SNIFF_BYTES = 64 * 1024  # read ahead to tell JSONL, gzip and binary data apart
