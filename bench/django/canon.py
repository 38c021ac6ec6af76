"""Django's results as the Java harness's canonical text (harness/Canon.java), with no Django
import, so the format can be tested by any Python 3 (test_canon.py).

A memory is its twelve columns joined by '|': numbers as integers, booleans as true/false, None as
null, JSON with sorted keys and no spaces (Jackson's compact output), date-times as Java's
Instant.toString() (UTC, 'Z', the fraction in groups of three digits); W4 adds ' user=id/username'.
A user (W5) is id|username|email|[memory ids, newest first]."""

import datetime
import json


def instant(value):
    """An aware datetime as java.time.Instant.toString() prints it."""
    utc = value.astimezone(datetime.timezone.utc)
    text = utc.strftime("%Y-%m-%dT%H:%M:%S")
    micros = utc.microsecond
    if micros == 0:
        fraction = ""
    elif micros % 1000 == 0:
        fraction = ".%03d" % (micros // 1000)
    else:
        fraction = ".%06d" % micros
    return text + fraction + "Z"


def value(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(int(v))
    if isinstance(v, dict):
        return json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    if isinstance(v, datetime.datetime):
        return instant(v)
    return str(v)


def memory_line(columns, user=None):
    """columns: the twelve values in table order; user: (id, username) when it was loaded."""
    line = "|".join(value(v) for v in columns)
    if user is not None:
        line += " user=%d/%s" % user
    return line


def user_line(user_id, username, email, memory_ids):
    return "%d|%s|%s|[%s]" % (user_id, username, email, ", ".join(str(i) for i in memory_ids))
