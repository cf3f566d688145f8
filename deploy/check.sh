#!/usr/bin/env bash
# Validates the deployment files without Docker or a cluster:
#   YAML syntax and basic shape, the systemd unit, nginx.conf (when nginx is installed),
#   and that the Dockerfile's COPY sources exist in the repository and are not excluded from the context.
# Usage: deploy/check.sh      (NGINX_BIN=/path/to/nginx for an nginx that is not on PATH;
#                              not NGINX: nginx itself reads that variable)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"
failures=0
ok()   { printf '  ok    %s\n' "$*"; }
skip() { printf '  skip  %s\n' "$*"; }
fail() { printf '  FAIL  %s\n' "$*"; failures=$((failures + 1)); }

# --- YAML -----------------------------------------------------------------------------------------
echo "YAML"
py=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import yaml' 2>/dev/null; then py="$candidate"; break; fi
done
if [[ -z "$py" ]] && command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
  echo "  PyYAML missing: installing python3-yaml (Debian package)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-yaml >/dev/null
  for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import yaml' 2>/dev/null; then py="$candidate"; break; fi
  done
fi
if [[ -z "$py" ]]; then
  fail "no python3 with PyYAML (apt-get install python3-yaml)"
else
  # Syntax of every file, plus: Kubernetes documents have apiVersion/kind/metadata.name, and the
  # compose file has the services the README and nginx.conf name.
  if "$py" - "$here" <<'PY'
import pathlib, sys, yaml
here = pathlib.Path(sys.argv[1])
bad = 0
for path in sorted(list(here.rglob("*.yaml")) + list(here.rglob("*.yml"))):
    rel = path.relative_to(here.parent)
    try:
        docs = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
    except yaml.YAMLError as e:
        print(f"  FAIL  {rel}: {e}"); bad += 1; continue
    problems = []
    if "kubernetes" in path.parts:
        for d in docs:
            if not (isinstance(d, dict) and d.get("apiVersion") and d.get("kind") and (d.get("metadata") or {}).get("name")):
                problems.append("a document lacks apiVersion, kind or metadata.name")
    if path.name == "compose.yaml":
        services = (docs[0] or {}).get("services", {}) if docs else {}
        for name in ("redis", "cxbot-a", "cxbot-b", "nginx"):
            if name not in services:
                problems.append(f"service {name} missing")
        for name in ("cxbot-a", "cxbot-b"):
            env = (services.get(name) or {}).get("environment", {})
            if env.get("Storage__Provider") != "Redis":
                problems.append(f"{name}: Storage__Provider is not Redis")
    if problems:
        print(f"  FAIL  {rel}: " + "; ".join(problems)); bad += 1
    else:
        kinds = ", ".join(f"{d.get('kind')}/{d['metadata']['name']}" for d in docs if isinstance(d, dict) and d.get("kind")) or f"{len(docs)} document(s)"
        print(f"  ok    {rel} ({kinds})")
sys.exit(1 if bad else 0)
PY
  then :; else failures=$((failures + 1)); fi
fi

# --- systemd --------------------------------------------------------------------------------------
echo "systemd"
if command -v systemd-analyze >/dev/null 2>&1; then
  # verify loads the unit as systemd would and reports unknown keys, bad values and missing binaries.
  if out="$(systemd-analyze verify "$here/systemd/cxbot.service" 2>&1)" && [[ -z "$out" ]]; then
    ok "systemd-analyze verify deploy/systemd/cxbot.service"
  else
    fail "systemd-analyze verify deploy/systemd/cxbot.service:"; printf '%s\n' "$out" | sed 's/^/        /'
  fi
else
  skip "systemd-analyze not installed"
fi

# --- nginx ----------------------------------------------------------------------------------------
echo "nginx"
nginx_bin="${NGINX_BIN:-nginx}"
if command -v "$nginx_bin" >/dev/null 2>&1; then
  # The upstream names only resolve inside the compose network: test a copy pointing at 127.0.0.1,
  # with log and temporary paths in a scratch folder so no root-owned folder is needed.
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  sed -e 's/cxbot-a:8080/127.0.0.1:18081/; s/cxbot-b:8080/127.0.0.1:18082/' \
      -e "s#/var/log/nginx/access.log#$tmp/access.log#" \
      -e "s#^http {#http { client_body_temp_path $tmp/body; proxy_temp_path $tmp/proxy; fastcgi_temp_path $tmp/fastcgi; uwsgi_temp_path $tmp/uwsgi; scgi_temp_path $tmp/scgi;#" \
      "$here/compose/nginx.conf" > "$tmp/nginx.conf"
  if out="$("$nginx_bin" -t -q -p "$tmp" -e "$tmp/error.log" -c "$tmp/nginx.conf" -g "pid $tmp/nginx.pid;" 2>&1)"; then
    ok "nginx -t deploy/compose/nginx.conf (upstreams mapped to 127.0.0.1)"
  else
    fail "nginx -t deploy/compose/nginx.conf:"; printf '%s\n' "$out" | sed 's/^/        /'
  fi
else
  skip "nginx not installed (the compose setup runs it from the nginx:stable image)"
fi

# --- Dockerfile -----------------------------------------------------------------------------------
echo "Dockerfile"
if [[ -z "$py" ]]; then
  fail "needs python3 for the Dockerfile checks"
elif "$py" - "$here/Dockerfile" "$here/Dockerfile.dockerignore" <<'PY'
import glob, os, re, sys
dockerfile, ignorefile = sys.argv[1], sys.argv[2]
text = re.sub(r"\\\n", " ", open(dockerfile).read())          # join continuation lines
lines = [l.strip() for l in text.splitlines() if l.strip() and not l.strip().startswith("#")]
bad = 0
def report(ok, msg):
    global bad
    print(("  ok    " if ok else "  FAIL  ") + msg)
    bad += not ok

stages = [l.split()[1:] for l in lines if l.upper().startswith("FROM ")]
report(len(stages) >= 2, f"{len(stages)} FROM stages: " + ", ".join(" ".join(s) for s in stages))
names = {s[2].lower() for s in stages if len(s) >= 3 and s[1].upper() == "AS"}

# .dockerignore rules as Docker applies them: last matching pattern wins, "!" re-includes,
# "*" stays within a path segment, "**" spans segments, a matched folder excludes its contents.
def to_regex(p):
    out, i = "", 0
    while i < len(p):
        if p.startswith("**/", i): out += "(?:.*/)?"; i += 3
        elif p.startswith("**", i): out += ".*"; i += 2
        elif p[i] == "*": out += "[^/]*"; i += 1
        elif p[i] == "?": out += "[^/]"; i += 1
        else: out += re.escape(p[i]); i += 1
    return re.compile(out + "(?:/.*)?$")
rules = []
for raw in open(ignorefile).read().splitlines():
    raw = raw.strip()
    if not raw or raw.startswith("#"): continue
    neg = raw.startswith("!")
    rules.append((neg, to_regex(os.path.normpath(raw.lstrip("!").lstrip("/")))))
def ignored(path):
    result = False
    for neg, rx in rules:
        if rx.match(path): result = not neg
    return result

for line in lines:
    parts = line.split()
    if parts[0].upper() not in ("COPY", "ADD"): continue
    flags = [p for p in parts[1:] if p.startswith("--")]
    args = [p for p in parts[1:] if not p.startswith("--")]
    src_from = next((f.split("=", 1)[1] for f in flags if f.startswith("--from=")), None)
    if src_from is not None:
        report(src_from.lower() in names, f"COPY --from={src_from} names a stage")
        continue
    for src in args[:-1]:
        matches = glob.glob(src)
        if not matches:
            report(False, f"COPY source {src} does not exist"); continue
        excluded = [m for m in matches if ignored(os.path.normpath(m))]
        report(not excluded, f"COPY source {src} exists" + (f" but is excluded by the dockerignore: {excluded}" if excluded else " and is in the context"))

# Files the image needs that sit inside copied folders: they must not be excluded.
for path in ["src/CxBot/Sentiment/Model/sentiment-model.zip", "src/CxBot.Web/wwwroot/index.html",
             "src/CxBot.Web/appsettings.json"] + sorted(glob.glob("knowledge-base/*/*.md"))[:3]:
    report(os.path.exists(path) and not ignored(path), f"{path} exists and is in the context")
# And local state must stay out.
for path in ["src/CxBot.Web/data/cxbot.db", "src/CxBot.Web/node_modules", "src/CxBot/bin", "src/CxBot.Web/wwwroot/lib"]:
    report(ignored(path), f"{path} is excluded from the context")
sys.exit(1 if bad else 0)
PY
then :; else failures=$((failures + 1)); fi

# --- monitoring -----------------------------------------------------------------------------------
# The dashboard, Prometheus and the probes refer to names defined in the code: check they still exist.
echo "monitoring"
if [[ -z "$py" ]]; then
  fail "needs python3 for the monitoring checks"
elif "$py" - "$here" "$root" <<'PY'
import json, pathlib, re, sys, yaml
here, root = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
bad = 0
def report(ok, msg):
    global bad
    print(("  ok    " if ok else "  FAIL  ") + msg)
    bad += not ok

# Prometheus names of CxBot's instruments: the names in CxBotMetrics.cs, dots as underscores.
source = (root / "src/CxBot/Metrics/CxBotMetrics.cs").read_text()
instruments = {n.replace(".", "_") for n in re.findall(r'"(cxbot\.[a-z_.]+)"', source)}
report(len(instruments) >= 20, f"{len(instruments)} cxbot instruments defined in src/CxBot/Metrics/CxBotMetrics.cs")
def known(metric):
    for suffix in ("_bucket", "_sum", "_count", "_total", "_seconds"):
        if metric.endswith(suffix): metric = metric[: -len(suffix)]
    metric = metric[:-len("_seconds")] if metric.endswith("_seconds") else metric
    return metric in instruments

dashboard = json.loads((here / "grafana/cxbot-dashboard.json").read_text())
datasource_uid = yaml.safe_load((here / "grafana/provisioning/datasources/prometheus.yaml").read_text())["datasources"][0]["uid"]
exprs = [t["expr"] for p in dashboard["panels"] for t in p.get("targets", [])]
used = sorted({m for e in exprs for m in re.findall(r"\bcxbot_[a-z_]+", e)})
unknown = [m for m in used if not known(m)]
report(not unknown, f"dashboard: {len(exprs)} queries, {len(used)} cxbot metrics, all defined" + (f"; unknown: {unknown}" if unknown else ""))
uids = {p["datasource"]["uid"] for p in dashboard["panels"] if "datasource" in p}
report(uids == {datasource_uid}, f"dashboard panels use the provisioned data source uid {datasource_uid}")
unbalanced = [e for e in exprs if e.count("(") != e.count(")") or e.count("{") != e.count("}") or e.count("[") != e.count("]")]
report(not unbalanced, "dashboard queries have balanced brackets" + (f": {unbalanced}" if unbalanced else ""))

compose = yaml.safe_load((here / "compose/compose.yaml").read_text())
services = compose["services"]
for name in ("prometheus", "grafana"):
    report(services.get(name, {}).get("profiles") == ["monitoring"], f"compose: {name} is in the optional monitoring profile")
port = re.search(r":(\d+)$", services["cxbot-a"]["environment"].get("Metrics__ManagementUrl", "")).group(1)
targets = yaml.safe_load((here / "compose/prometheus.yml").read_text())["scrape_configs"][0]["static_configs"][0]["targets"]
report(sorted(targets) == [f"cxbot-a:{port}", f"cxbot-b:{port}"], f"prometheus.yml scrapes both instances on the management port {port}")
nginx = (here / "compose/nginx.conf").read_text()
report(port not in nginx, "nginx does not route the management port")
for mount in services["grafana"]["volumes"]:
    src = mount.split(":")[0]
    if not src.startswith("."): continue          # a named volume
    report((here / "compose" / src).resolve().exists(), f"grafana mount {src} exists")

health = (root / "src/CxBot.Web/Hosting/Health.cs").read_text()
paths = set(re.findall(r'MapHealthChecks\("([^"]+)"', health))
deployment = next(d for d in yaml.safe_load_all((here / "kubernetes/cxbot.yaml").read_text()) if d and d.get("kind") == "Deployment")
container = deployment["spec"]["template"]["spec"]["containers"][0]
probes = {k: container[k]["httpGet"]["path"] for k in ("readinessProbe", "livenessProbe", "startupProbe")}
report(probes["readinessProbe"] == "/healthz/ready" and probes["livenessProbe"] == "/healthz/live" and set(probes.values()) <= paths,
       f"kubernetes probes {probes} are mapped health endpoints")
report("/healthz/ready" in (here / "Dockerfile").read_text(), "the image's HEALTHCHECK asks /healthz/ready")
sys.exit(1 if bad else 0)
PY
then :; else failures=$((failures + 1)); fi

echo
if ((failures)); then echo "check.sh: $failures check group(s) failed"; exit 1; fi
echo "check.sh: all checks passed"
