#!/usr/bin/env bash
# Runs the benchmarks: VibeVault ORM beside hand-written JDBC, Hibernate and jOOQ.
#
#   bench/run.sh                 # everything: SQLite, PostgreSQL, MariaDB (10-14 min on 2 cores)
#   bench/run.sh --quick         # fewer, shorter samples (< 4 min)
#   bench/run.sh --databases sqlite,postgresql
#   BENCH_JAVA_OPTS=-Dvibevault.bench.db=bench_mine bench/run.sh   # another server database
#
# Per database: one JVM runs W1-W8 and W10 (it creates and loads the data), then a JVM with a
# 64 MB heap runs W9 on the same data. A server that does not answer is skipped with a note.
# Where Django is installed (Debian's python3-django), bench/django adds a Django column on SQLite.
# Prints the table and writes bench/target/results.json (and results-detail.json, table.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=""
DATABASES="sqlite,postgresql,mariadb"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK="--quick" ;;
    --databases) DATABASES="$2"; shift ;;
    *) echo "usage: bench/run.sh [--quick] [--databases sqlite,postgresql,mariadb]" >&2; exit 2 ;;
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

IFS=',' read -r -a DBS <<< "$DATABASES"
for db in "${DBS[@]}"; do
  case "$db" in
    postgresql) if ! answers 127.0.0.1 5432; then echo "PostgreSQL does not answer on 127.0.0.1:5432: skipped"; continue; fi ;;
    mariadb) if ! answers 127.0.0.1 3306; then echo "MariaDB does not answer on 127.0.0.1:3306: skipped"; continue; fi ;;
  esac
  echo "== $db: W1-W8, W10"
  java $MAIN_JVM -cp "$CP" io.vibevault.bench.harness.Bench --db "$db" $QUICK --mode main \
    --target bench/target --out "bench/target/raw-$db.jsonl"
  echo "== $db: W9 (64 MB heap)"
  java $STREAM_JVM -cp "$CP" io.vibevault.bench.harness.Bench --db "$db" $QUICK --mode stream \
    --target bench/target --out "bench/target/raw-$db.jsonl"
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
