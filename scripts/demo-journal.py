#!/usr/bin/env python3
"""Writes a realistic two-year demo journal as JSON Lines (to standard
output), for looking at charts and screens: one weekly reflection (three
sections, sometimes one skipped) with ratings most weeks (some missed), a few notes, slow trends with
noise, and tags such as `promotion` and `mentor` on some weeks. What a week
says leans with how it felt (good weeks tell of being thanked and speaking
up, hard ones of being overlooked), so the themes have something to find.

    python3 scripts/demo-journal.py > demo.jsonl
    trine --data-dir /tmp/demo import --format jsonl demo.jsonl

With --backup it writes a full Trine backup (JSON) instead: the same
entries, plus a check-in of the nine components every eight weeks that
drifts as the weeks do. From the second year the person is between roles
and rates their confidence too.

    python3 scripts/demo-journal.py --backup > demo.json
    trine --data-dir /tmp/demo import --format json demo.json
"""
import datetime
import json
import math
import random
import sys
import uuid

random.seed(7)
start = datetime.date(2024, 11, 25)  # a Monday
good = [
    "Spoke up in the planning meeting and the idea was taken.",
    "My manager thanked me in front of the team for the launch.",
    "Coffee with a mentor: we talked about what I want to be known for.",
    "Asked for the lead role on the next project.",
    "Helped two new joiners get set up; it felt natural.",
]
hard = [
    "Quiet week. Mostly heads-down work on the migration.",
    "Felt invisible in the all-hands; nobody mentioned the support work.",
    "Another deadline moved and the support tickets piled up; overlooked again.",
]
notes = good + hard
records = []
checkins = []
components = [
    "professional_identity", "self_regulation", "self_confidence",
    "feeling_seen", "feeling_known", "feeling_valued",
    "values_alignment", "voice", "community",
]
for week in range(104):
    monday = start + datetime.timedelta(weeks=week)
    if random.random() < 0.12:
        continue  # a missed week
    t = week / 104
    seen = 4 + 3 * t + math.sin(week / 6) + random.uniform(-1.2, 1.2)
    known = 5 + 1.5 * math.sin(week / 9) + random.uniform(-1, 1)
    valued = 3.5 + 4 * t + random.uniform(-1.5, 1.5)
    clamp = lambda v: max(1, min(10, round(v)))
    if week % 8 == 0:
        # Check-in scores: 1 fine as it is, 5 needs the most work; they
        # ease as the ratings rise, the confidence ones last.
        checkins.append({
            "taken": f"{(monday + datetime.timedelta(days=5)).isoformat()}T10:00:00Z",
            "scores": {
                key: max(1, min(5, round(4 - 2.5 * t + (0.8 if i < 3 and week > 60 else 0) + random.uniform(-0.7, 0.7))))
                for i, key in enumerate(components)
            },
            "note": "",
        })
    tags = []
    if 40 <= week <= 52 and week % 3 == 0:
        tags.append("promotion")
    if week % 7 == 0:
        tags.append("mentor")
    day = monday + datetime.timedelta(days=4)
    mood = (clamp(seen) + clamp(known) + clamp(valued)) / 3
    leaning = good if mood >= 5.5 else hard
    words = lambda: random.choice(leaning) if random.random() < 0.75 else random.choice(notes)
    sides = ["developmental", "emotional", "integration"]
    record = {
        "id": f"demo-{week}",
        "kind": "reflection",
        "week": monday.isoformat(),
        "datetime": f"{day.isoformat()}T18:30:00+01:00",
        "body": words(),
        # Now and then a side is skipped (empty) or left unanswered (a draft).
        "sections": [
            {"side": side, "text": "" if random.random() < 0.1 else words()}
            for side in sides
            if random.random() > 0.05
        ],
        "tags": tags,
        "ratings": {"seen": clamp(seen), "known": clamp(known), "valued": clamp(valued)},
    }
    if week >= 60:
        # Between roles: how confident in their direction, low at first.
        record["ratings"]["confident"] = clamp(2.5 + (week - 60) / 9 + random.uniform(-1, 1))
    records.append(record)
    if random.random() < 0.3:
        records.append(({
            "id": f"demo-note-{week}",
            "datetime": f"{(monday + datetime.timedelta(days=1)).isoformat()}T12:10:00+01:00",
            "title": "A note",
            "body": words(),
            "tags": tags[:1],
        }))

if "--backup" in sys.argv:
    def entry(record):
        full = dict(record)
        full["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, "trine-demo/" + record["id"]))
        full.setdefault("kind", "note")
        full.setdefault("title", "")
        full.setdefault("private", False)
        full.setdefault("ratings", {})
        full["date"] = record["datetime"][:10]
        full["updated"] = record["datetime"]
        if full["kind"] == "note":
            full.pop("week", None)
        return full
    for i, checkin in enumerate(checkins):
        checkin["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"trine-demo/checkin-{i}"))
    print(json.dumps({
        "format": "trine-journal",
        "version": 1,
        "exported": "2026-11-30T12:00:00Z",
        "entries": [entry(r) for r in records],
        "checkins": checkins,
        "settings": {},
    }, indent=1))
else:
    for record in records:
        print(json.dumps(record))
