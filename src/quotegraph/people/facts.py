"""What the words around one name mention state about the person."""

from __future__ import annotations

from dataclasses import dataclass, field

from .evidence import GenderEvidence


@dataclass
class MentionFacts:
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    evidence: list[GenderEvidence] = field(default_factory=list)
