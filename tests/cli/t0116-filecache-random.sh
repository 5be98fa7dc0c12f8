#!/bin/sh
# The cache of the work tree's files under a hostile run: seeded random
# rounds of changes to the member files and the later meetings — names in
# Hebrew, with emoji, quotes and '#', changed in place (often to the same
# size, often with the old mtime put back), members who leave, files
# added, removed, renamed, made links, folders or executable, meetings
# made planned, held or cancelled, the cache itself cut or damaged — and
# SIGKILLs of `convene minutes` at random moments.  After every change the
# minutes made with the cache must be the bytes of the minutes made with
# none.  A round waits until the files are old enough to be trusted (two
# seconds), then changes some in place right after a run, so both the
# trusted entries and the ones changed since are tried.
#
#   CONVENE_SEED=N               the run (default fixed); printed
#   CONVENE_CACHE_ROUNDS=N       rounds (default 6; make stress 60)
. "$(dirname "$0")/lib.sh"
SEED=${CONVENE_SEED:-116}
ROUNDS=${CONVENE_CACHE_ROUNDS:-6}
echo "# seed $SEED, $ROUNDS rounds: CONVENE_SEED=$SEED CONVENE_CACHE_ROUNDS=$ROUNDS sh tests/cli/t0116-filecache-random.sh"

test_expect_success 'an initiative of twelve members and later meetings' '
	convene init --template ucsd --lang he --name "קריאה מוקדמת" --site b7 lit >/dev/null 2>&1 &&
	cd lit &&
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		convene member add "חבר $i" --id "m$i" >/dev/null 2>&1 || return 1
	done &&
	convene attend 1 m1 m2 >/dev/null 2>&1 &&
	convene meeting new --date 2026-09-01 >/dev/null 2>&1 &&
	convene meeting new --date 2026-10-01 >/dev/null 2>&1 &&
	ls meetings > ../meetings && test $(wc -l < ../meetings) -ge 4
'

cat > "$TRASH/driver.py" <<'EOF'
import os, random, re, signal, subprocess, sys, time

seed, rounds, convene = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(seed)
os.chdir("lit")
cache = ".git/convene/files"
names = ["דנה לוי", "O'Brien 🌱", 'quote " inside', "# not a comment", "אבי כהן 🎉",
         "Noa: Barak", "רינה #2 'ש'", "emoji 👩🏽‍🏫 teacher", "x"]
failures = []
branch = subprocess.run(["git", "symbolic-ref", "--short", "HEAD"], capture_output=True).stdout.decode().strip()

def run(*args):
    p = subprocess.run([convene] + list(args), capture_output=True)
    return p.returncode, p.stdout, p.stderr

def check(what):
    """The minutes with the cache are the minutes with none."""
    rc, got, err = run("minutes", "1")
    keep = None
    if os.path.exists(cache) and os.path.isfile(cache):
        keep = open(cache, "rb").read()
        os.remove(cache)
    rc2, want, err2 = run("minutes", "1")
    if keep is not None:
        with open(cache, "wb") as f:
            f.write(keep)
    if (rc, got) != (rc2, want):
        failures.append("%s: with the cache exit %d, %d bytes; without exit %d, %d bytes\n%s" %
                        (what, rc, len(got), rc2, len(want), err.decode(errors="replace")[:300]))
    # and the commit they say they are made from is HEAD as git says it
    # (both runs above read HEAD from .git without libgit2)
    head = subprocess.run(["git", "rev-parse", "--short=7", "HEAD"], capture_output=True).stdout.decode().strip()
    said = re.findall(r" ([0-9a-f]{7}) \(", got.decode(errors="replace"))
    if rc == 0 and said[-1:] != [head]:
        failures.append("%s: the minutes say commit %s, git says HEAD is %s" % (what, said[-1:], head))

def quoted(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

def member_text(mid, name, left=None):
    t = "id: %s\nname: %s\n" % (mid, quoted(name))
    if left:
        t += "left: %s\n" % left
    return t

def members():
    return sorted(f for f in os.listdir("members") if f.endswith(".yaml"))

def later():
    return sorted(f for f in os.listdir("meetings") if f.endswith(".yaml") and f != "001.yaml")

def write_in_place(path, text, keep_mtime):
    st = os.lstat(path) if os.path.lexists(path) and not os.path.islink(path) else None
    with open(path, "w", encoding="utf-8") as f:  # in place: same inode
        f.write(text)
    if keep_mtime and st is not None:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))

def same_size_name(old):
    # a name of the same length in UTF-8, so the size does not change
    n = len(old.encode())
    for c in names + ["q" * n]:
        if len(c.encode()) == n and c != old:
            return c
    return "z" * n

def read_name(path):
    for line in open(path, encoding="utf-8"):
        if line.startswith("name: "):
            v = line[6:].rstrip("\n")
            return v[1:-1].replace('\\"', '"').replace("\\\\", "\\") if v.startswith('"') else v
    return "x"

def change(step):
    # changes a stat barely tells (same size, old mtime) the most often
    ops = ["rename_same"] * 4 + ["rename"] * 2 + ["leave", "add", "remove", "move", "link",
           "folder", "exec", "status", "status", "cache_cut", "cache_flip", "kill",
           "touch_back", "git_commit", "git_commit", "pack_refs", "detach", "attach",
           "reset_back"]
    op = rng.choice(ops)
    ms = [m for m in members() if os.path.isfile("members/" + m) and not os.path.islink("members/" + m)]
    m = rng.choice(ms) if ms else None
    path = "members/" + m if m else None
    if op == "rename_same" and m:
        write_in_place(path, member_text(m[:-5], same_size_name(read_name(path))), rng.random() < .7)
    elif op == "rename" and m:
        write_in_place(path, member_text(m[:-5], rng.choice(names)), rng.random() < .5)
    elif op == "leave" and m:  # leaves, or comes back
        gone = "left:" in open(path, encoding="utf-8").read()
        write_in_place(path, member_text(m[:-5], read_name(path), None if gone else "2026-01-01"),
                       rng.random() < .5)
    elif op == "add":
        mid = "n%d" % rng.randrange(1000)
        with open("members/%s.yaml" % mid, "w", encoding="utf-8") as f:
            f.write(member_text(mid, rng.choice(names)))
    elif op == "remove" and m:
        os.remove(path)
    elif op == "move" and m:
        os.rename(path, "members/r%d.yaml" % rng.randrange(1000))
    elif op == "link" and m:
        with open(m + ".elsewhere", "w", encoding="utf-8") as f:
            f.write(member_text(m[:-5], "elsewhere " + rng.choice(names)))
        os.remove(path)
        os.symlink("../" + m + ".elsewhere", path)
    elif op == "folder" and m:
        os.remove(path)
        os.mkdir(path)
    elif op == "exec" and m:
        os.chmod(path, os.stat(path).st_mode ^ 0o100)
    elif op == "status":
        ls = later()
        if ls:
            f = "meetings/" + rng.choice(ls)
            text = open(f, encoding="utf-8").read()
            lines = [l for l in text.split("\n") if not l.startswith("status:")]
            lines.insert(1, "status: " + rng.choice(["planned", "held", "cancelled"]))
            write_in_place(f, "\n".join(lines), rng.random() < .5)
    elif op == "cache_cut" and os.path.isfile(cache):
        data = open(cache, "rb").read()
        with open(cache, "wb") as f:
            f.write(data[:rng.randrange(len(data) + 1)])
    elif op == "cache_flip" and os.path.isfile(cache):
        data = bytearray(open(cache, "rb").read())
        if data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            with open(cache, "wb") as f:
                f.write(data)
    elif op == "kill":
        p = subprocess.Popen([convene, "minutes", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.random() * 0.03)
        p.send_signal(signal.SIGKILL)
        p.wait()
    elif op == "touch_back" and m:
        os.utime(path, ns=(0, 10**18))
    # HEAD moved by git itself: a commit, its refs packed, detached and
    # back on the branch, the branch moved back a commit
    elif op == "git_commit":
        subprocess.run("git add -A && git commit -qm 'by git' --allow-empty", shell=True,
                       capture_output=True)
    elif op == "pack_refs":
        subprocess.run(["git", "pack-refs", "--all"], capture_output=True)
    elif op == "detach":
        subprocess.run(["git", "checkout", "-q", "--detach"], capture_output=True)
    elif op == "attach":
        subprocess.run(["git", "checkout", "-q", branch], capture_output=True)
    elif op == "reset_back":
        subprocess.run(["git", "reset", "-q", "--soft", "HEAD~1"], capture_output=True)
    return op

ops = {}
for r in range(rounds):
    # the files become old enough to be trusted, and a run records them
    time.sleep(2.2)
    check("round %d, after waiting" % r)
    for step in range(rng.randrange(3, 9)):
        op = change(step)
        ops[op] = ops.get(op, 0) + 1
        check("round %d step %d (%s)" % (r, step, op))
print("# " + ", ".join("%s %d" % kv for kv in sorted(ops.items())))
for f in failures:
    print(f)
sys.exit(1 if failures else 0)
EOF

test_expect_success "$ROUNDS rounds (seed $SEED): the minutes with the cache are the minutes with none" '
	cd "$TRASH/t1" && python3 "$TRASH/driver.py" "$SEED" "$ROUNDS" "$CONVENE"
'

test_done
