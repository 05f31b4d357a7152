#!/usr/bin/env python3
"""Post a fixed, threaded set of comments to one Byline story (stdlib only).

    post_comments.py BASE_URL SLUG [--count 300] [--top-level 100] [--seed 42]

~1/3 top-level comments, the rest replies to random earlier comments of the
same story so that replies sit at depths 2-4. Bodies are 1-4 generated
sentences with some Markdown emphasis, a few in Chinese or Arabic, some emoji.
Prints one JSON summary line on stdout; exits non-zero if a comment was refused.
"""
import argparse
import http.client
import json
import random
import socket
import sys
import time
import urllib.parse

WORDS = (
    "tide harbour council flood wall mangrove budget engineer river delta "
    "village ferry report minister funding rain season coast sediment farmer "
    "shrimp storm pump levee map survey insurance school market road bridge "
    "estimate decade forecast salt water crop family district drainage plan"
).split()
OPENERS = [
    "I think", "Honestly,", "As someone who grew up near the coast,", "Interesting piece.",
    "Not sure I agree:", "Good reporting.", "My uncle farms there and", "The numbers suggest",
    "Worth remembering that", "Thanks for this.",
]
NON_LATIN = [
    "这篇报道很有意思，红树林确实能减缓海浪。",
    "我们村去年也被淹了，希望政府能听到。",
    "مقال رائع، نحتاج إلى المزيد من التقارير عن المناخ.",
    "شكراً على هذا التقرير المفصل.",
]
EMOJI = ["🌊", "🌱", "👍", "🙏", "😢", "🌧️", "🏝️", "💧", "👏🏽"]
AUTHORS = [
    "Mara Lind", "Tomás Ferreira", "Ayo Okafor", "Priya Nair", "Jonas Weber", "Lena Novak",
    "陈静", "王伟", "فاطمة الزهراء", "عمر خالد", "Sam O'Neill", "Zoë Martin", "anon reader",
]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
    i = rng.randrange(len(words))
    style = rng.random()
    if style < 0.2:
        words[i] = f"*{words[i]}*"
    elif style < 0.3:
        words[i] = f"**{words[i]}**"
    elif style < 0.35:
        words[i] = f"`{words[i]}`"
    text = " ".join(words)
    if rng.random() < 0.4:
        text = f"{rng.choice(OPENERS)} {text}"
    text = text[0].upper() + text[1:]
    return text + rng.choice([".", ".", ".", "?", "!"])


def body(rng: random.Random) -> str:
    parts = [sentence(rng) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.08:
        parts.insert(rng.randint(0, len(parts)), rng.choice(NON_LATIN))
    if rng.random() < 0.15:
        parts.append(rng.choice(EMOJI))
    return " ".join(parts)


class Client:
    def __init__(self, base: str):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port or 80
        self.prefix = u.path.rstrip("/")
        self.conn = None

    def post(self, path: str, payload: dict):
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8", "Accept": "application/json"}
        for attempt in range(20):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                    self.conn.connect()
                    self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.conn.request("POST", self.prefix + path, body=data, headers=headers)
                resp = self.conn.getresponse()
                raw = resp.read()
            except (OSError, http.client.HTTPException):
                self.conn = None
                time.sleep(0.2)
                continue
            if resp.status == 429 or resp.status == 503:
                wait = resp.getheader("Retry-After")
                time.sleep(min(float(wait), 5.0) if wait and wait.replace(".", "", 1).isdigit() else 0.5)
                continue
            return resp.status, raw
        raise RuntimeError(f"POST {path}: gave up after retries")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("slug")
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--top-level", type=int, default=100)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--probe", default="benchprobe", help="word put into the last top-level comment")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    kinds = ["top"] * (args.top_level - 1) + ["reply"] * (args.count - args.top_level)
    rng.shuffle(kinds)
    kinds.insert(0, "top")  # the first comment has nothing to reply to
    last_top = max(i for i, k in enumerate(kinds) if k == "top")

    client = Client(args.base)
    path = f"/api/v1/articles/{urllib.parse.quote(args.slug)}/comments"
    posted = []  # (id, depth)
    depth_counts: dict[int, int] = {}
    started = time.monotonic()
    for i, kind in enumerate(kinds):
        payload = {"body": body(rng), "authorName": rng.choice(AUTHORS)}
        depth = 1
        if kind == "reply":
            candidates = [c for c in posted if c[1] <= 3]
            parent_id, parent_depth = rng.choice(candidates)
            payload["parentId"] = parent_id
            depth = parent_depth + 1
        if i == last_top:
            payload["body"] += f" {args.probe}"
        status, raw = client.post(path, payload)
        if status != 201:
            print(f"comment {i}: HTTP {status}: {raw[:300]!r}", file=sys.stderr)
            return 1
        try:
            cid = json.loads(raw)["id"]
        except (ValueError, KeyError, TypeError):
            print(f"comment {i}: response without \"id\": {raw[:300]!r}", file=sys.stderr)
            return 1
        posted.append((cid, depth))
        depth_counts[depth] = depth_counts.get(depth, 0) + 1

    print(json.dumps({
        "posted": len(posted),
        "byDepth": {str(k): v for k, v in sorted(depth_counts.items())},
        "seconds": round(time.monotonic() - started, 2),
        "probe": args.probe,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
