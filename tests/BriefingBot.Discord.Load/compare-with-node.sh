#!/usr/bin/env bash
# Runs a minimal Node.js endpoint (reference-endpoint.js) and the bot's Discord HTTP mode (the real program, Release)
# one after the other under the same wrk load — signed, distinct interactions, both on 127.0.0.1 — and prints both
# figures and their ratio. Installs nothing. Run from anywhere:
#   tests/BriefingBot.Discord.Load/compare-with-node.sh
# Settings (environment): CONNECTIONS (32), DURATION (15s), WARMUP (3s), REQUESTS signed in advance (600000: at 19,000 a second on a quiet machine, 300000 ran out and repeats flattered the bot).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
CONNECTIONS=${CONNECTIONS:-32} DURATION=${DURATION:-15s} WARMUP=${WARMUP:-3s} REQUESTS=${REQUESTS:-600000}
NODE_PORT=${NODE_PORT:-8090} BOT_PORT=${BOT_PORT:-8089}
# The warm-up uses the first interactions and the measured run the rest, so the bot never sees one twice (a repeat
# is acknowledged with 202 without an answer, which would flatter it).
MEASURE_FROM=${MEASURE_FROM:-60000}

missing=()
command -v dotnet >/dev/null || missing+=("dotnet (the .NET 10 SDK: https://dot.net)")
command -v node >/dev/null || missing+=("node (Node.js 18 or later: apt-get install nodejs)")
command -v wrk >/dev/null || missing+=("wrk (apt-get install wrk)")
if ((${#missing[@]})); then
  printf 'This script needs, and did not find:\n' >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 2
fi

work=$(mktemp -d)
server=""
stop_server() { if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi; }
trap 'stop_server; rm -rf "$work"' EXIT

echo "Building the program and the load project (Release)…"
dotnet build -c Release -nologo -v q "$root/src/BriefingBot/BriefingBot.csproj" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet build -c Release -nologo -v q "$here/BriefingBot.Discord.Load.csproj" >>"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
bot_dll="$root/src/BriefingBot/bin/Release/net10.0/BriefingBot.dll"
load_dll="$here/bin/Release/net10.0/BriefingBot.Discord.Load.dll"

wait_for_port() {
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "nothing listens on 127.0.0.1:$1 after 60 s" >&2; return 1
}

# One signed interaction, posted once, so the figures below are known to be real answers.
show_answer() {
  REQUESTS_FILE="$work/requests.txt" URL="$1" node -e '
    const line = require("fs").readFileSync(process.env.REQUESTS_FILE, "utf8").split("\n")[1].split("\t");
    fetch(process.env.URL, { method: "POST", body: line[2], headers: { "Content-Type": "application/json",
      "X-Signature-Timestamp": line[0], "X-Signature-Ed25519": line[1] } })
      .then(async r => console.log(`  one request: ${r.status} ${(await r.text()).slice(0, 110)}…`));'
}

# The CPU time the server has used so far, in clock ticks (user + system, all its threads).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }

# Prints "rps p50 p99 non2xx requests cpu-us-per-request" of one wrk run.
measure() {
  local url=$1 name=$2
  START=0 REQUESTS="$work/requests.txt" wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -s "$work/signed.lua" "$url" >/dev/null
  # wrk reads every request before it connects: the CPU the server uses from here on is the measured run's.
  local ticks_before; ticks_before=$(cpu_ticks)
  START=$MEASURE_FROM REQUESTS="$work/requests.txt" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/signed.lua" "$url" >"$work/$name.wrk"
  local ticks=$(( $(cpu_ticks) - ticks_before ))
  local rps p50 p99 bad sent cpu
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/$name.wrk")
  p50=$(awk '$1 == "50%" {print $2}' "$work/$name.wrk")
  p99=$(awk '$1 == "99%" {print $2}' "$work/$name.wrk")
  bad=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$work/$name.wrk"); bad=${bad:-0}
  sent=$(awk '/requests in/ {print $1}' "$work/$name.wrk")
  if ((sent > REQUESTS - MEASURE_FROM)); then echo "  warning: $sent requests but only $((REQUESTS - MEASURE_FROM)) distinct; raise REQUESTS" >&2; fi
  cpu=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$sent" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
  echo "$rps $p50 $p99 $bad $sent $cpu"
}

echo "Signing $REQUESTS distinct /terms interactions…"
dotnet "$load_dll" emit "$work" "$REQUESTS" >/dev/null
key=$(cat "$work/public-key.txt")
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t1 -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up"

echo "Node $(node --version), reference-endpoint.js on 127.0.0.1:$NODE_PORT"
PUBLIC_KEY=$key PORT=$NODE_PORT node "$here/reference-endpoint.js" & server=$!
wait_for_port "$NODE_PORT"
show_answer "http://127.0.0.1:$NODE_PORT/discord/interactions"
read -r node_rps node_p50 node_p99 node_bad node_sent node_cpu < <(measure "http://127.0.0.1:$NODE_PORT/discord/interactions" node)
stop_server

echo "BriefingBot (Release), Discord HTTP mode on 127.0.0.1:$BOT_PORT, answering /terms"
(cd "$work" && BRIEFINGBOT_Discord__Token=load-test BRIEFINGBOT_Discord__Mode=Http \
  BRIEFINGBOT_Discord__ApplicationId=1145141919810899501 BRIEFINGBOT_Discord__PublicKey=$key \
  BRIEFINGBOT_Discord__HttpListenUrl=http://127.0.0.1:$BOT_PORT BRIEFINGBOT_Discord__ApiBaseUrl=http://127.0.0.1:9/api/v10 \
  BRIEFINGBOT_Storage__Path="$work/kb.db" BRIEFINGBOT_Logging__LogLevel__Default=Warning \
  exec dotnet "$bot_dll" >"$work/bot.log" 2>&1) & server=$!
wait_for_port "$BOT_PORT"
show_answer "http://127.0.0.1:$BOT_PORT/discord/interactions"
read -r bot_rps bot_p50 bot_p99 bot_bad bot_sent bot_cpu < <(measure "http://127.0.0.1:$BOT_PORT/discord/interactions" bot)
stop_server

# CPU per request is the server's own (wrk's excluded), so it reads the same on a busy machine as on a quiet one.
printf '\n%-12s %12s %9s %9s %8s %10s %16s\n' "" "requests/s" "p50" "p99" "non-2xx" "requests" "server CPU/req"
printf '%-12s %12s %9s %9s %8s %10s %13s µs\n' node "$node_rps" "$node_p50" "$node_p99" "$node_bad" "$node_sent" "$node_cpu"
printf '%-12s %12s %9s %9s %8s %10s %13s µs\n' briefingbot "$bot_rps" "$bot_p50" "$bot_p99" "$bot_bad" "$bot_sent" "$bot_cpu"
echo "ratio (bot / node): $(awk -v b="$bot_rps" -v n="$node_rps" 'BEGIN { printf "%.2f", b / n }')"
