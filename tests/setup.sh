# tests/setup.sh: sourced by every shell test: a predictable environment.
export LC_ALL=C
export TZ=UTC
unset NH3CAT_RULES 2>/dev/null || true
