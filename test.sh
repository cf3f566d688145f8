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
dotnet test CxBot.sln -c Release --no-build --logger "console;verbosity=normal" "$@"
