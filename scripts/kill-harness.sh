#!/usr/bin/env bash
# Kill -9 harness for the atomic output sets (issue 13, class 2; docs/safety.md).
#
# Runs `phusong report` and `phusong plan` on the embedded default data (geodata/default) into
# an output folder that holds a complete previous set made with another configuration (the
# 4G/5G thresholds at -100 dBm instead of -110), and kills them with SIGKILL:
#   - at every rename, exchange (renameat2), fsync, mkdir and removal (unlink, unlinkat,
#     rmdir) of the thread that publishes the set, through strace's fault injection
#     (`strace -f -e inject=SYSCALL:signal=KILL:when=N`, before the N-th such call); once
#     into the folder holding the previous set (published by an exchange) and once into no
#     folder at all (published by a rename);
#   - at random moments until --runs kills per command have landed (a run that finishes first
#     is checked too but not counted): half uniform over the run's wall time (the median of
#     the last runs that finished), half over its last quarter, where the files are written.
# After each kill it checks that the folder holds exactly the previous set or exactly the new
# one (no folder at all counts as "previous" when there was none), by the SHA-256 of every
# file against two reference sets made first (the outputs are checked to be deterministic),
# and that the parent holds nothing else than the folder, its lock file and its staged
# folder. Then it runs the command again: it must succeed, leave exactly the new set and leave
# nothing beside it (no lock file, no staged folder).
#
#   bash scripts/kill-harness.sh                 # 50 random kills per command, plus every syscall point
#   bash scripts/kill-harness.sh --runs 10 --commands report
#
# Uses PHUSONG_BIN when set, else builds the debug binary. Needs strace and python3.
# Prints "N passed, M failed" at the end; exits 1 when any trial failed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh strace
command -v python3 >/dev/null || { echo "kill-harness: python3 is needed" >&2; exit 1; }
if [ -z "${PHUSONG_BIN:-}" ]; then
  swift build --product phusong >&2
  PHUSONG_BIN="$PWD/.build/debug/phusong"
fi
export PHUSONG_BIN PHUSONG_DEFAULT_DATA="$PWD/geodata/default"
exec python3 - "$@" <<'PY'
import argparse, collections, hashlib, os, random, re, shutil, signal, statistics, subprocess, sys, tempfile, time

parser = argparse.ArgumentParser(prog="kill-harness.sh")
parser.add_argument("--runs", type=int, default=50, help="random kills per command that must land (default 50)")
parser.add_argument("--commands", default="report,plan", help="comma-separated: report, plan")
parser.add_argument("--seed", type=int, default=13, help="seed of the random kill moments")
parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
args = parser.parse_args()
if args.runs < 0:
    parser.error("--runs must be >= 0")
binary = os.environ["PHUSONG_BIN"]
rng = random.Random(args.seed)
work = tempfile.mkdtemp(prefix="phusong-kill-")
old_config = os.path.join(work, "old.toml")
with open(old_config, "w") as f:
    f.write("[radio]\ncoverage_threshold_4g_dbm = -100.0\ncoverage_threshold_5g_dbm = -100.0\n")
SYSCALLS = ["rename", "renameat", "renameat2", "fsync", "mkdir", "mkdirat", "unlink", "unlinkat", "rmdir"]
passed = failed = 0
outcomes = collections.defaultdict(collections.Counter)
kills = collections.Counter()


def command(kind, out, old=False):
    return [binary, kind] + (["--config", old_config] if old else []) + ["--out", out]


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=work)


def digests(folder):
    """name -> SHA-256 of every entry (a folder inside counts as 'folder')."""
    result = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and not os.path.islink(path):
            with open(path, "rb") as f:
                result[name] = hashlib.sha256(f.read()).hexdigest()
        else:
            result[name] = "not a regular file"
    return result


def reference(kind, old):
    out = os.path.join(work, "ref", f"{kind}-{'old' if old else 'new'}")
    done = run(command(kind, out, old))
    if done.returncode != 0:
        sys.exit(f"kill-harness: the reference run {kind} exited with {done.returncode}:\n{done.stderr}")
    return out, digests(out)


def state(folder, old, new):
    if not os.path.isdir(folder):
        return "missing"
    found = digests(folder)
    if found == old:
        return "old"
    if found == new:
        return "new"
    names = sorted(set(found) | set(old) | set(new))
    which = {n: "missing" if n not in found else "old" if found[n] == old.get(n) else "new" if found[n] == new.get(n) else "other"
             for n in names}
    return f"a mix {which}"


def prepare(name, old_folder):
    """A fresh parent folder holding `out`: a copy of the previous set, or nothing."""
    parent = os.path.join(work, name)
    shutil.rmtree(parent, ignore_errors=True)
    os.makedirs(parent)
    out = os.path.join(parent, "out")
    if old_folder:
        shutil.copytree(old_folder, out)
    return parent, out


def publisher_points(kind, old_folder):
    """(syscall, N) for every call of SYSCALLS on the thread that publishes the set."""
    _, out = prepare("points", old_folder)
    log = os.path.join(work, "points.strace")
    cmd = ["strace", "-f", "-qq", "-o", log, "-e", "trace=" + ",".join(SYSCALLS)] + command(kind, out)
    done = run(cmd)
    if done.returncode != 0:
        sys.exit(f"kill-harness: the traced run exited with {done.returncode}:\n{done.stderr}")
    calls = collections.defaultdict(collections.Counter)
    publisher = None
    for line in open(log):
        match = re.match(r"(\d+)\s+(\w+)\(", line)
        if not match or match.group(2) not in SYSCALLS:
            continue
        pid, name = match.group(1), match.group(2)
        calls[pid][name] += 1
        if name in ("rename", "renameat", "renameat2") and ".out.phusong-staged" in line:
            publisher = pid
    if publisher is None:
        sys.exit("kill-harness: no rename of the staged folder was seen in the trace")
    return [(name, n) for name in SYSCALLS for n in range(1, calls[publisher][name] + 1)]


def trial(kind, label, cmd_to_kill, old, new, old_folder, delay=None):
    """One kill into a folder holding `old_folder`'s set (None: no folder), then the checks
    and the recovery run."""
    global passed, failed
    parent, out = prepare("trial", old_folder)
    previous = "old" if old_folder else "missing"
    problems = []
    started = time.monotonic()
    process = subprocess.Popen(cmd_to_kill(out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work)
    if delay is not None:
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
    status = process.wait()
    elapsed = time.monotonic() - started
    outcome = "finished" if status == 0 else "killed" if status in (-9, 137) else f"exit {status}"
    kills[kind] += outcome == "killed"
    if outcome.startswith("exit"):
        problems.append(f"the run ended with {outcome}")
    after_kill = state(out, old, new)
    outcomes[kind][after_kill] += 1
    if after_kill not in (previous, "new"):
        problems.append(f"after the kill the folder holds {after_kill}")
    allowed = {"out", ".out.phusong-lock", ".out.phusong-staged"}
    stray = sorted(set(os.listdir(parent)) - allowed)
    if stray:
        problems.append(f"after the kill the parent holds {stray}")
    recovery = run(command(kind, out))
    if recovery.returncode != 0:
        problems.append(f"the next run exited with {recovery.returncode}: {recovery.stderr.strip()[-300:]}")
    elif state(out, old, new) != "new":
        problems.append(f"after the next run the folder holds {state(out, old, new)}")
    leftovers = sorted(set(os.listdir(parent)) - {"out"})
    if leftovers:
        problems.append(f"after the next run the parent still holds {leftovers}")
    verdict = "ok" if not problems else "FAILED: " + "; ".join(problems)
    print(f"[{kind}] {label}{'' if old_folder else ' (no previous folder)'}: {outcome}, folder {after_kill}; {verdict}", flush=True)
    if problems:
        failed += 1
    else:
        passed += 1
    return outcome, elapsed


try:
    for kind in [k.strip() for k in args.commands.split(",") if k.strip()]:
        if kind not in ("report", "plan"):
            sys.exit(f"kill-harness: unknown command {kind} (report, plan)")
        old_folder, old = reference(kind, old=True)
        new_folder, new = reference(kind, old=False)
        _, again = reference(kind, old=False)
        if again != new:
            differing = [n for n in new if again.get(n) != new[n]]
            sys.exit(f"kill-harness: {kind} is not deterministic ({differing} differ between two runs); old-or-new cannot be judged")
        differing = [n for n in new if old.get(n) != new[n]]
        if not differing:
            sys.exit(f"kill-harness: the previous and the new {kind} are identical; the check would prove nothing")
        print(f"[{kind}] reference sets: {len(new)} files, {len(differing)} differ between old and new ({', '.join(differing)})", flush=True)
        durations = []
        for attempt in range(3):
            started = time.monotonic()
            run(command(kind, os.path.join(work, "timing", kind)))
            durations.append(time.monotonic() - started)
        duration = sorted(durations)[1]
        for start in (old_folder, None):
            points = publisher_points(kind, start)
            print(f"[{kind}] one run takes {duration:.2f} s; {len(points)} syscall points on the publishing thread"
                  f" ({'into the previous set' if start else 'into no folder'})", flush=True)
            for name, n in points:
                inject = ["strace", "-f", "-qq", "-o", "/dev/null", "-e", f"trace={name}", "-e", f"inject={name}:signal=KILL:when={n}"]
                trial(kind, f"kill at {name} #{n}", lambda out, inject=inject: inject + command(kind, out), old, new, start)
        at_points = kills[kind]
        attempts = 0
        while kills[kind] - at_points < args.runs and attempts < 3 * args.runs:
            low = 0.0 if attempts % 2 == 0 else 0.75 * duration
            delay = rng.uniform(low, duration * 1.05)
            attempts += 1
            outcome, elapsed = trial(kind, f"random moment {attempts} at {delay:.3f} s", lambda out: command(kind, out), old, new,
                                     old_folder, delay=delay)
            if outcome == "finished":
                # The machine is faster now than when the run was timed: aim within what runs take.
                durations.append(elapsed)
                duration = statistics.median(durations[-5:])
        print(f"[{kind}] {kills[kind]} kills ({at_points} at syscalls, {kills[kind] - at_points} at random moments"
              f" in {attempts} tries); folder after each run: {dict(outcomes[kind])}", flush=True)
finally:
    if args.keep:
        print(f"scratch folder kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
