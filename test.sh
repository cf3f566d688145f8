#!/usr/bin/env bash
# Runs every test of CxBot on a fresh machine: installs what the tests need, then builds and tests.
# The README's test command and .ci/run both run exactly this.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
if ((${#need_apt[@]})); then
  echo "Installing ${need_apt[*]} (Debian packages)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Microsoft's unmodified clients for the end-to-end tests (botframework-directlinejs, playwright-core).
(cd tests/CxBot.Web.Tests/e2e && npm ci --no-audit --no-fund --loglevel=error)

dotnet build CxBot.sln -c Release

# Both test assemblies run at once and interleave their output; the failures are repeated at the end, where a CI log's
# tail shows them.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test CxBot.sln -c Release --no-build --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
if ((status)); then
  echo
  echo "=== Failed tests (repeated from above) ==="
  grep -E -A30 '^\s+Failed [A-Za-z]' "$log" | grep -v -E '^\s+Passed ' | head -300 || true
fi
exit "$status"
