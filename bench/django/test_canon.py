"""The canonical text of Django's results must be the Java harness's (harness/Canon.java) to the
character. Needs no Django: python3 -m unittest discover -s bench/django -p 'test_*.py'"""

import datetime
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import canon  # noqa: E402

UTC = datetime.timezone.utc


class CanonTest(unittest.TestCase):
    def test_instant_prints_like_java(self):
        # Instant.toString(): no fraction when zero, else groups of three digits.
        t = datetime.datetime(2024, 1, 1, 8, 0, 0, tzinfo=UTC)
        self.assertEqual(canon.instant(t), "2024-01-01T08:00:00Z")
        self.assertEqual(canon.instant(t.replace(microsecond=919000)), "2024-01-01T08:00:00.919Z")
        self.assertEqual(canon.instant(t.replace(microsecond=7919)), "2024-01-01T08:00:00.007919Z")
        other = datetime.timezone(datetime.timedelta(hours=2))
        self.assertEqual(
            canon.instant(datetime.datetime(2024, 1, 1, 10, 0, 0, tzinfo=other)),
            "2024-01-01T08:00:00Z",
        )

    def test_memory_line_matches_jdbc(self):
        # Rows as the JDBC peer printed them for memories 2 and 1 (W4 adds the user).
        created = datetime.datetime(2024, 1, 1, 8, 0, 37, 7919, tzinfo=UTC)
        columns = (
            2, 1, "Memory #1", "A day", "photo", "memories/2024/01/01/photo1.jpg",
            {"words": 11, "sentiment": {"label": "positive", "score": 0.01}},
            "done", 1, False, created, created + datetime.timedelta(hours=1),
        )
        self.assertEqual(
            canon.memory_line(columns),
            "2|1|Memory #1|A day|photo|memories/2024/01/01/photo1.jpg"
            '|{"sentiment":{"label":"positive","score":0.01},"words":11}'
            "|done|1|false|2024-01-01T08:00:37.007919Z|2024-01-01T09:00:37.007919Z",
        )
        first = (1, 1, "Memory #0", "", "text", "", {"words": 10, "sentiment": {"score": 0.0}},
                 None, 0, True, created.replace(second=0, microsecond=0),
                 created.replace(second=0, microsecond=0))
        self.assertEqual(
            canon.memory_line(first, (1, "user00001")),
            '1|1|Memory #0||text||{"sentiment":{"score":0.0},"words":10}|null|0|true'
            "|2024-01-01T08:00:00Z|2024-01-01T08:00:00Z user=1/user00001",
        )

    def test_user_line_lists_memory_ids_like_java_list_to_string(self):
        self.assertEqual(canon.user_line(1, "u", "u@x", [50, 49]), "1|u|u@x|[50, 49]")
        self.assertEqual(canon.user_line(2, "v", "", []), "2|v||[]")


if __name__ == "__main__":
    unittest.main()
