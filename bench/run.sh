#!/usr/bin/env bash
# Runs the benchmarks: VibeVault ORM beside hand-written JDBC, Hibernate and jOOQ.
#
#   bench/run.sh                 # everything: SQLite, PostgreSQL, MariaDB (9-14 min on 2 cores)
#   bench/run.sh --quick         # fewer, shorter samples: a smoke test (4-5 min on a slow VM)
#   bench/run.sh --databases sqlite,postgresql
#   bench/run.sh --no-pin        # leave the servers and the workload thread where the scheduler puts them
#   BENCH_JAVA_OPTS=-Dvibevault.bench.db=bench_mine bench/run.sh   # another server database
#
# Per database: one JVM runs W1-W8 and W10 (it creates and loads the data), then a JVM with a
# 64 MB heap runs W9 on the same data. A server that does not answer is skipped with a note.
# On PostgreSQL and MariaDB the thread that runs the workloads is pinned to CPU 0 and the server to
# the other CPUs (taskset), put back as they were afterwards: see "Placement" in bench/README.md.
# Where Django is installed (Debian's python3-django), bench/django adds a Django column on SQLite.
# Prints the table and writes bench/target/results.json (and results-detail.json, table.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=""
DATABASES="sqlite,postgresql,mariadb"
PIN=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK="--quick" ;;
    --databases) DATABASES="$2"; shift ;;
    --no-pin) PIN=0 ;;
    *) echo "usage: bench/run.sh [--quick] [--databases sqlite,postgresql,mariadb] [--no-pin]" >&2; exit 2 ;;
  esac
  shift
done

START=$(date +%s)
echo "Building bench (profile 'bench')..."
if ! mvn -q -o -Pbench -pl bench -am package -DskipTests -Dspotless.check.skip=true; then
  # First run on this machine: Hibernate and jOOQ come from Maven Central. (If the offline build
  # failed for another reason, the online one fails the same way and says why.)
  echo "Offline build failed: building again with Maven Central reachable..."
  mvn -q -Pbench -pl bench -am package -DskipTests -Dspotless.check.skip=true
fi
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
rm -f bench/target/raw-*.jsonl bench/target/jdbc-answers-*.json

answers() { # host port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# One heap size for every peer; the main JVM's heap is fixed so GC sizing does not drift.
MAIN_JVM="-Xms1g -Xmx1g -XX:+UseG1GC ${BENCH_JAVA_OPTS:-}"
STREAM_JVM="-Xms64m -Xmx64m -XX:+UseG1GC ${BENCH_JAVA_OPTS:-}"

# Placement on a server database: a round trip to a server on the client's own CPU and one that
# wakes the other CPU differ by 2-3x (27 against 70 us for a MariaDB get), and the scheduler
# switches between the two within a round; pinned apart, every peer's round trips cross CPUs. Only
# the JVM's workload thread is pinned: its compiler and collector threads stay free to use the
# server's CPU while the server waits, as they do unpinned.
CLIENT_CPUS=""
SERVER_CPUS=""
if [ "$PIN" = 1 ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null && command -v ss >/dev/null; then
  CLIENT_CPUS=0
  SERVER_CPUS="1-$(( $(nproc) - 1 ))"
fi
SERVER_PID=""
SERVER_MASK=""
server_pid() { # the server process listening on port $1
  ss -Htlnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}
server_tree() { # the server process and its children (PostgreSQL's backends), as of now
  echo "$SERVER_PID"
  pgrep -P "$SERVER_PID" || true
}
pin_server() { # port
  SERVER_PID=$(server_pid "$1")
  if [ -z "$CLIENT_CPUS" ] || [ -z "$SERVER_PID" ] \
    || ! SERVER_MASK=$(taskset -p "$SERVER_PID" 2>/dev/null | awk '{print $NF}'); then
    SERVER_PID=""
    echo "Placement: not pinned (--no-pin, one CPU, no taskset/ss, or the server is not a local process of ours)"
    return 0
  fi
  local pid
  for pid in $(server_tree); do
    taskset -a -p -c "$SERVER_CPUS" "$pid" >/dev/null 2>&1 || true
  done
  echo "Placement: the workload thread on CPU $CLIENT_CPUS, the server (pid $SERVER_PID and its children) on CPUs $SERVER_CPUS"
}
unpin_server() { # every process of the server as it was, including children started meanwhile
  [ -n "$SERVER_PID" ] || return 0
  local pid
  for pid in $(server_tree); do
    taskset -a -p "$SERVER_MASK" "$pid" >/dev/null 2>&1 || true
  done
  SERVER_PID=""
}
trap unpin_server EXIT
trap 'unpin_server; exit 130' INT TERM

IFS=',' read -r -a DBS <<< "$DATABASES"
for db in "${DBS[@]}"; do
  case "$db" in
    postgresql) if ! answers 127.0.0.1 5432; then echo "PostgreSQL does not answer on 127.0.0.1:5432: skipped"; continue; fi ;;
    mariadb) if ! answers 127.0.0.1 3306; then echo "MariaDB does not answer on 127.0.0.1:3306: skipped"; continue; fi ;;
  esac
  PIN_THREAD=()
  case "$db" in
    postgresql) pin_server 5432 ;;
    mariadb) pin_server 3306 ;;
  esac
  if [ -n "$SERVER_PID" ]; then PIN_THREAD=(--pin-thread "$CLIENT_CPUS"); fi
  echo "== $db: W1-W8, W10"
  DB_START=$(date +%s)
  java $MAIN_JVM -cp "$CP" io.vibevault.bench.harness.Bench --db "$db" $QUICK --mode main \
    "${PIN_THREAD[@]}" --target bench/target --out "bench/target/raw-$db.jsonl"
  echo "== $db: W9 (64 MB heap)"
  java $STREAM_JVM -cp "$CP" io.vibevault.bench.harness.Bench --db "$db" $QUICK --mode stream \
    "${PIN_THREAD[@]}" --target bench/target --out "bench/target/raw-$db.jsonl"
  echo "$db: $(( $(date +%s) - DB_START )) s"
  unpin_server
done

# The Django column (SQLite only, the same file): Debian's python3-django is for /usr/bin/python3,
# which need not be the python3 on PATH (pyenv). Optional: a missing Django never fails the run.
if [[ ",$DATABASES," == *",sqlite,"* ]]; then
  DJANGO_PY=""
  for py in /usr/bin/python3 python3; do
    if "$py" -c 'import django' 2>/dev/null; then DJANGO_PY="$py"; break; fi
  done
  if [ -n "$DJANGO_PY" ]; then
    echo "== sqlite: Django W1-W8 ($DJANGO_PY)"
    DJANGO_START=$(date +%s)
    "$DJANGO_PY" bench/django/bench_django.py --target bench/target $QUICK \
      || echo "Note: the Django column failed (see above); the other columns stand."
    echo "Django column: $(( $(date +%s) - DJANGO_START )) s"
  else
    echo "Note: Django column skipped: python3-django is not installed (apt-get install python3-django)."
  fi
fi

java -cp "$CP" io.vibevault.bench.harness.Report bench/target
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Total: $(( $(date +%s) - START )) s"
