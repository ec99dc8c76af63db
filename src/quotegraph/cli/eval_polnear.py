"""``quotegraph eval polnear``."""
