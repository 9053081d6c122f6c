#!/usr/bin/env bash
# Smoke test of the scale runtime on one machine: a standalone CJ simulator, two engine instances on
# PostgreSQL + Redis (BullMQ jobs, shared QPS budget), nginx in front. Checks through nginx that both
# instances answer, that the first scan runs exactly once across the two instances, and that a
# checkout placed through nginx is created and paid at the simulator exactly once.
# Needs: built packages (npm run build), PostgreSQL, Redis, nginx. Usage: deploy/smoke-scale.sh
# Ports: SMOKE_PORT (the store on instance A; B listens on +100), SMOKE_SIM_PORT, SMOKE_NGINX_PORT.
# Commands: SMOKE_LOJISTA and SMOKE_CJ_SIM (default: the built bins; the test runs the built dist/ too).
set -euo pipefail
cd "$(dirname "$0")/.."
PG_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
work=$(mktemp -d)
store=smoke$RANDOM
port=${SMOKE_PORT:-4700}; sim_port=${SMOKE_SIM_PORT:-4790}; nginx_port=${SMOKE_NGINX_PORT:-4799}
lojista=${SMOKE_LOJISTA:-node packages/engine/bin/lojista.js}
cjsim=${SMOKE_CJ_SIM:-node packages/cj-sim/bin/cj-sim.js}
started=$(date +%s)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  psql "$PG_URL" -qc "drop schema if exists store_$store cascade" >/dev/null 2>&1 || true
  redis-cli -u "$REDIS_URL" --scan --pattern "lojista:$store:*" 2>/dev/null | xargs -r redis-cli -u "$REDIS_URL" del >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "SMOKE FAILED: $*"; tail -20 "$work"/engine-*.log "$work"/nginx-error.log 2>/dev/null; exit 1; }
# Reads JSON on stdin and prints the expression over it (j).
at() { echo "[$(($(date +%s) - started)) s] $*"; }
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const j=JSON.parse(s);console.log($1)})"; }

$cjsim --port "$sim_port" --qps 6 --allow-local-webhooks >"$work/sim.log" 2>&1 & pids+=($!)
mkdir -p "$work/stores"
cat >"$work/stores/$store.yaml" <<YAML
name: Smoke
http: { port: $port, trustedProxies: ["127.0.0.1"] }
cj: { baseUrl: http://127.0.0.1:$sim_port/api2.0/v1, qps: 6 }
niche: { keywords: [amethyst, tarot cards] }
pricing: { fx: { rate: "0.92", date: "$(date -u +%F)" } }
catalog: { pointsBudgetPerScan: 500 }
schedules: { scanOnFirstStart: true, orderReconcile: 10s }
backups: { enabled: false }
YAML
token=$(openssl rand -hex 24)
echo "{\"adminToken\":\"$token\"}" >"$work/stores/$store.secrets.json"; chmod 600 "$work/stores/$store.secrets.json"
for offset in 0 100; do
  DATABASE_URL=$PG_URL REDIS_URL=$REDIS_URL LOJISTA_PORT_OFFSET=$offset LOJISTA_LOG_LEVEL=warn \
    $lojista serve --config-dir "$work/stores" --data-dir "$work/data" >"$work/engine-$offset.log" 2>&1 & pids+=($!)
done
sed -e "s/4002/$port/; s/4102/$((port + 100))/; s/listen 8080/listen $nginx_port/; s/lojista_astralmia/lojista_smoke/g" deploy/nginx/lojista.conf >"$work/site.conf"
cat >"$work/nginx.conf" <<NGINX
worker_processes 1; pid $work/nginx.pid; error_log $work/nginx-error.log;
events {}
http {
  log_format upstream '\$upstream_addr \$status \$request';
  access_log $work/nginx-access.log upstream;
  include $work/site.conf;
}
NGINX
ready=no
for _ in $(seq 1 90); do
  if curl -sf "http://127.0.0.1:$port/ready" >/dev/null && curl -sf "http://127.0.0.1:$((port + 100))/ready" >/dev/null; then ready=yes; break; fi
  sleep 1
done
[ "$ready" = yes ] || fail "the two instances did not become ready"
nginx -c "$work/nginx.conf" -p "$work"
sleep 1

at "both instances ready"
echo "== both instances behind nginx"
for _ in 1 2 3 4 5 6; do curl -sf "http://127.0.0.1:$nginx_port/health" >/dev/null || fail "GET /health through nginx"; done
echo "answered by: $(grep ' /health ' "$work/nginx-access.log" | cut -d' ' -f1 | sort | uniq -c | tr -s ' \n' ' ')"
[ "$(grep ' /health ' "$work/nginx-access.log" | cut -d' ' -f1 | sort -u | wc -l)" = 2 ] || fail "nginx did not reach both instances"

echo "== waiting for the first scan (runs once across both instances)"
done_runs=none
for _ in $(seq 1 120); do
  done_runs=$(curl -sf -H "authorization: Bearer $token" "http://127.0.0.1:$nginx_port/api/catalog/scans" | json 'j.items.filter(x=>x.status!=="running").length+"/"+j.items.length') || done_runs=none
  case "$done_runs" in 1/1) break ;; esac
  sleep 1
done
at "scan runs finished/total: $done_runs"
[ "$done_runs" = 1/1 ] || fail "the first scan did not finish exactly once"

echo "== checkout through nginx"
variant=$(curl -sf "http://127.0.0.1:$nginx_port/api/catalog?limit=1" | json 'j.items[0].variants.find(v=>v.available).id') || fail "GET /api/catalog through nginx"
body="{\"checkoutKey\":\"smoke-$RANDOM-0000000000\",\"lines\":[{\"variantId\":\"$variant\",\"quantity\":1}],\"customer\":{\"name\":\"Ana Silva\",\"email\":\"ana@example.pt\"},\"address\":{\"country\":\"PT\",\"city\":\"Lisboa\",\"zip\":\"1100-148\",\"address1\":\"Rua Augusta 10\"}}"
answer=$(curl -sf -X POST "http://127.0.0.1:$nginx_port/api/checkout" -H 'content-type: application/json' -d "$body") || fail "POST /api/checkout through nginx"
echo "${answer:0:200}"
status=none
for _ in $(seq 1 60); do
  status=$(curl -sf -H "authorization: Bearer $token" "http://127.0.0.1:$nginx_port/api/orders" | json 'j.items[0].status') || status=none
  [ "$status" = paid ] && break
  sleep 1
done
at "order status: $status"
created=$(curl -sf "http://127.0.0.1:$sim_port/_sim/ledger?kind=order" | json '(j.entries??j).length')
paid=$(curl -sf "http://127.0.0.1:$sim_port/_sim/ledger?kind=payment" | json '(j.entries??j).length')
echo "CJ orders created: $created, CJ payments: $paid"
[ "$status" = paid ] && [ "$created" = 1 ] && [ "$paid" = 1 ] || fail "the order was not created and paid at CJ exactly once"
echo "SMOKE OK in $(($(date +%s) - started)) s"
