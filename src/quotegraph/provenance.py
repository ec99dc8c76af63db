"""Is this the same quotation? Normalising, MinHash band keys and the edit-distance check.

Two quotes are the same quotation when their normalised texts (lower case, no punctuation or
quote marks, single spaces) are equal, or when MinHash LSH on character shingles makes them
candidates and rapidfuzz confirms: a ``ratio`` of at least ``SAME_RATIO`` (a word changed,
dropped or added), or a ``partial_ratio`` of at least ``EXCERPT_RATIO`` for a shorter excerpt of
a longer quote. The SQL side (store/clusters.py) keeps the band keys so that clustering a new
quote reads only the quotes sharing a bucket with it.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from rapidfuzz import fuzz

SHINGLE = 5  # characters per shingle
BANDS, ROWS = 20, 3  # 60 permutations; quotes with shingle Jaccard 0.5 meet in a bucket ~93% of the time
SAME_RATIO = 85.0
EXCERPT_RATIO = 92.0
MIN_WORDS = 5  # shorter quotes ("We are making progress") recur by chance, not by copying
MIN_EXCERPT_CHARS = 30
_SEED = 7

_NOT_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower case, compatibility-folded, without punctuation or quote marks, single-spaced."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("'", "")
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", text)).strip()


def norm_hash(norm: str) -> str:
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


def clusterable(norm: str) -> bool:
    return len(norm.split()) >= MIN_WORDS


_TEMPLATE = MinHash(num_perm=BANDS * ROWS, seed=_SEED)  # drawing the permutations is the costly part
_PRIME, _MAX_HASH = np.uint64((1 << 61) - 1), np.uint64((1 << 32) - 1)  # datasketch's constants


def signature(norm: str) -> np.ndarray:
    """The MinHash signature of the text's character shingles: the values datasketch's
    ``MinHash.update_batch`` gives with its default SHA-1 hash, computed in one numpy step instead
    of one Python call per shingle (tests compare the two)."""
    shingles = {norm[i : i + SHINGLE] for i in range(max(1, len(norm) - SHINGLE + 1))}
    digests = b"".join(hashlib.sha1(s.encode("utf-8")).digest()[:4] for s in shingles)
    hashed = np.frombuffer(digests, dtype="<u4").astype(np.uint64)[:, np.newaxis]
    a, b = _TEMPLATE.permutations
    return np.bitwise_and((hashed * a + b) % _PRIME, _MAX_HASH).min(axis=0)


def band_keys(norm: str) -> list[int]:
    """One signed 64-bit key per band of the text's MinHash signature; the band is hashed in, so
    a key never matches a key of another band."""
    values = signature(norm)
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "big")).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def similarity(a: str, b: str) -> float:
    """How alike two normalised texts are (0-100) when they are the same quotation, else 0: the
    whole-text ratio if at least ``SAME_RATIO``, or the excerpt ratio if at least
    ``EXCERPT_RATIO`` and the shorter is long enough to be a real excerpt. rapidfuzz's
    ``score_cutoff`` lets it give up early on the many candidates that are not."""
    score = fuzz.ratio(a, b, score_cutoff=SAME_RATIO)
    if len(min(a, b, key=len)) >= MIN_EXCERPT_CHARS:
        score = max(score, fuzz.partial_ratio(a, b, score_cutoff=EXCERPT_RATIO))
    return score


def same_quotation(a: str, b: str) -> bool:
    return a == b or similarity(a, b) >= SAME_RATIO


@dataclass(frozen=True)
class WordChange:
    """One difference between the canonical wording and a member's: ``op`` is ``replace``,
    ``delete`` (words the member lacks) or ``insert`` (words only the member has)."""

    op: str
    canonical: str
    member: str


def word_changes(canonical: str, member: str) -> list[WordChange]:
    """Word-level differences of two normalised texts (difflib's opcodes over words)."""
    a, b = canonical.split(), member.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return [WordChange(op, " ".join(a[i1:i2]), " ".join(b[j1:j2]))
            for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]
