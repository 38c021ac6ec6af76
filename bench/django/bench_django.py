"""The Django column of the benchmarks: W1-W8 with Django's ORM on the SQLite file the Java run
created and loaded (bench/target/bench.sqlite3), checked against hand-written JDBC's answers and
timed the way the Java harness times its peers (harness/Bench.java).

    /usr/bin/python3 bench/django/bench_django.py --target bench/target [--quick]

Run by bench/run.sh after the SQLite JVMs, with an interpreter that has Django (Debian's
python3-django). Reads bench/target/jdbc-answers-sqlite.json (JDBC's canonical answers, written by
the main JVM) and bench/target/raw-sqlite.jsonl (JDBC's operations per sample), appends one JSON
line per workload to bench/target/raw-sqlite-django.jsonl (impl "django"), which Report merges.
"""

import argparse
import datetime
import json
import os
import platform
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import django  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402

import canon  # noqa: E402

UTC = datetime.timezone.utc
BASE = datetime.datetime(2024, 1, 1, 8, 0, 0, tzinfo=UTC)
MEMORIES_PER_USER = 50


def configure(database):
    settings.configure(
        DEBUG=False,
        USE_TZ=True,
        TIME_ZONE="UTC",
        INSTALLED_APPS=["vvbench"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": database}},
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    django.setup()


def new_memory(i, users, prefix):
    """The i-th memory of a W6 batch, exactly as harness/Data.memory builds it."""
    media_type = ("text", "photo", "audio")[i % 3]
    metrics = {
        "words": 10 + i % 90,
        "sentiment": {
            "label": "negative" if i % 5 == 0 else "positive",
            "score": (i % 100) / 100.0,
        },
    }
    status = None if i % 4 == 0 else ("pending", "done", "failed")[i % 3]
    created = BASE + datetime.timedelta(seconds=i * 37, microseconds=i * 7919 % 1_000_000)
    return dict(
        user_id=i // MEMORIES_PER_USER + 1 if prefix == "" else i % users + 1,
        title=prefix + "Memory #%d" % i,
        text="A day to remember, number %d: we walked along the river, talked, and wrote it all"
        " down before dinner." % i,
        media_type=media_type,
        media_file="memories/2024/01/01/photo%d.jpg" % i if media_type == "photo" else "",
        metrics_json=metrics,
        analysis_status=status,
        like_count=i % 100,
        is_favorite=i % 7 == 0,
        created_at=created,
        updated_at=created + datetime.timedelta(hours=1),
    )


class Workloads:
    """W1-W8 written as Django's documentation recommends."""

    def __init__(self, users, memories, max_id):
        from vvbench.models import Memory, User

        self.Memory = Memory
        self.User = User
        self.users = users
        self.memories = memories
        self.max_id = max_id
        self.batch = [new_memory(i, users, "bulk ") for i in range(10_000)]
        self.w7_flip = 0

    def w1(self, n):
        return list(self.Memory.objects.filter(id__lte=10_000).order_by("id"))

    def w2(self, n):
        return self.Memory.objects.get(id=(n * 7919) % self.memories + 1)

    def w3(self, n):
        u = n % self.users + 1
        return list(
            self.Memory.objects.filter(user=u, like_count__gte=10).order_by("-created_at")[20:40]
        )

    def w4(self, n):
        return list(
            self.Memory.objects.filter(id__lte=1_000).select_related("user").order_by("id")
        )

    def w5(self, n):
        return list(
            self.User.objects.filter(id__lte=200).order_by("id").prefetch_related("memories")
        )

    def w6(self, n):
        objs = [self.Memory(**row) for row in self.batch]
        with transaction.atomic():
            self.Memory.objects.bulk_create(objs)
        return len(objs)

    def w7(self, n):
        # Alternates like the Java harness, so every call really changes the rows.
        status = self.Memory.AnalysisStatus
        to = status.DONE if self.w7_flip % 2 == 0 else status.FAILED
        self.w7_flip += 1
        return self.Memory.objects.filter(
            user__lte=20, media_type=self.Memory.MediaType.PHOTO
        ).update(analysis_status=to)

    def w8(self, n):
        rows = (
            self.Memory.objects.values("media_type")
            .annotate(count=Count("id"))
            .order_by("media_type")
        )
        return ["%s=%d" % (r["media_type"], r["count"]) for r in rows]

    def cleanup_w6(self):
        """Removes what W6 inserted, untimed, with the same statement as the Java fixture."""
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM memories WHERE id > %s", [self.max_id])

    def w7_statuses(self):
        """The statuses of the rows W7 updates (untimed), to put back afterwards."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, analysis_status FROM memories WHERE user_id <= %s AND media_type = %s",
                [20, "photo"],
            )
            return cursor.fetchall()

    def restore_w7_statuses(self, rows):
        """Puts back what w7_statuses read, as the Java harness does after its W7 (untimed)."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE memories SET analysis_status = %s WHERE id = %s",
                [(status, pk) for pk, status in rows],
            )

    def inserted_rows(self):
        """The rows W6 left, as the harness reads back every peer's inserts: canon minus id."""
        rows = self.Memory.objects.filter(id__gt=self.max_id).order_by("id")
        return [line[line.index("|"):] for line in self.canon(list(rows))]

    def canon(self, result):
        if isinstance(result, list):
            return [self.one(o) for o in result]
        return [self.one(result)]

    def one(self, o):
        if isinstance(o, self.Memory):
            user_field = self.Memory._meta.get_field("user")
            user = (o.user.id, o.user.username) if user_field.is_cached(o) else None
            return canon.memory_line(
                (
                    o.id,
                    o.user_id,
                    o.title,
                    o.text,
                    o.media_type,
                    o.media_file.name,
                    o.metrics_json,
                    o.analysis_status,
                    o.like_count,
                    o.is_favorite,
                    o.created_at,
                    o.updated_at,
                ),
                user,
            )
        if isinstance(o, self.User):
            # .all() answers from the prefetch cache: no query here.
            return canon.user_line(o.id, o.username, o.email, [m.id for m in o.memories.all()])
        return str(o)


def first_difference(expected, got):
    for i, (a, b) in enumerate(zip(expected, got)):
        if a != b:
            return "row %d: expected %s but got %s" % (i, a, b)
    return "expected %d rows but got %d" % (len(expected), len(got))


def jdbc_ops_per_sample(raw):
    """JDBC's operations per sample per workload from the same run (every peer runs that count)."""
    out = {}
    if os.path.exists(raw):
        with open(raw) as f:
            for line in f:
                if line.strip():
                    n = json.loads(line)
                    if n.get("impl") == "jdbc" and n.get("status") == "ok":
                        out[n["workload"]] = n["ops_per_sample"]
    return out


class Runner:
    """Checks and times each workload like harness/Bench.java: an untimed run checked against
    JDBC's answer, a warm-up, then rounds of samples of the same number of operations as JDBC's."""

    def __init__(self, workloads, answers, ops_jdbc, quick, out_path, versions):
        self.w = workloads
        self.answers = answers
        self.ops_jdbc = ops_jdbc
        self.quick = quick
        self.out_path = out_path
        self.versions = versions

    def emit(self, workload, status, median=None, note=None, extra=None):
        line = {"workload": workload, "database": "sqlite", "impl": "django",
                "status": status, "median_ns": median}
        if note is not None:
            line["note"] = note
        line.update(extra or {})
        line.update(self.versions)
        with open(self.out_path, "a") as f:
            f.write(json.dumps(line) + "\n")

    def check(self, wid, op, cleanup):
        """None when Django's answer is JDBC's, else what differs (or the error)."""
        expected = self.answers[wid]
        try:
            # The key the Java check run uses (n = 0).
            lines = self.w.canon(op(0))
            effect = self.w.inserted_rows() if wid == "W6" else None
        finally:
            if cleanup:
                cleanup()
        if lines != expected["lines"]:
            return first_difference(expected["lines"], lines)
        if effect is not None and effect != expected.get("effect"):
            return "inserted rows differ: " + first_difference(expected.get("effect") or [], effect)
        return None

    def run(self, wid):
        op = getattr(self.w, wid.lower())
        cleanup = self.w.cleanup_w6 if wid == "W6" else None
        if wid not in self.answers:
            print("[sqlite] %-3s django     not checked (JDBC did not run it): skipped" % wid)
            return
        before = self.w.w7_statuses() if wid == "W7" else None
        try:
            self.check_and_time(wid, op, cleanup)
        finally:
            if before is not None:
                # W7 leaves the statuses it flipped; later reruns are checked on the loaded rows.
                self.w.restore_w7_statuses(before)

    def check_and_time(self, wid, op, cleanup):
        try:
            diff = self.check(wid, op, cleanup)
        except Exception as e:  # reported like the Java peers' errors, never fatal
            print("[sqlite] %-3s django     ERROR: %r" % (wid, e))
            self.emit(wid, "error", note=repr(e))
            return
        if diff:
            print("[sqlite] %-3s django     MISMATCH: %s" % (wid, diff))
            self.emit(wid, "mismatch", note=diff)
            return
        n = 0
        warm = (0.3 if self.quick else 1.2) / (2 if wid == "W6" else 1)
        until = time.perf_counter() + warm
        done = 0
        while done < 3 or (time.perf_counter() < until and done < 100_000):
            n += 1
            op(n)
            if cleanup:
                cleanup()
            done += 1
        per_sample = self.ops_jdbc.get(wid)
        sized_by = "jdbc"
        if per_sample is None:
            # No JDBC count (JDBC's line is missing): sized like the harness, on Django's own time.
            sized_by = "django"
            one = None
            for _ in range(1 if cleanup else 5):
                n += 1
                t0 = time.perf_counter_ns()
                op(n)
                t = max(1, time.perf_counter_ns() - t0)
                one = t if one is None else min(one, t)
                if cleanup:
                    cleanup()
            per_sample = max(1, min(50_000, (40 if self.quick else 100) * 1_000_000 // one))
        if cleanup:
            per_sample = 1
        rounds = (3 if cleanup else 5) if self.quick else 11
        samples = []
        for _ in range(rounds):
            t0 = time.perf_counter_ns()
            for _ in range(per_sample):
                n += 1
                op(n)
            samples.append((time.perf_counter_ns() - t0) // per_sample)
            if cleanup:
                cleanup()
        samples.sort()
        median = samples[len(samples) // 2]
        self.emit(wid, "ok", median, extra={
            "min_ns": samples[0], "max_ns": samples[-1], "samples": len(samples),
            "ops_per_sample": per_sample, "sized_by": sized_by})
        print("[sqlite] %-3s django     median %14s ns  (min %s max %s; %d x %d ops)"
              % (wid, format(median, ","), format(samples[0], ","), format(samples[-1], ","),
                 len(samples), per_sample))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", default="bench/target")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", default="", help="e.g. W1,W2")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    answers_path = os.path.join(args.target, "jdbc-answers-sqlite.json")
    if not os.path.exists(answers_path):
        print("[sqlite] django: no %s (the SQLite main JVM writes it): skipped" % answers_path)
        return 0
    with open(answers_path) as f:
        answers = json.load(f)
    configure(os.path.abspath(os.path.join(args.target, "bench.sqlite3")))
    versions = {"django_version": django.get_version(),
                "python_version": platform.python_version()}
    runner = Runner(
        Workloads(answers["users"], answers["memories"], answers["max_id"]),
        answers["workloads"],
        jdbc_ops_per_sample(os.path.join(args.target, "raw-sqlite.jsonl")),
        args.quick,
        args.out or os.path.join(args.target, "raw-sqlite-django.jsonl"),
        versions,
    )
    only = [x for x in args.only.split(",") if x]
    started = time.perf_counter()
    for wid in ("W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8"):
        if not only or wid in only:
            runner.run(wid)
    runner.emit("W9", "n/a", note="n/a: streaming is measured in a 64 MB JVM")
    runner.emit("W10", "n/a", note="n/a: compiling SQL with no database is measured in the JVM")
    print("[sqlite] django %s on Python %s: %.1f s" % (
        versions["django_version"], versions["python_version"], time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
