#!/usr/bin/env python3
"""Refreshes the SQL shown in docs/*.md from what the guide tests recorded.

Run from the repository root after the guide tests ran on the three databases:

    VIBEVAULT_TEST_DATABASES=sqlite,postgresql,mariadb mvn -q test -pl orm-tests -am \
        -Dtest='io.vibevault.orm.tests.guide.**' -Dsurefire.failIfNoSpecifiedTests=false
    python3 docs/tools/fill-guide-sql.py

The tests write orm-tests/target/guide-sql/<backend>.txt (see GuideSql.java). Every block

    <!-- guide-sql: SqlBasicsGuideTest.select.all -->
    ...
    <!-- /guide-sql -->

is replaced by the statements recorded under that key, grouped where backends agree
(<!-- guide-sql-where: ... --> shows only the WHERE condition of a SELECT; "except=sqlite" after
the key leaves out backends where the example does not apply). A key
missing from any backend's file leaves its block untouched (a partial test run never blanks
the docs).
"""
import datetime
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = ROOT / "orm-tests" / "target" / "guide-sql"
BACKENDS = [("sqlite", "SQLite"), ("postgresql", "PostgreSQL"), ("mariadb", "MariaDB")]
BLOCK = re.compile(
    r"<!-- guide-sql(-where)?: (\S+)(?: except=(\S+))? -->\n.*?<!-- /guide-sql -->", re.S)
COLUMNS = ["id", "user_id", "title", "text", "media_type", "media_file", "metrics_json",
           "analysis_status", "created_at", "updated_at"]


def load(backend):
    entries, key = {}, None
    for line in (SOURCE / f"{backend}.txt").read_text().splitlines():
        if line.startswith("### "):
            key = line[4:].strip()
            entries[key] = []
        elif key is not None and line:
            entries[key].append(line)
    return entries


def normalise(line):
    for q in ('"', "`"):
        cols = ", ".join(f"{q}memories{q}.{q}{c}{q}" for c in COLUMNS)
        line = line.replace(cols, "<memory columns>")
    today = datetime.datetime.now(datetime.timezone.utc).date()
    for day in (today, today - datetime.timedelta(days=1)):
        line = re.sub(re.escape(day.isoformat()) + r"T[0-9:.]+Z", "<now>", line)
        line = line.replace(day.isoformat(), "<today>")
    return line


def where_only(line):
    """The condition of a SELECT: the text after WHERE, without ORDER BY, params kept."""
    sql, _, params = line.partition(" -- params: ")
    cond = sql.split(" WHERE ", 1)[1] if " WHERE " in sql else sql
    cond = re.split(r" ORDER BY | LIMIT ", cond)[0]
    return cond + (" -- params: " + params if params else "")


def render(key, recorded, where=False, skipped=()):
    groups = []  # [(labels, lines)]
    for backend, label in BACKENDS:
        if backend in skipped:
            continue
        lines = [normalise(l) for l in recorded[backend][key]]
        if where:
            lines = [where_only(l) for l in lines]
        for g in groups:
            if g[1] == lines:
                g[0].append(label)
                break
        else:
            groups.append(([label], lines))
    marker = f"guide-sql{'-where' if where else ''}: {key}"
    if skipped:
        marker += " except=" + ",".join(skipped)
    out = [f"<!-- {marker} -->", "```sql"]
    for labels, lines in groups:
        names = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
        out.append(f"-- {names}")
        out.extend(lines)
    out += ["```", "<!-- /guide-sql -->"]
    return "\n".join(out)


def main():
    recorded = {b: load(b) for b, _ in BACKENDS}
    missing = 0
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text()

        def replace(m):
            nonlocal missing
            key = m.group(2)
            skipped = tuple(m.group(3).split(",")) if m.group(3) else ()
            if any(key not in recorded[b] for b, _ in BACKENDS if b not in skipped):
                print(f"{page.name}: no SQL recorded for {key} on every backend; left as is")
                missing += 1
                return m.group(0)
            return render(key, recorded, where=m.group(1) is not None, skipped=skipped)

        new = BLOCK.sub(replace, text)
        if new != text:
            page.write_text(new)
            print(f"updated {page.name}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
