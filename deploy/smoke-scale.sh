#!/usr/bin/env bash
# Smoke test of the scale runtime on one machine: a standalone CJ simulator, two engine instances on
# PostgreSQL + Redis (BullMQ jobs, shared QPS budget), nginx in front. Checks that both instances
# serve the store through nginx, that a checkout placed through nginx is created and paid at the
# simulator exactly once, and that a scan runs once across the two instances.
# Needs: built packages (npm run build), PostgreSQL, Redis, nginx. Usage: deploy/smoke-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PG_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
work=$(mktemp -d)
store=smoke$RANDOM
port=4700; sim_port=4790; nginx_port=4799
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  psql "$PG_URL" -qc "drop schema if exists store_$store cascade" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

node packages/cj-sim/dist/bin.js --port $sim_port --qps 6 --allow-local-webhooks >"$work/sim.log" 2>&1 & pids+=($!)
mkdir -p "$work/stores"
cat >"$work/stores/$store.yaml" <<YAML
name: Smoke
http: { port: $port, trustProxy: true }
cj: { baseUrl: http://127.0.0.1:$sim_port/api2.0/v1, qps: 6 }
niche: { keywords: [amethyst, tarot cards] }
pricing: { fx: { rate: "0.92", date: "$(date -u +%F)" } }
catalog: { pointsBudgetPerScan: 1500 }
schedules: { scanOnFirstStart: true, orderReconcile: 10s }
YAML
token=$(openssl rand -hex 24)
echo "{\"adminToken\":\"$token\"}" >"$work/stores/$store.secrets.json"; chmod 600 "$work/stores/$store.secrets.json"
for offset in 0 100; do
  DATABASE_URL=$PG_URL REDIS_URL=$REDIS_URL LOJISTA_PORT_OFFSET=$offset LOJISTA_LOG_LEVEL=warn \
    node packages/engine/dist/cli/main.js serve --config-dir "$work/stores" >"$work/engine-$offset.log" 2>&1 & pids+=($!)
done
sed -e "s/4002/$port/; s/4102/$((port + 100))/; s/listen 8080/listen $nginx_port/; s/lojista_astralmia/lojista_smoke/g" deploy/nginx/lojista.conf >"$work/site.conf"
cat >"$work/nginx.conf" <<NGINX
worker_processes 1; pid $work/nginx.pid; error_log $work/nginx-error.log;
events {}
http { access_log $work/nginx-access.log; include $work/site.conf; }
NGINX
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/ready" >/dev/null && curl -sf "http://127.0.0.1:$((port + 100))/ready" >/dev/null && break; sleep 1; done
nginx -c "$work/nginx.conf" -p "$work"
sleep 1
echo "== both instances behind nginx"
for i in 1 2 3 4; do curl -sf "http://127.0.0.1:$nginx_port/health" | head -c 120; echo; done
echo "== waiting for the first scan (runs once across both instances)"
for _ in $(seq 1 120); do
  done_runs=$(curl -sf -H "authorization: Bearer $token" "http://127.0.0.1:$nginx_port/catalog/scans" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s).items;console.log(r.filter(x=>x.status!=="running").length+"/"+r.length)})')
  case "$done_runs" in 1/1) break;; esac; sleep 2
done
echo "scan runs finished/total: $done_runs"
variant=$(curl -sf "http://127.0.0.1:$nginx_port/catalog?limit=1" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{console.log(JSON.parse(s).items[0].variants.find(v=>v.available).id)})')
echo "== checkout through nginx"
curl -sf -X POST "http://127.0.0.1:$nginx_port/checkout" -H 'content-type: application/json' -d "{\"checkoutKey\":\"smoke-$RANDOM-0000000000\",\"lines\":[{\"variantId\":\"$variant\",\"quantity\":1}],\"customer\":{\"name\":\"Ana Silva\",\"email\":\"ana@example.pt\"},\"address\":{\"country\":\"PT\",\"city\":\"Lisboa\",\"zip\":\"1100-148\",\"address1\":\"Rua Augusta 10\"}}" | head -c 300; echo
for _ in $(seq 1 30); do
  status=$(curl -sf -H "authorization: Bearer $token" "http://127.0.0.1:$nginx_port/orders" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items[0].status))')
  [ "$status" = paid ] && break; sleep 1
done
echo "order status: $status"
created=$(curl -sf "http://127.0.0.1:$sim_port/_sim/ledger?kind=order" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);console.log((j.entries??j).length)})')
paid=$(curl -sf "http://127.0.0.1:$sim_port/_sim/ledger?kind=payment" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);console.log((j.entries??j).length)})')
echo "CJ orders created: $created, CJ payments: $paid"
[ "$status" = paid ] && [ "$created" = 1 ] && [ "$paid" = 1 ] && [ "$done_runs" = 1/1 ] && echo "SMOKE OK" || { echo "SMOKE FAILED"; tail -20 "$work"/engine-*.log; exit 1; }
