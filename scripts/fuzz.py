#!/usr/bin/env python3
"""Mutation fuzzer for phusong's inputs (issue 13): hostile villages.csv / cells.csv never crash,
hang or exhaust memory.

Each iteration takes the Dien Bien subset of the national scenario
(../shared/geodata/vn-national-2025/subset-dienbien/{villages,cells}.csv), applies one to three
random mutations to one or both files (bit flips, byte insertions and deletions, truncation,
duplicated or dropped fields, numeric extremes such as 1e300, -1e300, 1e-300, NaN, inf and
huge integers, control characters, very long lines, swapped columns, empty files, byte-order
marks, other delimiters, invalid UTF-8, stray quotes, duplicated rows, other line ends), then
runs `phusong validate` and `phusong report --no-area --rejects` (bad rows set aside, the rest
computed) on them, each under a time limit and an address-space limit (RLIMIT_AS). An
iteration fails on:
  - a signal (a trap, a crash) or a time-out;
  - an exit code other than 0, 65 or 66;
  - a crash report in the output (Fatal error, Stack dump, ...);
  - `report` exiting 0 without writing every file of the report.
Failing inputs are saved, with the command, exit code and output, in a folder per iteration
under --failures (replay one with --replay FOLDER). Each iteration's mutations depend only on
--seed and the iteration number, so a failure can be reproduced alone.

Standard library only. Exit code: 0 when every iteration passed (or the data is absent:
"skipped"), 1 otherwise.

    scripts/fuzz.py                       # 1,000 iterations, seed 1
    scripts/fuzz.py --iterations 200 --seed 7
    scripts/fuzz.py --replay out/fuzz-failures/iteration-0042
"""

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPORT_FILES = ["summary.json", "villages.csv", "provinces.csv", "communes.csv", "operators.csv",
                "sites.csv", "deadzones.csv", "unpowered.csv", "report.html"]
ALLOWED_EXIT_CODES = {0, 65, 66}
CRASH_MARKERS = ["Fatal error", "Stack dump", "Illegal instruction", "Segmentation fault",
                 "Swift runtime failure", "Current stack trace", "Aborted", "Trace/breakpoint trap",
                 "Please submit a bug report"]
NUMERIC_EXTREMES = ["1e300", "-1e300", "1e-300", "-1e-300", "NaN", "nan", "inf", "-inf", "Infinity",
                    "1e999", "-1e999", "99999999999999999999999999", "-99999999999999999999999999",
                    "9223372036854775808", "0", "-0", "1e18", "0x1p3", "1_000", "", " ", "4.5e-324",
                    "1.7976931348623157e308", "12,5", "١٢"]
CONTROL_CHARACTERS = ["\x00", "\x1b[31m", "\x07", "\x7f", "\x1b]0;title\x07", "\u202e", "\r", "\x0c", "\ufeff"]


# ---------------------------------------------------------------------------------------------
# Mutations: each takes (random, bytes) and returns bytes.

def lines_of(data):
    return data.split(b"\n")


def join_lines(lines):
    return b"\n".join(lines)


def pick_line(rng, lines, header=True):
    if len(lines) <= 1:
        return 0
    return rng.randrange(0 if header else 1, len(lines))


def bit_flips(rng, data):
    if not data:
        return data
    data = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        position = rng.randrange(len(data))
        data[position] ^= 1 << rng.randrange(8)
    return bytes(data)


def insert_bytes(rng, data):
    position = rng.randint(0, len(data))
    choices = [b",", b"\"", b"\n", b"\r", b"\x00", b"\t", b";", b"|", b"\xff", b"\xc3", b"\xe2\x80",
               bytes([rng.randrange(256)])]
    inserted = b"".join(rng.choice(choices) for _ in range(rng.randint(1, 8)))
    return data[:position] + inserted + data[position:]


def delete_bytes(rng, data):
    if not data:
        return data
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 64):]


def truncate(rng, data):
    return data[:rng.randint(0, len(data))] if data else data


def map_fields(rng, data, transform, rows=3):
    lines = lines_of(data)
    for _ in range(rng.randint(1, rows)):
        index = pick_line(rng, lines, header=rng.random() < 0.1)
        fields = lines[index].split(b",")
        lines[index] = b",".join(transform(fields))
    return join_lines(lines)


def duplicate_field(rng, data):
    def transform(fields):
        index = rng.randrange(len(fields))
        return fields[:index + 1] + [fields[index]] + fields[index + 1:]
    return map_fields(rng, data, transform)


def drop_field(rng, data):
    def transform(fields):
        if len(fields) > 1:
            del fields[rng.randrange(len(fields))]
        return fields
    return map_fields(rng, data, transform)


def numeric_extreme(rng, data):
    def transform(fields):
        numeric = [i for i, field in enumerate(fields) if field.strip().replace(b".", b"", 1).lstrip(b"-").isdigit()]
        index = rng.choice(numeric) if numeric else rng.randrange(len(fields))
        fields[index] = rng.choice(NUMERIC_EXTREMES).encode()
        return fields
    return map_fields(rng, data, transform, rows=6)


def control_characters(rng, data):
    def transform(fields):
        index = rng.randrange(len(fields))
        fields[index] = fields[index] + rng.choice(CONTROL_CHARACTERS).encode("utf-8")
        return fields
    return map_fields(rng, data, transform)


def long_line(rng, data):
    lines = lines_of(data)
    index = pick_line(rng, lines)
    kind = rng.randrange(4)
    if kind == 0:
        filler = b"9" * rng.choice([10_000, 1_100_000, 3_000_000])
    elif kind == 1:
        filler = b"," * rng.choice([1_000, 300_000, 1_100_000])
    elif kind == 2:
        filler = b"\"" + b"x" * rng.choice([1_000, 2_000_000])  # an unclosed quote
    else:
        filler = "ệ".encode() * rng.choice([1_000, 600_000])
    lines[index] = lines[index] + filler
    return join_lines(lines)


def swap_columns(rng, data):
    lines = lines_of(data)
    width = len(lines[0].split(b",")) if lines else 0
    if width < 2:
        return data
    a, b = rng.sample(range(width), 2)
    only_header = rng.random() < 0.3
    for index, line in enumerate(lines):
        if only_header and index > 0:
            break
        fields = line.split(b",")
        if len(fields) > max(a, b):
            fields[a], fields[b] = fields[b], fields[a]
            lines[index] = b",".join(fields)
    return join_lines(lines)


def empty_file(rng, data):
    return rng.choice([b"", b"\n", b"\xef\xbb\xbf", lines_of(data)[0] + b"\n", b"\n\n\n", b"\"", b","])


def byte_order_marks(rng, data):
    return rng.choice([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]) + data


def other_delimiter(rng, data):
    return data.replace(b",", rng.choice([b";", b"\t", b"|", b" ", b",,"]))


def invalid_utf8(rng, data):
    if not data:
        return data
    position = rng.randrange(len(data))
    return data[:position] + rng.choice([b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xe2\x82", b"\xf8\x88\x80\x80\x80"]) + data[position:]


def stray_quote(rng, data):
    lines = lines_of(data)
    index = pick_line(rng, lines)
    position = rng.randint(0, len(lines[index]))
    lines[index] = lines[index][:position] + b"\"" + lines[index][position:]
    return join_lines(lines)


def duplicate_rows(rng, data):
    lines = lines_of(data)
    if len(lines) < 2:
        return data
    for _ in range(rng.randint(1, 5)):
        lines.insert(rng.randrange(1, len(lines) + 1), lines[rng.randrange(1, len(lines))])
    return join_lines(lines)


def shuffle_or_drop_lines(rng, data):
    lines = lines_of(data)
    if rng.random() < 0.5:
        rng.shuffle(lines)
    else:
        for _ in range(rng.randint(1, 10)):
            if lines:
                del lines[rng.randrange(len(lines))]
    return join_lines(lines)


def line_ends(rng, data):
    return rng.choice([data.replace(b"\n", b"\r\n"), data.replace(b"\n", b"\r"), data.replace(b"\n", b"\n\n"),
                       data.rstrip(b"\n")])


def coordinates_at_the_edges(rng, data):
    """Points at the world's corners and across the antimeridian: a cell's whole site moves
    (its cells must stay within 1 km of each other), a village moves alone."""
    lines = lines_of(data)
    header = [name.strip().lower() for name in lines[0].split(b",")] if lines else []
    if b"lon" not in header or b"lat" not in header:
        return data
    lon_column, lat_column = header.index(b"lon"), header.index(b"lat")
    site_column = header.index(b"site_id") if b"site_id" in header else None
    places = [(b"180", b"90"), (b"-180", b"-90"), (b"-180", b"90"), (b"180", b"-90"), (b"179.9995", b"0"),
              (b"-179.9995", b"0"), (b"0", b"89.9999"), (b"105.5", b"-90"), (b"-179.9995", b"60")]
    for _ in range(rng.randint(1, 4)):
        lon, lat = rng.choice(places)
        index = pick_line(rng, lines, header=False)
        fields = lines[index].split(b",")
        key = fields[site_column] if site_column is not None and site_column < len(fields) else None
        for row in range(1, len(lines)):
            fields = lines[row].split(b",")
            same = row == index if key is None else (site_column < len(fields) and fields[site_column] == key)
            if same and max(lon_column, lat_column) < len(fields):
                fields[lon_column], fields[lat_column] = lon, lat
                lines[row] = b",".join(fields)
    return join_lines(lines)


MUTATIONS = [bit_flips, insert_bytes, delete_bytes, truncate, duplicate_field, drop_field, numeric_extreme,
             control_characters, long_line, swap_columns, empty_file, byte_order_marks, other_delimiter,
             invalid_utf8, stray_quote, duplicate_rows, shuffle_or_drop_lines, line_ends, coordinates_at_the_edges]


def mutate(rng, villages, cells):
    """Mutates one or both files; returns them and the names of the mutations applied."""
    applied = []
    targets = rng.choice([["villages"], ["cells"], ["villages", "cells"]])
    files = {"villages": villages, "cells": cells}
    for target in targets:
        for _ in range(rng.randint(1, 3)):
            mutation = rng.choice(MUTATIONS)
            files[target] = mutation(rng, files[target])
            applied.append(f"{target}:{mutation.__name__}")
    return files["villages"], files["cells"], applied


# ---------------------------------------------------------------------------------------------
# Running phusong.

def limit_memory(gib):
    def apply():
        limit = int(gib * (1 << 30))
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def run(binary, arguments, timeout, memory_gib, cwd):
    """Runs phusong; returns (verdict or None, exit code, output)."""
    try:
        completed = subprocess.run([binary] + arguments, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                                   timeout=timeout, preexec_fn=limit_memory(memory_gib))
    except subprocess.TimeoutExpired as expired:
        output = (expired.stderr or b"").decode("utf-8", "replace")[-4000:]
        return f"timed out after {timeout} s", None, output
    output = (completed.stdout.decode("utf-8", "replace")[-2000:] + "\n" +
              completed.stderr.decode("utf-8", "replace")[-4000:])
    code = completed.returncode
    if code < 0:
        return f"killed by signal {-code}", code, output
    if code not in ALLOWED_EXIT_CODES:
        return f"exit code {code} (allowed: 0, 65, 66)", code, output
    for marker in CRASH_MARKERS:
        if marker in output:
            return f"crash report in the output ({marker!r})", code, output
    return None, code, output


def check_iteration(binary, folder, timeout, memory_gib, exit_codes=None):
    """Runs validate and report in `folder`; returns a list of (command, verdict, output).
    Counts the exit codes seen per command in `exit_codes`."""
    failures = []
    validate = ["validate", "--villages", "villages.csv", "--cells", "cells.csv", "--threads", "2"]
    verdict, code, output = run(binary, validate, timeout, memory_gib, folder)
    if exit_codes is not None:
        exit_codes[("validate", code)] = exit_codes.get(("validate", code), 0) + 1
    if verdict:
        failures.append((validate, verdict, output))
    out = os.path.join(folder, "report")
    # With --rejects, bad rows are set aside and the rest is computed: hostile values that
    # pass validation reach the coverage engine, the indicators and every writer.
    report = ["report", "--no-area", "--villages", "villages.csv", "--cells", "cells.csv", "--rejects", "rejects.csv",
              "--out", "report", "--threads", "2"]
    verdict, code, output = run(binary, report, timeout, memory_gib, folder)
    if exit_codes is not None:
        exit_codes[("report", code)] = exit_codes.get(("report", code), 0) + 1
    if verdict:
        failures.append((report, verdict, output))
    elif code == 0:
        missing = [name for name in REPORT_FILES if not os.path.isfile(os.path.join(out, name))]
        if missing:
            failures.append((report, "exit 0 but missing outputs: " + ", ".join(missing), output))
    return failures


def save_failure(failures_folder, iteration, villages, cells, applied, failures):
    folder = os.path.join(failures_folder, f"iteration-{iteration:04d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "villages.csv"), "wb") as handle:
        handle.write(villages)
    with open(os.path.join(folder, "cells.csv"), "wb") as handle:
        handle.write(cells)
    with open(os.path.join(folder, "failure.txt"), "w", encoding="utf-8") as handle:
        handle.write("mutations: " + ", ".join(applied) + "\n")
        for command, verdict, output in failures:
            handle.write("\n$ phusong " + " ".join(command) + "\n" + verdict + "\n" + output + "\n")
    return folder


# ---------------------------------------------------------------------------------------------

def find_binary(given):
    candidates = [given, os.environ.get("PHUSONG_BIN"),
                  os.path.join(REPOSITORY, ".build/release/phusong"), os.path.join(REPOSITORY, ".build/debug/phusong")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    sys.exit("fuzz.py: no phusong binary: build it (swift build -c release --product phusong) or give --binary")


def default_data():
    shared = os.environ.get("PHUSONG_SHARED")
    base = os.path.join(shared, "geodata") if shared else os.path.join(os.path.dirname(REPOSITORY), "shared", "geodata")
    return os.path.join(base, "vn-national-2025", "subset-dienbien")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=30, help="seconds per phusong run (default 30)")
    parser.add_argument("--memory-gib", type=float, default=4, help="address-space limit per run, GiB (default 4)")
    parser.add_argument("--binary", help="phusong executable (default: PHUSONG_BIN, .build/release, .build/debug)")
    parser.add_argument("--data", default=default_data(), help="folder with villages.csv and cells.csv to mutate")
    parser.add_argument("--failures", default=os.path.join(REPOSITORY, "out", "fuzz-failures"),
                        help="folder for failing inputs (default out/fuzz-failures)")
    parser.add_argument("--replay", help="run a saved failure folder again and print the verdicts")
    arguments = parser.parse_args()
    binary = find_binary(arguments.binary)

    if arguments.replay:
        failures = check_iteration(binary, os.path.abspath(arguments.replay), arguments.timeout, arguments.memory_gib)
        for command, verdict, output in failures:
            print("$ phusong " + " ".join(command) + "\n" + verdict + "\n" + output)
        print("replay: " + ("failed" if failures else "passed"))
        return 1 if failures else 0

    villages_path = os.path.join(arguments.data, "villages.csv")
    cells_path = os.path.join(arguments.data, "cells.csv")
    if not (os.path.isfile(villages_path) and os.path.isfile(cells_path)):
        print(f"skipped: the Dien Bien subset is not at {arguments.data} (set PHUSONG_SHARED or --data)")
        return 0
    with open(villages_path, "rb") as handle:
        villages = handle.read()
    with open(cells_path, "rb") as handle:
        cells = handle.read()

    passed = failed = 0
    exit_codes = {}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="phusong-fuzz-") as scratch:
        for iteration in range(arguments.iterations):
            rng = random.Random(arguments.seed * 1_000_003 + iteration)
            mutated_villages, mutated_cells, applied = mutate(rng, villages, cells)
            folder = os.path.join(scratch, "case")
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
            with open(os.path.join(folder, "villages.csv"), "wb") as handle:
                handle.write(mutated_villages)
            with open(os.path.join(folder, "cells.csv"), "wb") as handle:
                handle.write(mutated_cells)
            failures = check_iteration(binary, folder, arguments.timeout, arguments.memory_gib, exit_codes)
            if failures:
                failed += 1
                saved = save_failure(arguments.failures, iteration, mutated_villages, mutated_cells, applied, failures)
                print(f"iteration {iteration}: FAILED ({'; '.join(verdict for _, verdict, _ in failures)}; "
                      f"mutations {', '.join(applied)}) -> {saved}", flush=True)
            else:
                passed += 1
            if (iteration + 1) % 50 == 0:
                print(f"[{iteration + 1}/{arguments.iterations}] {passed} passed, {failed} failed, "
                      f"{time.monotonic() - started:.0f} s", flush=True)
    seen = ", ".join(f"{command} exit {'timeout' if code is None else code}: {count}"
                     for (command, code), count in sorted(exit_codes.items(), key=lambda item: (item[0][0], str(item[0][1]))))
    print(f"exit codes seen: {seen}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
