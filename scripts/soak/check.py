"""The soak's checker: answers compared with the ones the idle server gave.

    python3 check.py PORT CASES_TSV SECONDS

First a reference sweep of every case of cases.tsv (HEAD included) in every format and
language while the server is idle, then sweeps under load until SECONDS have passed, each
answer compared with its reference (request ids aside) and checked on its own: status,
Content-Type, Content-Language, Vary, a fresh request id never seen before, and a body
that parses in its format. `GET /weather/slow` (504 after the 1 s time limit) is asked
once per sweep. Prints one summary line; the exit status is the number of wrong answers
(capped at 100).
"""

import http.client
import json
import re
import sys
import time
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

FORMATS = [
    ("application/problem+json", "application/problem+json"),
    ("application/json", "application/json"),
    ("application/problem+xml", "application/problem+xml"),
    ("text/plain", "text/plain; charset=utf-8"),
    ("text/html", "text/html; charset=utf-8"),
]
LANGUAGES = [("en", "en"), ("fr-CA, en;q=0.5", "fr"), ("de-AT", "de"), ("es", "es"), ("ar;q=0.9", "ar")]
FRESH_ID = re.compile(r"^[0-9a-f]{32}$")


def read_cases(path):
    cases = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        name, method, target, statuses, headers, body = line.split("\t")
        extra = dict(h.split(": ", 1) for h in headers.split("|")) if headers else {}
        cases.append((name, method, target, {int(s) for s in statuses.split(",")}, extra, body))
    cases.append(("weather-slow", "GET", "/weather/slow", {504}, {}, ""))
    return cases


class Strict(HTMLParser):
    """Fails on markup the page should not have."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def well_formed(content_type, body):
    if content_type.startswith("application/problem+json") or content_type.startswith("application/json"):
        json.loads(body)
    elif content_type.startswith("application/problem+xml"):
        ElementTree.fromstring(body)
    elif content_type.startswith("text/html"):
        parser = Strict()
        parser.feed(body.decode("utf-8"))
        if "script" in parser.tags:
            raise ValueError("a script element")
    elif content_type.startswith("text/plain"):
        body.decode("utf-8")


class Checker:
    def __init__(self, port, cases):
        self.port = port
        self.cases = cases
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.reference = {}
        self.ids = set()
        self.checked = 0
        self.wrong = 0

    def complain(self, what):
        self.wrong += 1
        if self.wrong <= 10:
            print("wrong answer:", what, file=sys.stderr)

    def ask(self, method, target, headers, body):
        for attempt in range(2):
            try:
                self.connection.request(method, target, body=body.encode() if body else None, headers=headers)
                reply = self.connection.getresponse()
                return reply.status, {k.lower(): v for k, v in reply.getheaders()}, reply.read()
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                if attempt:
                    raise

    def check(self, case, accept, language, under_load):
        name, method, target, statuses, extra, body = case
        headers = {"Accept": accept[0], "Accept-Language": language[0], **extra}
        headers.pop("X-Request-ID", None)
        status, got, content = self.ask(method, target, headers, body)
        self.checked += 1
        where = f"{name} {method} {target} as {accept[0]} in {language[0]}"
        if status not in statuses:
            return self.complain(f"{where}: status {status}")
        request_id = got.get("x-request-id", "")
        if not FRESH_ID.match(request_id):
            return self.complain(f"{where}: request id {request_id!r}")
        if request_id in self.ids:
            return self.complain(f"{where}: request id {request_id} seen before")
        self.ids.add(request_id)
        if status >= 400 and "Accept" not in extra and "Accept-Language" not in extra:
            if got.get("content-type") != accept[1]:
                return self.complain(f"{where}: Content-Type {got.get('content-type')}")
            if got.get("content-language") != language[1]:
                return self.complain(f"{where}: Content-Language {got.get('content-language')}")
            if got.get("vary") != "Accept, Accept-Language":
                return self.complain(f"{where}: Vary {got.get('vary')}")
            if method != "HEAD" and request_id.encode() not in content:
                return self.complain(f"{where}: the body lacks its request id")
        if method != "HEAD" and content:
            try:
                well_formed(got.get("content-type", ""), content)
            except Exception as error:  # noqa: BLE001 - any parse failure is a wrong answer
                return self.complain(f"{where}: malformed body ({error})")
        if name == "reports":
            return  # stateful: 200 or 429, with the seconds left
        key = (name, accept[0], language[0])
        answer = (status, got.get("content-type"), got.get("content-language"), content.replace(request_id.encode(), b"ID"))
        if not under_load:
            self.reference[key] = answer
        elif self.reference.get(key) != answer:
            return self.complain(f"{where}: differs from the idle server's answer:\n{answer}\n{self.reference.get(key)}")

    def sweep(self, under_load, deadline=None):
        for case in self.cases:
            if case[0] == "weather-slow":
                if not (deadline and time.time() > deadline):
                    self.check(case, FORMATS[0], LANGUAGES[0], under_load)
                continue
            for accept in FORMATS:
                for language in LANGUAGES:
                    if deadline and time.time() > deadline:
                        return
                    self.check(case, accept, language, under_load)


def main():
    port, cases_path, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    checker = Checker(port, read_cases(cases_path))
    if seconds == 0:
        checker.sweep(under_load=False)
        print(f"reference: {checker.checked} answers, {checker.wrong} wrong", flush=True)
        json.dump({"|".join(k): [v[0], v[1], v[2], v[3].decode("utf-8", "replace")] for k, v in checker.reference.items()},
                  open(sys.argv[4], "w"))
        return min(checker.wrong, 100)
    references = json.load(open(sys.argv[4]))
    checker.reference = {tuple(k.split("|")): (v[0], v[1], v[2], v[3].encode()) for k, v in references.items()}
    deadline = time.time() + seconds
    sweeps = 0
    while time.time() < deadline:
        checker.sweep(under_load=True, deadline=deadline)
        sweeps += 1
    print(f"checker: {checker.checked} answers in {sweeps} sweeps, {checker.wrong} wrong, "
          f"{len(checker.ids)} distinct request ids", flush=True)
    return min(checker.wrong, 100)


if __name__ == "__main__":
    sys.exit(main())
