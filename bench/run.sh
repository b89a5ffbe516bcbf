#!/usr/bin/env bash
# Load benchmark of Ticket Triage against a ceiling app on the same machine.
#
#   bash bench/run.sh --count 1000000 --duration 10
#
# Builds the service, the ceiling app and the data generator in Release; generates a database of
# --count tickets (or reuses bench/data/tickets-COUNT.db when it still fits the schema); starts the
# service on a copy of it and times its start-up to /health/ready; exports the whole tickets CSV
# while sampling the service's memory; runs each workload with wrk for --duration seconds at 32
# connections; then does the same for the ceiling app; runs the micro-benchmarks (triage, and the
# cost of reading a list page's rows without the service around it); prints the figures and writes
# them to bench/RESULTS.md (to a temporary file when CI=true, unless --results says where). Exits
# non-zero if the service does not start or any workload gets a non-2xx answer.
#
# With --provider postgres the service runs on PostgreSQL instead: the generated tickets are copied
# with the service's own migrate-data command into a server this script starts from Debian's
# binaries (installed with apt-get when missing) and keeps between runs, each run working on a copy
# of that database; results go to bench/RESULTS-postgres.md. The ceiling stays the SQLite one: it
# is what one machine can do, whatever the service stores into.
# Everything listens on 127.0.0.1 only, and every process started here is stopped on exit.
set -euo pipefail

usage() {
  # The comment block at the top of this file.
  sed -n '2,/^[^#]/{/^#/p}' "$0" | sed 's/^# \{0,1\}//'
  cat <<'EOF'
Options:
  --count N            tickets in the database (default 1000000)
  --duration S         seconds per workload (default 10)
  --warmup S           seconds of discarded load before each workload (default 15, or the duration when
                       that is under 10 s): long enough for .NET's tiered JIT to reach its steady state
  --connections C      concurrent connections (default 32)
  --threads T          wrk threads (default 2)
  --timeout S          wrk's request timeout, past which a request counts as a socket error (default 30)
  --micro-job JOB      BenchmarkDotNet job for the micro-benchmarks: short, dry, medium, or none (default short;
                       dry when CI=true; none with --provider postgres)
  --results FILE       where to write the results (default bench/RESULTS.md, bench/RESULTS-postgres.md with
                       --provider postgres; a temporary file when CI=true)
  --data-dir DIR       where generated databases are kept (default bench/data)
  --provider P         the service's database: sqlite or postgres (default sqlite)
  --postgres-dir DIR   where the PostgreSQL server keeps its copy of the tickets (default DATA-DIR/postgres,
                       or /var/tmp/ticket-triage-bench/postgres when run as root: the server runs as the
                       postgres user then, and must be able to reach it)
EOF
}

count=1000000
duration=10
warmup=""
connections=32
threads=2
timeout=30
micro_job=""
results=""
data_dir=""
provider=sqlite
postgres_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --micro-job) micro_job=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    --data-dir) data_dir=$2; shift 2 ;;
    --provider) provider=$2; shift 2 ;;
    --postgres-dir) postgres_dir=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

case "$provider" in
  sqlite|postgres) ;;
  *) echo "Unknown provider $provider: sqlite or postgres" >&2; exit 2 ;;
esac

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# A freshly started .NET process runs its hot paths as quickly-jitted code first and recompiles them
# with profile data over its first seconds under load: measured here, creates went 870, 1,500 and
# 2,480 req/s in three consecutive 4 s windows. Throughput is the steady state after that.
[ -n "$warmup" ] || warmup=$(( duration < 10 ? duration : 15 ))
# The micro-benchmarks do not depend on the service's database (the page-read one reads SQLite alone):
# RESULTS.md has them, so a PostgreSQL run leaves them out unless asked.
if [ "$provider" = postgres ]; then
  [ -n "$micro_job" ] || micro_job=none
fi
if [ "${CI:-}" = "true" ]; then
  [ -n "$micro_job" ] || micro_job=dry
fi
[ -n "$micro_job" ] || micro_job=short
data_dir=${data_dir:-bench/data}

work=$(mktemp -d)
if [ -z "$results" ]; then
  if [ "${CI:-}" = "true" ]; then
    results=$(mktemp --suffix=-RESULTS.md)
  elif [ "$provider" = postgres ]; then
    results=bench/RESULTS-postgres.md
  else
    results=bench/RESULTS.md
  fi
fi

pids=()
service_pid=""
failed=0
postmaster_pid=""
# Set when this run starts a PostgreSQL server: drops the run's copy and stops the server.
stop_postgres() { :; }
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  stop_postgres >/dev/null 2>&1 || true
  if [ "$status" -ne 0 ] && [ -d "$work" ]; then
    for log in "$work"/*.log; do
      [ -f "$log" ] || continue
      echo "---- last lines of $(basename "$log")" >&2
      tail -n 20 "$log" >&2
    done
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$SECONDS
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
say() { printf '== [%3ds] %s\n' "$(( SECONDS - started ))" "$*"; }

# ---------------------------------------------------------------- tools
if ! command -v wrk >/dev/null 2>&1; then
  say "installing wrk"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
for tool in curl awk; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required" >&2; exit 1; }
done

# ---------------------------------------------------------------- build
say "build (Release)"
for project in src/TicketTriage.Api bench/TicketTriage.Bench.Ceiling bench/TicketTriage.Bench.DataGenerator bench/TicketTriage.Bench.Triage bench/TicketTriage.Bench.PageRead; do
  dotnet build -c Release -nologo -v q -clp:ErrorsOnly "$project" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
done
service_dir=src/TicketTriage.Api/bin/Release/net10.0
ceiling_dir=bench/TicketTriage.Bench.Ceiling/bin/Release/net10.0

# ---------------------------------------------------------------- data
say "database of $count tickets"
mkdir -p "$data_dir"
data_file="$data_dir/tickets-$count.db"
dotnet bench/TicketTriage.Bench.DataGenerator/bin/Release/net10.0/TicketTriage.Bench.DataGenerator.dll \
  --count "$count" --out "$data_file" --reuse | tee "$work/generate.txt"
# The service (or migrate-data, on PostgreSQL) works on a copy: it migrates the schema and the create workload writes.
db="$work/tickets.db"
if [ "$provider" = sqlite ]; then
  cp "$data_file" "$db"
  db_size=$(du -m "$db" | cut -f1)
fi

# ---------------------------------------------------------------- helpers
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

now_ms() { date +%s%3N; }

rss_mb() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }
hwm_mb() { awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }
# Bytes the processes have caused to be written to storage (WAL and database file writes).
written_bytes() {
  local pid total=0 bytes
  for pid in "$@"; do
    bytes=$(awk '/^write_bytes/ { print $2 }' "/proc/$pid/io" 2>/dev/null || echo 0)
    total=$(( total + ${bytes:-0} ))
  done
  echo "$total"
}
# The processes whose writes a workload of PID causes: the service's own, and on PostgreSQL the
# server's (the postmaster and every process it started: backends, WAL writer, checkpointer).
storage_pids() {
  echo "$1"
  if [ "$1" = "$service_pid" ] && [ -n "$postmaster_pid" ]; then
    echo "$postmaster_pid"
    pgrep -P "$postmaster_pid" || true
  fi
}

# Samples a process's resident memory every 100 ms into a file until stopped; prints nothing.
start_sampler() {
  local pid=$1 out=$2
  : >"$out"
  ( while kill -0 "$pid" 2>/dev/null; do rss_mb "$pid" >>"$out"; echo >>"$out"; sleep 0.1; done ) &
  sampler_pid=$!
  pids+=("$sampler_pid")
}
stop_sampler() {
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  awk 'NF { if ($1 > max) max = $1 } END { print max + 0 }' "$1"
}

# Polls a URL until it answers 200; fails if the process dies or 60 s pass.
wait_ready() {
  local url=$1 pid=$2 deadline=$(( $(now_ms) + 60000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    kill -0 "$pid" 2>/dev/null || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null)" = "200" ] && return 0
    sleep 0.01
  done
  return 1
}

declare -A rps p50 p99 p90 non2xx errors rss alone written
names=()
token=""
auth=()

# run_wrk NAME PID URL SCRIPT [ARGS...]: warm up, then measure; records throughput, latency, errors and peak RSS.
run_wrk() {
  local name=$1 pid=$2 url=$3 script=$4
  shift 4
  local extra=()
  [ $# -gt 0 ] && extra=(-- "$@")
  local token_for=""
  case "$url" in */api/*) token_for=$token ;; esac
  BENCH_TOKEN=$token_for wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout "${timeout}s" -s "bench/wrk/$script" "$url" "${extra[@]}" >/dev/null 2>&1 || true
  start_sampler "$pid" "$work/rss-$name.txt"
  local written_before
  written_before=$(written_bytes $(storage_pids "$pid"))
  BENCH_TOKEN=$token_for wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout "${timeout}s" --latency -s "bench/wrk/$script" "$url" "${extra[@]}" >"$work/wrk-$name.txt" 2>&1 || true
  local written_after
  written_after=$(written_bytes $(storage_pids "$pid"))
  rss[$name]=$(stop_sampler "$work/rss-$name.txt")
  local line
  line=$(grep '^WRK_RESULT' "$work/wrk-$name.txt" || true)
  if [ -z "$line" ]; then
    echo "wrk did not finish for $name:" >&2
    cat "$work/wrk-$name.txt" >&2
    failed=1
    rps[$name]=0; p50[$name]=0; p90[$name]=0; p99[$name]=0; non2xx[$name]=0; errors[$name]=0; alone[$name]=0; written[$name]=0
    names+=("$name")
    return
  fi
  field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
  rps[$name]=$(field rps)
  p50[$name]=$(awk -v us="$(field p50_us)" 'BEGIN { printf "%.2f", us / 1000 }')
  p90[$name]=$(awk -v us="$(field p90_us)" 'BEGIN { printf "%.2f", us / 1000 }')
  p99[$name]=$(awk -v us="$(field p99_us)" 'BEGIN { printf "%.2f", us / 1000 }')
  non2xx[$name]=$(field non2xx)
  errors[$name]=$(( $(field connect) + $(field read) + $(field write) + $(field timeout) ))
  names+=("$name")
  written[$name]=$(awk -v b="$(( written_after - written_before ))" -v n="$(field requests)" 'BEGIN { if (n > 0) printf "%.1f", b / n / 1024; else print "n/a" }')
  alone[$name]=$(alone_ms "$url" "$script" "$token_for" "$@")
  printf '  %-15s %9s req/s  p50 %8s ms  p99 %8s ms  alone %7s ms  non-2xx %s  socket errors %s  peak RSS %s MB  written %s KB/req\n' \
    "$name" "${rps[$name]}" "${p50[$name]}" "${p99[$name]}" "${alone[$name]}" "${non2xx[$name]}" "${errors[$name]}" "${rss[$name]}" "${written[$name]}"
  if [ "${non2xx[$name]}" != "0" ] || [ "$(field connect)" != "0" ]; then
    echo "  !! $name: ${non2xx[$name]} non-2xx answers, $(field connect) connect errors" >&2
    failed=1
  fi
  if [ "$(field requests)" = "0" ]; then
    echo "  !! $name: no request completed within ${duration} s (timeout ${timeout} s)" >&2
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "  !! the process under test died during $name" >&2
    exit 1
  fi
}

# The median time of 5 requests sent one at a time, the server otherwise idle: the cost of the
# request itself, without the queueing of 32 connections on the machine's cores.
alone_ms() {
  local url=$1 script=$2 token_for=$3 cursor=${4:-}
  local args=(-s -o /dev/null -w '%{time_total}\n')
  [ -n "$token_for" ] && args+=(-H "Authorization: Bearer $token_for")
  case "$script" in
    create-ticket.lua) args+=(-X POST -H 'Content-Type: application/json' --data '{"title":"Printer on floor 3 shows offline","description":"Jobs stay in the queue since this morning; colleagues see the same.","impact":2,"urgency":2,"caller":"alone@example.com"}') ;;
    page.lua) url="$url?cursor=$cursor" ;;
  esac
  for _ in 1 2 3 4 5; do curl "${args[@]}" "$url"; done | sort -g | awk 'NR == 3 { printf "%.2f", $1 * 1000 }'
}

# ---------------------------------------------------------------- PostgreSQL
if [ "$provider" = postgres ]; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    say "installing postgresql"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  # PostgreSQL refuses to run as root; Debian's package creates the postgres user to run it as.
  as_postgres=()
  if [ "$(id -u)" -eq 0 ]; then
    as_postgres=(runuser -u postgres --)
    postgres_dir=${postgres_dir:-/var/tmp/ticket-triage-bench/postgres}
  else
    postgres_dir=${postgres_dir:-$data_dir/postgres}
  fi
  mkdir -p "$postgres_dir"
  postgres_dir=$(cd "$postgres_dir" && pwd)
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$postgres_dir"; fi
  as_server() { (cd "$postgres_dir" && "${as_postgres[@]}" "$@"); }
  if [ ! -f "$postgres_dir/data/PG_VERSION" ]; then
    say "PostgreSQL server in $postgres_dir"
    as_server "$pg_bin/initdb" -D "$postgres_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
      || { cat "$work/initdb.log" >&2; exit 1; }
  fi
  # A run killed before its clean-up leaves its server running, on a port no one knows any more.
  if as_server "$pg_bin/pg_ctl" -D "$postgres_dir/data" status >/dev/null 2>&1; then
    as_server "$pg_bin/pg_ctl" -D "$postgres_dir/data" -m fast -w stop >/dev/null
  fi
  pg_port=$(free_port)
  as_server "$pg_bin/pg_ctl" -D "$postgres_dir/data" -l "$postgres_dir/server.log" -w -t 120 start \
    -o "-p $pg_port -k $postgres_dir -c listen_addresses=127.0.0.1" >/dev/null \
    || { tail -n 20 "$postgres_dir/server.log" >&2; exit 1; }
  postmaster_pid=$(head -n 1 "$postgres_dir/data/postmaster.pid")
  pg_sql() { PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -p "$pg_port" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
  stop_postgres() {
    pg_sql -c "DROP DATABASE IF EXISTS bench_run WITH (FORCE)" || true
    as_server "$pg_bin/pg_ctl" -D "$postgres_dir/data" -m fast -w stop
  }
  pg_connection() { echo "Host=127.0.0.1;Port=$pg_port;Database=$1;Username=postgres"; }

  # The generated tickets are copied once per generated file and kept: the database's comment names
  # the file's size and time, so a regenerated file is copied again.
  source_db="tickets_$count"
  stamp="copied from a file of $(stat -c '%s bytes, modified %Y' "$data_file")"
  if [ "$(pg_sql -Atc "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$source_db'")" != "$stamp" ]; then
    say "copying the $count tickets into PostgreSQL with the service's migrate-data"
    pg_sql -c "DROP DATABASE IF EXISTS $source_db" -c "CREATE DATABASE $source_db"
    copy_start=$SECONDS
    cp "$data_file" "$db"
    (cd "$service_dir" && exec dotnet TicketTriage.Api.dll migrate-data --from "Data Source=$db" --to "$(pg_connection "$source_db")") \
      >"$work/migrate-data.log" 2>&1 || { cat "$work/migrate-data.log" >&2; exit 1; }
    cat "$work/migrate-data.log"
    pg_sql -c "COMMENT ON DATABASE $source_db IS '$stamp'"
    echo "  copied in $(( SECONDS - copy_start )) s"
  fi
  # Each run works on a copy, as the SQLite runs do: the create workload adds tickets.
  pg_sql -c "DROP DATABASE IF EXISTS bench_run" -c "CREATE DATABASE bench_run TEMPLATE $source_db"
  db_size=$(pg_sql -Atc "SELECT pg_database_size('bench_run') / 1048576")
  postgres_version=$(pg_sql -Atc "SHOW server_version" | awk '{ print $1 }')
  postgres_buffers=$(pg_sql -Atc "SHOW shared_buffers")
fi

# ---------------------------------------------------------------- the service
port=$(free_port)
base="http://127.0.0.1:$port"
# The background scans are off: they would act on the generated tickets whose time has come since the
# data was made (auto-close, SLA crossings) and write during the measurements.
# The per-caller write limit (500/s by default) is a policy, not a capacity: raised so that one token can load the service.
# image_env is the shipped image's environment (see the Dockerfile); the ceiling gets it too.
image_env=(MALLOC_ARENA_MAX=2)
service_env=(Urls="$base" Lifecycle__MonitorEnabled=false Sla__MonitorEnabled=false
  RateLimits__WritesPerSecond=100000 RateLimits__WriteBurst=1000000 "${image_env[@]}")
if [ "$provider" = postgres ]; then
  service_env+=(Database__Provider=Postgres ConnectionStrings__Tickets="$(pg_connection bench_run)")
else
  service_env+=(ConnectionStrings__Tickets="Data Source=$db")
fi
service_cli() { (cd "$service_dir" && exec env "${service_env[@]}" dotnet TicketTriage.Api.dll "$@"); }

# An Agent and a personal token, made with the service's own admin commands, as an operator would.
say "benchmark user and token"
printf 'bench-%s-%s-load-test\n' "$RANDOM" "$RANDOM" | service_cli users create --email bench@example.com --role Agent >>"$work/admin.log" 2>&1 \
  || { echo "Could not create the benchmark user." >&2; exit 1; }
token=$(service_cli tokens create --email bench@example.com --name load-test 2>>"$work/admin.log") \
  || { echo "Could not create the benchmark token." >&2; exit 1; }
auth=(-H "Authorization: Bearer $token")

say "service on $base"
start_ms=$(now_ms)
(cd "$service_dir" && exec env "${service_env[@]}" dotnet TicketTriage.Api.dll) >"$work/service.log" 2>&1 &
service_pid=$!
pids+=("$service_pid")
if ! wait_ready "$base/health/ready" "$service_pid"; then
  echo "The service did not become ready within 60 s." >&2
  exit 1
fi
startup_ms=$(( $(now_ms) - start_ms ))
startup_rss=$(rss_mb "$service_pid")
echo "  start-up to /health/ready: $startup_ms ms (RSS $startup_rss MB)"

# The whole CSV export, first, so that the high-water mark is the export's.
say "tickets CSV export"
start_sampler "$service_pid" "$work/rss-export.txt"
export_out=$(curl -s "${auth[@]}" -o /dev/null -w '%{http_code} %{time_total} %{size_download}' "$base/api/v1/reports/tickets.csv")
export_rss=$(stop_sampler "$work/rss-export.txt")
export_hwm=$(hwm_mb "$service_pid")
read -r export_status export_seconds export_bytes <<<"$export_out"
export_seconds=$(awk -v s="$export_seconds" 'BEGIN { printf "%.1f", s }')
export_mb=$(awk -v b="$export_bytes" 'BEGIN { printf "%.0f", b / 1048576 }')
echo "  status $export_status, $export_seconds s, $export_mb MB; peak RSS sampled $export_rss MB, VmHWM $export_hwm MB"
if [ "$export_status" != "200" ]; then
  echo "  !! the CSV export answered $export_status" >&2
  failed=1
fi

# The cursor of the 50th page, by following nextCursor from the first (fewer pages if there are fewer tickets).
cursor=""
deep_page=1
for _ in $(seq 1 49); do
  page_json=$(curl -s "${auth[@]}" "$base/api/v1/tickets${cursor:+?cursor=$cursor}")
  next=$(sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p' <<<"$page_json")
  [ -n "$next" ] || break
  cursor=$next
  deep_page=$(( deep_page + 1 ))
done

common_word=printer
rare_word=reykjavik
phrase='%22paper%20jam%22'
say "service workloads: ${duration}s each after ${warmup}s warm-up, $connections connections, $threads wrk threads"
run_wrk live "$service_pid" "$base/health/live" get.lua
run_wrk create "$service_pid" "$base/api/v1/tickets" create-ticket.lua
run_wrk filtered "$service_pid" "$base/api/v1/tickets?priority=P2&group=Network&status=InProgress" get.lua
run_wrk first_page "$service_pid" "$base/api/v1/tickets" get.lua
if [ -n "$cursor" ]; then
  run_wrk deep_page "$service_pid" "$base/api/v1/tickets" page.lua "$cursor"
else
  run_wrk deep_page "$service_pid" "$base/api/v1/tickets" get.lua
fi
run_wrk search_common "$service_pid" "$base/api/v1/tickets?q=$common_word" get.lua
run_wrk search_rare "$service_pid" "$base/api/v1/tickets?q=$rare_word" get.lua
run_wrk search_phrase "$service_pid" "$base/api/v1/tickets?q=$phrase" get.lua

# Read paths no workload loads, each timed alone: a view that reads and sorts all the tickets it matches
# shows here as hundreds of milliseconds at a million, where a seek takes a few.
say "other read paths, one request at a time (median of 5)"
read_paths=(
  "/api/v1/tickets?sort=priority"
  "/api/v1/tickets?sort=createdAt"
  "/api/v1/tickets?open=true"
  "/api/v1/tickets?open=false"
  "/api/v1/tickets?status=New&sort=priority"
  "/api/v1/tickets?group=Network&sort=priority"
  "/api/v1/tickets?group=Security&priority=P1&open=true"
  "/api/v1/tickets?updatedFrom=2025-01-01T00:00:00Z&updatedTo=2025-01-02T00:00:00Z"
  "/api/v1/tickets?q=net*"
  "/api/v1/tickets?q=$common_word&sort=-createdAt"
  "/api/v1/tickets?q=net*&sort=-createdAt"
  "/api/v1/tickets?q=$common_word&status=New&status=Closed&sort=createdAt"
  "/api/v1/tickets?q=INC$(printf '%07d' $(( (count + 1) / 2 )))"
  "/api/v1/tickets/$(( (count + 1) / 2 ))/history"
  "/api/v1/tickets?slaState=breached"
  "/api/v1/tickets?slaState=atRisk"
  "/api/v1/tickets?slaState=atRisk&slaState=paused&group=Network"
  "/api/v1/reports/summary"
  "/api/v1/reports/summary?group=Network"
)
read_table=$(
  echo "| request | alone ms | status |"
  echo "| --- | ---: | --- |"
  for path in "${read_paths[@]}"; do
    status=$(curl -s "${auth[@]}" -o /dev/null -w '%{http_code}' "$base$path")
    if [ "$status" != "200" ]; then
      echo "  !! $path answered $status" >&2
      failed=1
    fi
    echo "| \`GET $path\` | $(alone_ms "$base$path" get.lua "$token") | $status |"
  done
)
sed -n '3,$p' <<<"$read_table" | tr -d '|`' | awk '{ printf "  %-80s %8s ms  %s\n", $2, $3, $4 }'

service_hwm=$(hwm_mb "$service_pid")
load_rss=0
for name in "${names[@]}"; do
  [ "${rss[$name]}" -gt "$load_rss" ] && load_rss=${rss[$name]}
done
kill "$service_pid"
wait "$service_pid" 2>/dev/null || true

# ---------------------------------------------------------------- the ceiling
cport=$(free_port)
cbase="http://127.0.0.1:$cport"
say "ceiling on $cbase"
(
  cd "$ceiling_dir"
  exec env "${image_env[@]}" dotnet TicketTriage.Bench.Ceiling.dll --urls "$cbase" --database "$work/ceiling.db" --rows "$(( count < 100000 ? count : 100000 ))"
) >"$work/ceiling.log" 2>&1 &
ceiling_pid=$!
pids+=("$ceiling_pid")
wait_ready "$cbase/ping" "$ceiling_pid" || { echo "The ceiling app did not start." >&2; exit 1; }
run_wrk ceiling_ping "$ceiling_pid" "$cbase/ping" get.lua
run_wrk ceiling_insert "$ceiling_pid" "$cbase/items" create-ticket.lua
run_wrk ceiling_read "$ceiling_pid" "$cbase/items?group=Network" get.lua
kill "$ceiling_pid"
wait "$ceiling_pid" 2>/dev/null || true

# ---------------------------------------------------------------- micro-benchmarks
# run_micro NAME PROJECT [VAR=VALUE ...]: runs a BenchmarkDotNet project of bench/ with the micro job,
# logging to $work/NAME.log. BenchmarkDotNet looks for the project from the working directory.
run_micro() {
  local name=$1 project=$2
  shift 2
  say "$name benchmark (BenchmarkDotNet, job $micro_job)"
  (cd "bench/$project" && env "$@" dotnet "bin/Release/net10.0/$project.dll" --filter '*' --job "$micro_job" --artifacts "$work/bdn") \
    >"$work/$name.log" 2>&1 || { echo "The $name benchmark failed." >&2; exit 1; }
  grep '^|' "$work/$name.log" || true
}
# micro_result NAME METHOD FIELD: one figure from a benchmark's result line.
micro_result() { sed -n "s/^[A-Z_]*_RESULT method=$2 .*$3=\([0-9-]*\).*/\1/p" "$work/$1.log"; }
# micro_check NAME FIGURE...: stops the run when a benchmark gave no result.
micro_check() {
  local name=$1 figure
  shift
  for figure in "$@"; do
    if [ -z "$figure" ]; then
      echo "The $name benchmark gave no result:" >&2
      grep -i -E 'error|exception' "$work/$name.log" | head -20 >&2
      exit 1
    fi
  done
}

triage_shipped="" triage_large="" triage_alloc="" triage_table=""
page_read_ceiling="" page_read_ticket="" page_read_table=""
if [ "$micro_job" != "none" ]; then
  run_micro triage TicketTriage.Bench.Triage
  triage_table=$(grep '^|' "$work/triage.log" || true)
  triage_shipped=$(micro_result triage ShippedRules per_second)
  triage_large=$(micro_result triage GeneratedRules200 per_second)
  triage_alloc=$(micro_result triage ShippedRules allocated_bytes)
  micro_check triage "$triage_shipped" "$triage_large"

  run_micro page-read TicketTriage.Bench.PageRead TRIAGE_BENCH_DATABASE="$(realpath "$data_file")"
  page_read_table=$(grep '^|' "$work/page-read.log" || true)
  page_read_ceiling=$(micro_result page-read CeilingColumns per_second)
  page_read_ticket=$(micro_result page-read TicketColumns per_second)
  micro_check page-read "$page_read_ceiling" "$page_read_ticket"
fi

# ---------------------------------------------------------------- results
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }'; }
# verdict OK-CONDITION TEXT-IF-MISSED: awk expression over nothing but numbers.
verdict() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "**missed**: $2"; fi; }
fmt() { awk -v v="$1" 'BEGIN { printf "%.0f", v }'; }
dry_note="(Job dry runs each benchmark once, cold: it checks that the benchmark works and measures nothing.)"

labels=(
  "live:service GET /health/live"
  "create:create ticket (POST /api/v1/tickets)"
  "filtered:filtered first page (P2, Network, InProgress)"
  "first_page:first page, no filter"
  "deep_page:page $deep_page by cursor, no filter"
  "search_common:search, common word (q=$common_word)"
  "search_rare:search, rare word (q=$rare_word)"
  "search_phrase:search, phrase (q=\"paper jam\")"
  "ceiling_ping:ceiling GET /ping"
  "ceiling_insert:ceiling POST /items (one durable insert)"
  "ceiling_read:ceiling GET /items?group= (50 rows by index)"
)
counterpart() {
  case "$1" in
    live) echo ceiling_ping ;;
    create) echo ceiling_insert ;;
    filtered|first_page|search_*) echo ceiling_read ;;
    deep_page) echo first_page ;;
    *) echo "" ;;
  esac
}

table=$(
  echo "| workload | req/s | p50 ms | p90 ms | p99 ms | timeouts | alone ms | peak RSS MB | written KB/req | vs counterpart: throughput | p99 |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
  for entry in "${labels[@]}"; do
    name=${entry%%:*}
    label=${entry#*:}
    other=$(counterpart "$name")
    versus=""
    p99x=""
    if [ -n "$other" ]; then
      versus="$(pct "${rps[$name]}" "${rps[$other]}") of $other"
      p99x="$(ratio "${p99[$name]}" "${p99[$other]}")x"
    fi
    echo "| $label | $(fmt "${rps[$name]}") | ${p50[$name]} | ${p90[$name]} | ${p99[$name]} | ${errors[$name]} | ${alone[$name]} | ${rss[$name]} | ${written[$name]} | $versus | $p99x |"
  done
)

search_p99_max=$(printf '%s\n' "${p99[search_common]}" "${p99[search_rare]}" "${p99[search_phrase]}" | sort -g | tail -1)
targets=(
  "create >= 50% of ceiling insert throughput|$(pct "${rps[create]}" "${rps[ceiling_insert]}")|$(verdict "${rps[create]} >= 0.5 * ${rps[ceiling_insert]}" "needs $(fmt "$(awk -v c="${rps[ceiling_insert]}" 'BEGIN { print c / 2 }')") req/s, has $(fmt "${rps[create]}")")"
  "create p99 <= 2x ceiling insert p99|${p99[create]} ms vs ${p99[ceiling_insert]} ms ($(ratio "${p99[create]}" "${p99[ceiling_insert]}")x)|$(verdict "${p99[create]} <= 2 * ${p99[ceiling_insert]}" "$(ratio "${p99[create]}" "${p99[ceiling_insert]}")x, limit 2x")"
  "filtered first page >= 50% of ceiling indexed read|$(pct "${rps[filtered]}" "${rps[ceiling_read]}")|$(verdict "${rps[filtered]} >= 0.5 * ${rps[ceiling_read]}" "$(pct "${rps[filtered]}" "${rps[ceiling_read]}") of the ceiling, needs 50%")"
  "filtered first page p99 < 25 ms|${p99[filtered]} ms|$(verdict "${p99[filtered]} < 25" "$(ratio "${p99[filtered]}" 25)x the limit")"
  "keyword search p99 < 50 ms (worst of common, rare, phrase)|common ${p99[search_common]}, rare ${p99[search_rare]}, phrase ${p99[search_phrase]} ms|$(verdict "$search_p99_max < 50" "worst $search_p99_max ms, $(ratio "$search_p99_max" 50)x the limit")"
  "deep page within 1.5x a first page (p50 and p99)|p50 $(ratio "${p50[deep_page]}" "${p50[first_page]}")x, p99 $(ratio "${p99[deep_page]}" "${p99[first_page]}")x|$(verdict "${p50[deep_page]} <= 1.5 * ${p50[first_page]} && ${p99[deep_page]} <= 1.5 * ${p99[first_page]}" "p50 $(ratio "${p50[deep_page]}" "${p50[first_page]}")x, p99 $(ratio "${p99[deep_page]}" "${p99[first_page]}")x")"
  "whole CSV export < 20 s|$export_seconds s ($export_mb MB)|$(verdict "$export_seconds < 20" "$(ratio "$export_seconds" 20)x the limit")"
  "CSV export peak memory < 300 MB|$export_hwm MB (VmHWM; sampled $export_rss MB)|$(verdict "$export_hwm < 300" "$(( export_hwm - 300 )) MB over")"
  "start-up < 3 s|$startup_ms ms|$(verdict "$startup_ms < 3000" "$(ratio "$startup_ms" 3000)x the limit")"
  "memory under load < 250 MB|$load_rss MB (peak sampled VmRSS; VmHWM $service_hwm MB)|$(verdict "$load_rss < 250" "$(( load_rss - 250 )) MB over")"
)
if [ -n "$triage_shipped" ]; then
  targets+=("triage >= 200,000/s on one core (shipped rules; 200 rules)|$triage_shipped/s; $triage_large/s|$(verdict "$triage_shipped >= 200000 && $triage_large >= 200000" "shipped $triage_shipped/s, 200 rules $triage_large/s")")
fi
target_table=$(
  echo "| target | measured | verdict |"
  echo "| --- | --- | --- |"
  for t in "${targets[@]}"; do
    IFS='|' read -r what measured verdict_text <<<"$t"
    echo "| $what | $measured | $verdict_text |"
  done
)
if [ "$count" -ne 1000000 ]; then
  target_note="The targets are set for 1,000,000 tickets; this run has $count, so the verdicts only show the harness works."
else
  target_note="Verdicts are computed by run.sh from the figures above."
fi

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -s)
runtime=$(dotnet --list-runtimes 2>/dev/null | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }')
revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src 2>/dev/null || revision="$revision (with uncommitted changes in src/)"
load=$(cut -d' ' -f1-3 /proc/loadavg)
provider_option=""
[ "$provider" = sqlite ] || provider_option=" --provider $provider"

# Everything under the marker line of an existing results file is kept: it is written by hand.
marker='<!-- Written by hand below this line; bench/run.sh keeps it. -->'
analysis=""
if [ -f "$results" ] && grep -qF "$marker" "$results"; then
  # Compared as a whole line, not a pattern: the marker holds '/' and '.', which sed would misread.
  analysis=$(awk -v marker="$marker" 'found { print } $0 == marker { found = 1 }' "$results")
fi

{
  if [ "$provider" = postgres ]; then echo "# Benchmark results on PostgreSQL"; else echo "# Benchmark results"; fi
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($cpu), $mem memory, $os, .NET $runtime, wrk $(wrk -v 2>&1 | awk 'NR == 1 { print $2 }'),"
  echo "service at commit $revision. Load average (1, 5, 15 min) at the start of the run: $load_start; at the end: $load."
  echo "Everything ran on this one machine: wrk, the service and the ceiling app share its cores."
  if awk -v l="${load_start%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n) }'; then
    echo
    echo "**Other work was running on the machine** (load average above the core count when the run started): the figures are"
    echo "lower and noisier than on an idle machine, the service and the ceiling alike."
  fi
  echo
  echo "Reproduce: \`bash bench/run.sh --count $count --duration $duration${provider_option}\`"
  echo
  echo "## Setup"
  echo
  if [ "$provider" = postgres ]; then
    echo "- Database: PostgreSQL $postgres_version on this machine, $count generated tickets ($db_size MB database, with one history entry each and"
    echo "  the full-text index) made by \`bench/TicketTriage.Bench.DataGenerator\` into SQLite and copied with the service's \`migrate-data\`"
    echo "  (which leaves it vacuumed and analysed) in an earlier or this run; each run works on a copy (\`CREATE DATABASE ... TEMPLATE\`). The server runs"
    echo "  with initdb's defaults (fsync and synchronous_commit on, shared_buffers $postgres_buffers); its processes share the cores, and their memory"
    echo "  is not counted in the service's, their writes are (\`written\`)."
  else
    echo "- Database: $count generated tickets ($db_size MB file, with one history entry each and the full-text index), made by"
    if grep -q '^Reusing' "$work/generate.txt"; then
      echo "  \`bench/TicketTriage.Bench.DataGenerator\` in an earlier run and reused (same count, schema up to date)."
    else
      echo "  \`bench/TicketTriage.Bench.DataGenerator\` in $(sed -n 's/^  total *\([0-9.]* s\).*/\1/p' "$work/generate.txt")."
    fi
  fi
  if [ "$provider" = postgres ]; then storage="PostgreSQL through Npgsql's pool"; else storage="SQLite WAL, synchronous=FULL"; fi
  echo "- Each workload: wrk, $threads threads, $connections connections, ${duration} s after ${warmup} s of discarded warm-up (tiered JIT at steady state); the service runs with its"
  echo "  shipped settings ($storage; the image's \`${image_env[*]}\`, given to the ceiling too), background scans off (\`Lifecycle__MonitorEnabled=false\`,"
  echo "  \`Sla__MonitorEnabled=false\`), the per-caller write limit raised out of the way (\`RateLimits__WritesPerSecond\`), an Agent's"
  echo "  API token on every /api request, on a copy of the generated data."
  echo "- Ceiling: \`bench/TicketTriage.Bench.Ceiling\`, a minimal ASP.NET Core app doing the least work for the same kind of request"
  echo "  (plain Microsoft.Data.Sqlite, same durability settings, $(( count < 100000 ? count : 100000 )) items of about a ticket's size)."
  echo
  echo "## Service"
  echo
  echo "- Start-up to \`/health/ready\`: **$startup_ms ms** (RSS $startup_rss MB after start)."
  echo "- Whole tickets CSV export (\`GET /api/v1/reports/tickets.csv\`, curl): **$export_seconds s**, $export_mb MB, HTTP $export_status;"
  echo "  peak memory of the service during it: **$export_hwm MB** VmHWM, $export_rss MB highest sampled VmRSS."
  echo "- Memory under load: **$load_rss MB** highest VmRSS sampled every 100 ms during the workloads (VmHWM $service_hwm MB at the end)."
  echo
  echo "## Workloads"
  echo
  echo "$table"
  echo
  echo "Counterparts: create vs the ceiling's durable insert; lists and searches vs the ceiling's indexed read of 50 rows;"
  echo "the deep page vs the first page; the service's liveness probe vs the ceiling's ping. Latencies are wrk's, of the"
  echo "requests that completed; *timeouts* counts socket errors, mostly requests not answered within ${timeout} s. *alone* is the"
  echo "median of 5 requests sent one at a time after the load: the cost of one request without queueing. *written* is the"
  echo "process's storage writes (/proc/PID/io write_bytes; on PostgreSQL the server's processes' too) during the workload divided by"
  echo "the requests completed."
  echo
  echo "## Other read paths, one request at a time"
  echo
  echo "Views no workload loads, each the median of 5 requests sent alone after the workloads, on the same data."
  echo
  echo "$read_table"
  if [ -n "$triage_table" ]; then
    echo
    echo "## Triage (BenchmarkDotNet, job $micro_job, one core)"
    echo
    echo "A ~1 KB description that matches five terms of one rule; \`bench/TicketTriage.Bench.Triage\`."
    echo
    echo "$triage_table"
    echo
    echo "Throughput: shipped rules $triage_shipped triages/s; 200 rules $triage_large triages/s. Allocated per triage: $triage_alloc B."
    if [ "$micro_job" = "dry" ]; then
      echo
      echo "$dry_note"
    fi
  fi
  if [ -n "$page_read_table" ]; then
    echo
    echo "## Reading a list page's rows (BenchmarkDotNet, job $micro_job, one core)"
    echo
    echo "The filtered first page's 51 rows through the same index seek, read with Microsoft.Data.Sqlite alone: no EF, JSON"
    echo "or HTTP, a new command per page as the service and the ceiling make; \`bench/TicketTriage.Bench.PageRead\`."
    echo
    echo "$page_read_table"
    echo
    echo "Reading alone: the ceiling's 8 columns $page_read_ceiling pages/s, a ticket's 37 columns $page_read_ticket pages/s on one core."
    echo "On $(nproc) cores, reading a ticket page's rows and nothing else allows at most $(( page_read_ticket * $(nproc) )) pages/s: $(pct "$(( page_read_ticket * $(nproc) ))" "${rps[ceiling_read]}") of"
    echo "the ceiling's indexed read in this run, before the request's other work (EF, JSON, HTTP, the token lookup)."
    if [ "$micro_job" = "dry" ]; then
      echo
      echo "$dry_note"
    fi
  fi
  echo
  echo "## Targets"
  echo
  echo "$target_table"
  echo
  echo "$target_note"
  echo
  echo "$marker"
  if [ -n "$analysis" ]; then
    echo "$analysis"
  fi
} >"$results.tmp"
mv "$results.tmp" "$results"

say "results"
echo "$table"
echo
echo "$target_table"
echo
echo "Written to $results"
if [ "$failed" -ne 0 ]; then
  echo "FAILED: a workload got non-2xx answers or errors (see above)." >&2
  exit 1
fi
