#!/usr/bin/env bash
# Capacity the way traffic arrives: how many concurrent chats CxBot carries with reply p99 < 100 ms
# (docs/PERFORMANCE.md). Starts the built host(s) on this machine with load-test limits, runs
# `load --find-capacity` against them, and stops what it started.
#   tests/CxBot.Benchmarks/capacity.sh embedded     # one instance on the embedded journal
#   tests/CxBot.Benchmarks/capacity.sh redis        # two instances sharing a redis-server started here
# Anything after the mode goes to the load command, e.g.
#   tests/CxBot.Benchmarks/capacity.sh embedded --start-rate 100 --step 50 --step-seconds 60
#   tests/CxBot.Benchmarks/capacity.sh redis --rate 150 --duration 120     # one open-loop rate instead of the search
# Build first: dotnet build CxBot.sln -c Release
set -euo pipefail
cd "$(dirname "$0")/../.."
mode="${1:-embedded}"; shift || true
root="$(pwd)"
host="$root/src/CxBot.Web/bin/Release/net10.0/CxBot.Web.dll"
cli="$root/src/CxBot.Cli/bin/Release/net10.0/CxBot.Cli.dll"
[[ -f "$host" && -f "$cli" ]] || { echo "Build first: dotnet build CxBot.sln -c Release" >&2; exit 2; }
work="$(mktemp -d /tmp/cxbot-capacity-XXXXXX)"
secret="capacity-$(date +%s)-0123456789"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

start_host() {   # start_host NAME PORT [ENV=VALUE…]
  local name="$1" port="$2"; shift 2
  mkdir -p "$work/$name"
  (cd "$work/$name" && exec env DirectLine__Secret="$secret" Storage__DataDirectory="$work/$name/data" \
      Serilog__MinimumLevel__Default=Warning Serilog__WriteTo__1__Args__path="$work/$name/logs/cxbot-.log" \
      DirectLine__RequestsPerMinutePerIp=10000000 DirectLine__ActivitiesPerMinutePerConversation=100000 \
      DirectLine__ConversationsPerMinutePerIp=100000 DirectLine__SecretRequestsPerMinute=10000000 \
      "$@" exec dotnet "$host" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/CxBot.Web" > "$work/$name/out.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/healthz/ready" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "host $name did not become ready:" >&2; cat "$work/$name/out.log" >&2; exit 1
}

urls=()
case "$mode" in
  embedded)
    port=$(free_port); start_host a "$port"; urls+=("http://127.0.0.1:$port") ;;
  redis)
    command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install redis-server)" >&2; exit 2; }
    rport=$(free_port); mkdir -p "$work/redis"
    redis-server --port "$rport" --bind 127.0.0.1 --save "" --appendonly yes --appendfsync everysec --dir "$work/redis" \
      --logfile "$work/redis/redis.log" &
    pids+=($!)
    for _ in $(seq 1 100); do redis-cli -p "$rport" ping >/dev/null 2>&1 && break; sleep 0.1; done
    for name in a b; do
      port=$(free_port); start_host "$name" "$port" Storage__Provider=Redis Storage__Redis="127.0.0.1:$rport,abortConnect=false"
      urls+=("http://127.0.0.1:$port")
    done ;;
  *) echo "usage: $0 embedded|redis [load options]" >&2; exit 2 ;;
esac

echo "$(date -u +%FT%TZ) mode=$mode cores=$(nproc) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
args=("$@")
if [[ ! " ${args[*]-} " =~ " --rate " ]] && [[ ! " ${args[*]-} " =~ " --find-capacity " ]]; then args=(--find-capacity "${args[@]}"); fi
dotnet "$cli" load --url "$(IFS=,; echo "${urls[*]}")" --secret "$secret" "${args[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
