# Sourced by .ci/run: installs Debian's PostgreSQL if needed, starts a throwaway cluster on a
# private Unix socket and exports QUOTEGRAPH_TEST_PG_URL for the tests.
:
