#!/usr/bin/env bash
# Capacity the way traffic arrives: how many concurrent chats CxBot carries with reply p99 < 100 ms
# (docs/PERFORMANCE.md). Starts the built host(s) on this machine with load-test limits, runs
# `load --find-capacity` against them, and stops what it started.
#   tests/CxBot.Benchmarks/capacity.sh embedded     # one instance on the embedded SQLite store
#   tests/CxBot.Benchmarks/capacity.sh redis        # two instances sharing a redis-server started here (INSTANCES=1..4)
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
      DirectLine__RequestsPerMinutePerIp=1000000 DirectLine__ActivitiesPerMinutePerConversation=100000 \
      DirectLine__ConversationsPerMinutePerIp=100000 DirectLine__SecretRequestsPerMinute=10000000 \
      "$@" dotnet "$host" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/CxBot.Web" > "$work/$name/out.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/healthz/ready" >/dev/null 2>&1 && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || break
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
    for name in $(seq -s ' ' 1 "${INSTANCES:-2}" | sed 's/1/a/; s/2/b/; s/3/c/; s/4/d/'); do
      port=$(free_port); start_host "$name" "$port" Storage__Provider=Redis Storage__Redis="127.0.0.1:$rport,abortConnect=false"
      urls+=("http://127.0.0.1:$port")
    done ;;
  *) echo "usage: $0 embedded|redis [load options]" >&2; exit 2 ;;
esac

echo "$(date -u +%FT%TZ) mode=$mode cores=$(nproc) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
args=("$@")
if [[ ! " ${args[*]-} " =~ " --rate " ]] && [[ ! " ${args[*]-} " =~ " --find-capacity " ]]; then args=(--find-capacity "${args[@]}"); fi
# Customers ask the held-out evaluation questions (1,680, pl and en), so the answering model works for most answers
# rather than its embedding cache.
dotnet "$cli" load --url "$(IFS=,; echo "${urls[*]}")" --secret "$secret" --questions tests/data/kb-eval/test.jsonl "${args[@]}" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The server's side of the same run, from each instance's /metrics: where a reply's time went.
for url in "${urls[@]}"; do curl -s "$url/metrics" > "$work/metrics-${url##*:}.txt"; done
python3 - "$work"/metrics-*.txt <<'PY'
import re, sys
from collections import defaultdict
buckets, sums, counts = defaultdict(lambda: defaultdict(float)), defaultdict(float), defaultdict(float)
cpu = 0.0
for path in sys.argv[1:]:
    for line in open(path):
        m = re.match(r'^(\w+)\{([^}]*)\} (\S+)', line)
        if not m: continue
        name, labels, value = m.group(1), dict(re.findall(r'(\w+)="([^"]*)"', m.group(2))), float(m.group(3))
        key = lambda base: (base, labels.get("operation") or labels.get("kind") or "")
        if name.endswith("_bucket"): buckets[key(name[:-7])][float(labels["le"])] += value
        elif name.endswith("_sum"): sums[key(name[:-4])] += value
        elif name.endswith("_count"): counts[key(name[:-6])] += value
        elif name == "dotnet_process_cpu_time_seconds_total": cpu += value
def quantile(series, q):
    points = sorted(series.items()); total = points[-1][1]
    if total == 0: return float("nan")
    previous_le, previous = 0.0, 0.0
    for le, cumulative in points:
        if cumulative >= q * total:
            if le == float("inf"): return previous_le
            return previous_le + (le - previous_le) * (q * total - previous) / max(cumulative - previous, 1e-9)
        previous_le, previous = le, cumulative
replies = counts[("cxbot_reply_latency_seconds", "")]
print(f"server side (all instances, whole run incl. warm-up): {replies:.0f} replies; CPU of the CxBot processes {cpu:.0f} s")
for key in sorted(buckets):
    base, label = key
    if counts[key] == 0 or not (base.startswith("cxbot_reply") or base.startswith("cxbot_turn_duration") or base.startswith("cxbot_store")): continue
    name = base.replace("cxbot_", "").replace("_seconds", "") + (f"[{label}]" if label else "")
    print(f"  {name:32} {counts[key]:9.0f} calls ({counts[key] / max(replies, 1):4.1f} a reply)  mean {1000 * sums[key] / counts[key]:7.2f} ms"
          f"  p50 ~{1000 * quantile(buckets[key], 0.5):6.2f} ms  p99 ~{1000 * quantile(buckets[key], 0.99):7.2f} ms")
PY
exit "${status:-0}"
