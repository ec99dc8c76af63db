"""``quotegraph eval news``."""
