#!/usr/bin/env python3
"""Fills a story's discussion straight into Byline's SQLite file (the app must be stopped).

Posting 100,000 comments through the API would measure the write path for minutes; this benchmark is about
reading, so rows are inserted in one transaction with the same shape the app writes: threads of replies with
RootId/Depth, UTC ticks for instants, rendered HTML, and the article's CommentCount kept equal to the rows.

usage: generate.py DB SLUG COUNT [SEED]
"""
import random
import sqlite3
import sys

TICKS_AT_EPOCH = 621355968000000000  # .NET ticks of 1970-01-01T00:00:00Z


def ticks(unix_seconds: float) -> int:
    return TICKS_AT_EPOCH + int(unix_seconds * 10_000_000)


def main() -> None:
    db_path, slug, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    words = ("levy harbour tide council budget forest wall river ferry fund vote port island "
             "review delegates minister shipping climate village 农场 東京 مرحبا 👍").split()
    db = sqlite3.connect(db_path)
    (article_id,) = db.execute("SELECT Id FROM Articles WHERE Slug = ?", (slug,)).fetchone()
    start = 1_735_689_600  # 2025-01-01
    rows = []  # (id, parent, root, depth)
    next_id = (db.execute("SELECT COALESCE(MAX(Id), 0) FROM Comments").fetchone()[0]) + 1
    cur = db.cursor()
    cur.execute("BEGIN")
    for i in range(count):
        # A third of the comments start threads; the rest answer a recent comment, as real discussions do.
        if not rows or rng.random() < 0.34:
            parent, root, depth = None, None, 1
        else:
            p = rows[max(0, len(rows) - 1 - int(rng.expovariate(1 / 40)))]
            if p[3] >= 4:
                parent, root, depth = p[1], p[2], 4
            else:
                parent, root, depth = p[0], (p[2] or p[0]), p[3] + 1
        text = " ".join(rng.choice(words) for _ in range(rng.randint(8, 40)))
        cur.execute(
            "INSERT INTO Comments (Id, ArticleId, ParentId, RootId, Depth, AuthorName, BodyMarkdown, BodyHtml, "
            "CreatedAt, Status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Approved')",
            (next_id, article_id, parent, root, depth, f"Reader {rng.randint(1, 5000)}", text, f"<p>{text}</p>",
             ticks(start + i * 30)))
        rows.append((next_id, parent, root, depth))
        next_id += 1
    cur.execute("UPDATE Articles SET CommentCount = CommentCount + ? WHERE Id = ?", (count, article_id))
    db.commit()
    roots = [r for r in rows if r[2] is None]
    # A cursor halfway down the list of threads (newest first), for the deep-page measurement.
    mid = roots[len(roots) // 2]
    created = db.execute("SELECT CreatedAt FROM Comments WHERE Id = ?", (mid[0],)).fetchone()[0]
    print(f"{created}-{mid[0]}")


if __name__ == "__main__":
    main()
