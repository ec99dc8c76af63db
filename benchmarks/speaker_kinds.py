"""Count what kind of thing the resolved speakers of an extraction are.

Reads ``quotegraph extract -f jsonl`` output and sorts every quote's speaker into: a resolved
person or organisation (``speaker_id`` set), an unnamed description kept as worded, a pronoun or
relative pronoun kept as the name (``who``, ``I``, ``which``: never a speaker), and no speaker.
The descriptions are listed by frequency so that a reader can judge which name a kind of source.

usage: quotegraph extract DIR... -f jsonl > out.jsonl && python benchmarks/speaker_kinds.py out.jsonl [--top 40]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

# written out here on purpose: the measure must not share the list the extractor filters with
_PRONOUNS = frozenset("""i me my we us our you your he him his she her it its they them their who whom whose
which that this these those one someone somebody anyone anybody everyone everybody nobody""".split())


def kinds(path: Path) -> tuple[Counter[str], Counter[str]]:
    counts: Counter[str] = Counter()
    wordings: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        for q in json.loads(line).get("quotes", []):
            name = q.get("speaker_name")
            if q.get("speaker_id"):
                counts["entity"] += 1
            elif not name:
                counts["none"] += 1
            elif name.lower() in _PRONOUNS:
                counts["pronoun"] += 1
            else:
                counts["description"] += 1
                wordings[name.lower()] += 1
    return counts, wordings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("jsonl", type=Path)
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    counts, wordings = kinds(args.jsonl)
    total = sum(counts.values())
    for kind in ("entity", "description", "pronoun", "none"):
        print(f"{kind:12} {counts[kind]:6}  {counts[kind] / max(total, 1):.3f}")
    print(f"{'quotes':12} {total:6}")
    for word, n in wordings.most_common(args.top):
        print(f"  {n:4}  {word}")


if __name__ == "__main__":
    main()
