#!/usr/bin/python3
# Reads YAML files with independent readers and compares what each reads
# with what `convene get --json` says the file holds.  Readers: PyYAML
# (YAML 1.1, Debian's python3-yaml) here, and npm `yaml` in its 1.2 and
# 1.1 modes through readers.mjs.  A date or time stamp that a reader
# types as one compares as the text written; !conflict is read as
# convene writes it in JSON, {"!conflict": {...}}, and !secret likewise,
# {"!secret": "-----BEGIN AGE..."}.
#
# usage: readers.py CONVENE JSDIR REPO...   (each REPO an initiative)
# Prints one line per mismatch and ends with "N files, N mismatches";
# exits 1 when there is any.
import datetime
import json
import math
import os
import subprocess
import sys

import yaml


class Loader(yaml.SafeLoader):
    pass


def conflict(loader, node):
    return {"!conflict": loader.construct_mapping(node, deep=True)}


def secret(loader, node):
    return {"!secret": loader.construct_scalar(node)}


Loader.add_constructor("!conflict", conflict)
Loader.add_constructor("!secret", secret)


# The fields that hold dates and time stamps, written plain on purpose so
# that readers see dates there; anywhere else a date is a disagreement.
DATE_KEYS = {"date", "at", "due", "joined", "left", "target_date"}


def plain(v):
    """A reader's value in the terms of convene's JSON."""
    if isinstance(v, datetime.datetime):
        return ("stamp", v)
    if isinstance(v, datetime.date):
        return ("date", v.isoformat())
    if isinstance(v, dict):
        return {str(k) if not isinstance(k, str) else k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


def same(a, b, key=None):
    """Whether a reader's value a is convene's b (under key)."""
    if isinstance(a, tuple) and key not in DATE_KEYS:
        return False
    if isinstance(a, tuple) and a[0] == "date":
        return a[1] == b
    if isinstance(a, tuple) and a[0] == "stamp":
        # a time stamp: the same moment as the text convene gives
        if not isinstance(b, str):
            return False
        try:
            t = datetime.datetime.fromisoformat(b.replace("Z", "+00:00"))
        except ValueError:
            return False
        x = a[1]
        if (x.tzinfo is None) != (t.tzinfo is None):
            return False
        return x == t
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k], k) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y, key) for x, y in zip(a, b))
    return type(a) == type(b) and a == b


def js_same(a, b, key=None):
    """npm yaml's JSON ({"$date": ISO text} for a Date) against convene's."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and list(a) == ["$date"]:
        if key not in DATE_KEYS or not isinstance(b, str):
            return False
        a = a["$date"]
        if a == b:
            return True
        # a time stamp read as a Date comes back in UTC
        try:
            x = datetime.datetime.fromisoformat(a.replace("Z", "+00:00"))
            y = datetime.datetime.fromisoformat(b.replace("Z", "+00:00"))
            return x == y and x.tzinfo is not None and y.tzinfo is not None
        except ValueError:
            return False
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(js_same(a[k], b[k], k) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(js_same(x, y, key) for x, y in zip(a, b))
    return a == b


def main():
    convene, jsdir, repos = sys.argv[1], sys.argv[2], sys.argv[3:]
    here = os.path.dirname(os.path.abspath(__file__))
    files = []
    for repo in repos:
        for top, dirs, names in os.walk(repo):
            dirs[:] = [d for d in dirs if d != ".git"]
            for n in names:
                if n.endswith(".yaml"):
                    files.append((repo, os.path.relpath(os.path.join(top, n), repo)))
    files.sort()
    js = {}
    if files:
        env = dict(os.environ, NODE_PATH=os.path.join(jsdir, "node_modules"))
        out = subprocess.run(["node", os.path.join(here, "readers.mjs")] +
                             [os.path.join(r, f) for r, f in files],
                             env=env, capture_output=True, text=True, check=True).stdout
        for line in out.split("\n"):
            if not line:
                continue
            rec = json.loads(line)
            js[rec["file"]] = rec
    # a file that validate says holds a number no two readers read
    # alike (0x1F, .inf) has nothing convene can say it holds
    disagreed = set()
    for repo in repos:
        v = subprocess.run([convene, "-C", repo, "validate"], capture_output=True, text=True)
        for line in v.stdout.splitlines() + v.stderr.splitlines():
            if "readers do not read alike" in line or "must be a finite number" in line:
                disagreed.add((repo, line.split(":", 1)[0]))
    bad = checked = 0
    for repo, rel in files:
        if (repo, rel) in disagreed:
            continue
        got = subprocess.run([convene, "-C", repo, "get", "--json", rel],
                             capture_output=True, text=True)
        if got.returncode != 0:
            continue  # convene refuses the file: nothing it says to compare
        checked += 1
        theirs = json.loads(got.stdout) if got.stdout.strip() else None
        path = os.path.join(repo, rel)
        problems = []
        try:
            with open(path, "rb") as f:
                mine = plain(yaml.load(f, Loader=Loader))
            if not same(mine, theirs):
                problems.append("PyYAML reads %r" % (mine,))
        except (yaml.YAMLError, ValueError) as e:
            problems.append("PyYAML cannot read it: %s" % str(e).replace("\n", " "))
        rec = js.get(path, {})
        for mode in ("1.2", "1.1"):
            if "error" + mode in rec:
                problems.append("npm yaml %s cannot read it: %s" % (mode, rec["error" + mode]))
            elif not js_same(rec.get(mode), theirs):
                problems.append("npm yaml %s reads %s" % (mode, json.dumps(rec.get(mode), ensure_ascii=False)))
        for p in problems:
            bad += 1
            print("%s: %s; convene says %s" % (path, p, json.dumps(theirs, ensure_ascii=False)))
    print("%d files, %d mismatches (%d skipped: numbers validate refuses)" % (checked, bad, len(disagreed)))
    sys.exit(1 if bad or not checked else 0)


main()
