"""Exact and near-duplicate articles (syndicated copies, light edits) via MinHash LSH.

An article whose normalised text hashes like an earlier one, or whose word-shingle MinHash is
estimated at least ``threshold`` (0.7) similar to an earlier canonical article, is a copy of it.
Copies are counted as sources of the canonical article's events; they are never re-coded.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # datasketch (with scipy) is imported when a signature is first made
    from datasketch import MinHash

NUM_PERM = 128
SCHEME = "affine64"  # stored signatures are uint64 hash values of this scheme
SHINGLE = 5
MIN_SHINGLES = 20  # shorter texts are compared by exact hash only

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Duplicate:
    canonical: str  # article id
    similarity: float  # 1.0 for an exact copy


def normalized_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def text_hash(text: str) -> str:
    """A hash of the text that ignores case, punctuation and spacing."""
    return hashlib.sha256(" ".join(normalized_words(text)).encode("utf-8")).hexdigest()


def signature(text: str) -> MinHash | None:
    """The MinHash of the text's word 5-shingles, or None when the text is too short."""
    words = normalized_words(text)
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}
    if len(shingles) < MIN_SHINGLES:
        return None
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def signature_bytes(mh: MinHash) -> bytes:
    return bytes(np.asarray(mh.hashvalues, dtype=np.uint64).tobytes())


def signature_from_bytes(data: bytes) -> MinHash:
    from datasketch import MinHash

    values = np.frombuffer(data, dtype=np.uint64).copy()
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)


class DuplicateIndex:
    """Canonical articles seen so far: exact hashes and an LSH index of their signatures."""

    def __init__(self, threshold: float = 0.7) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._exact: dict[str, str] = {}
        # LSH finds candidates generously; the estimated Jaccard index then decides.
        self._lsh = MinHashLSH(threshold=max(0.1, threshold - 0.2), num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._exact)

    def find(self, digest: str, mh: MinHash | None) -> Duplicate | None:
        """The canonical article this text copies, if any (the most similar; ties: oldest)."""
        if digest in self._exact:
            return Duplicate(self._exact[digest], 1.0)
        if mh is None:
            return None
        best: Duplicate | None = None
        for key in sorted(self._lsh.query(mh)):
            sim = float(mh.jaccard(self._sigs[key]))
            if sim >= self.threshold and (best is None or sim > best.similarity):
                best = Duplicate(key, sim)
        return best

    def add(self, article_id: str, digest: str, mh: MinHash | None) -> None:
        """Register a canonical article."""
        self._exact.setdefault(digest, article_id)
        if mh is not None and article_id not in self._sigs:
            self._lsh.insert(article_id, mh)
            self._sigs[article_id] = mh
