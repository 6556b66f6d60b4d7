#!/usr/bin/env bash
# Load on the web application's simulate and scoring endpoints, measured with wrk on loopback.
#   bench/web/load.sh [SECONDS]      (default 20 s per run; installs wrk from Debian when missing)
# Starts `osteobiome serve --demo` on a fresh H2 database, creates an API token, then for 1, 8 and 64 connections runs
#   POST /api/projects/1/simulations   gut-bone-axis, ovx, 28 days, one observable (solved and stored each time)
#   POST /api/maps/1/score             one Karlsson 2013 sample against the demo map (scored and stored each time)
# and prints requests per second, p50 and p99 latency and the count of non-2xx replies.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN="${1:-20}"
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || sudo apt-get install -y wrk; }
PORT=7097
WORK="$(mktemp -d)"
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
./osteobiome serve --demo --port "$PORT" --data "$WORK/data" > "$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 600); do grep -q "is running at" "$WORK/serve.log" && break; sleep 1; done
grep -q "is running at" "$WORK/serve.log" || { cat "$WORK/serve.log"; exit 1; }
BASE="http://127.0.0.1:$PORT"
JAR="$WORK/cookies"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
TOKEN_FORM=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | csrf)
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "email=demo@osteobiome.local" --data-urlencode "password=osteobiome-demo" \
  --data-urlencode "_csrf=$TOKEN_FORM" --data-urlencode "next=/" "$BASE/login"
PAGE_CSRF=$(curl -s -c "$JAR" -b "$JAR" "$BASE/tokens" | csrf)
TOKEN=$(curl -s -c "$JAR" -b "$JAR" --data-urlencode "name=load" --data-urlencode "_csrf=$PAGE_CSRF" "$BASE/tokens" \
  | grep -o 'id="new-token">[^<]*' | sed 's/.*>//')
[ -n "$TOKEN" ] || { echo "could not create an API token"; exit 1; }

# the bodies: a simulation request, and a multipart upload of one sample's lineage table
printf '%s' '{"model": "gut-bone-axis", "scenario": "ovx", "t_end": 28, "step": 7, "observables": ["bv_tv_pct"]}' > "$WORK/simulate.json"
cut -f1,2 data/real/karlsson2013/taxatable.txt > "$WORK/her.tsv"
BOUNDARY=osteobiomeload
{ printf -- '--%s\r\nContent-Disposition: form-data; name="sample"; filename="her.tsv"\r\nContent-Type: text/tab-separated-values\r\n\r\n' "$BOUNDARY"
  cat "$WORK/her.tsv"; printf '\r\n--%s--\r\n' "$BOUNDARY"; } > "$WORK/score.body"
curl -s -f -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Content-Type: multipart/form-data; boundary=$BOUNDARY" \
  --data-binary @"$WORK/score.body" "$BASE/api/maps/1/score" || { echo "scoring does not answer 201"; exit 1; }
cat > "$WORK/post.lua" <<LUA
local f = io.open(os.getenv("BODY"), "rb"); wrk.body = f:read("*a"); f:close()
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.headers["Content-Type"] = os.getenv("TYPE")
done = function(summary, latency, requests)
  io.write(string.format("RESULT\t%.1f\t%.2f\t%.2f\t%d\t%d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.requests))
end
LUA
printf 'endpoint\tconnections\trequests/s\tp50 ms\tp99 ms\terrors\trequests\n'
run() { # name path body type connections
  local out
  out=$(BODY="$3" TYPE="$4" wrk -t "$(( $5 < 2 ? 1 : 2 ))" -c "$5" -d "${SECONDS_PER_RUN}s" --timeout 10s -s "$WORK/post.lua" "$BASE$2" | grep '^RESULT')
  printf '%s\t%s\t%s\n' "$1" "$5" "$(echo "$out" | cut -f2-)"
}
for c in 1 8 64; do
  run simulate /api/projects/1/simulations "$WORK/simulate.json" application/json "$c"
done
for c in 1 8 64; do
  run score /api/maps/1/score "$WORK/score.body" "multipart/form-data; boundary=$BOUNDARY" "$c"
done
