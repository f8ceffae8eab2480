#!/usr/bin/env python3
"""Turns the text output of `swift package --disable-sandbox benchmark` into the Markdown table of
medians in Benchmarks/README.md (between `<!-- results:begin -->` and `<!-- results:end -->`),
so that the table is made from a run, not typed.

    cd Benchmarks && swift package --disable-sandbox benchmark 2>&1 | tee /tmp/bench.log
    python3 Benchmarks/results/summarize.py /tmp/bench.log --readme Benchmarks/README.md

Without --readme it prints the table.
"""
import argparse
import datetime
import os
import platform
import re
import subprocess
import sys

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
COLUMNS = ["Time (wall clock)", "Throughput", "RSRP evaluations/s", "Malloc (total)", "Memory (resident peak)"]


def parse(text):
    """[(suite, benchmark, {metric: (p50 text, unit)}, samples)] in output order."""
    lines = [ANSI.sub("", line.rstrip("\n")) for line in text.splitlines()]
    results, suite, name, metrics, samples = [], None, None, {}, 0
    for index, line in enumerate(lines):
        if re.fullmatch(r"=+", line) and index + 2 < len(lines) and re.fullmatch(r"=+", lines[index + 2]):
            suite = lines[index + 1].strip()
        elif line.startswith("╒") and index > 0:
            name, metrics = lines[index - 1].strip(), {}
        elif line.startswith("│") and name and not line.startswith("│ Metric"):
            cells = [cell.strip() for cell in line.strip("│").split("│")]
            # "Time (wall clock) (ms) *", "Malloc (total) (K) *", "Malloc (total) *", "Throughput (# / s) (#)"
            label = cells[0].rstrip(" *")
            unit = ""
            found = re.search(r"\s*\((K|M|G|#|ms|us|ns|s)\)$", label)
            if found:
                unit, label = found.group(1), label[:found.start()]
            metric = "Throughput" if label.startswith("Throughput") else label
            metrics[metric] = (cells[3], unit)
            samples = cells[-1]
        elif line.startswith("╘") and name:
            results.append((suite, name, metrics, samples))
            name = None
    return results


def render(results):
    rows = ["| suite | benchmark | wall clock p50 | throughput p50 | mallocs p50 | peak resident memory p50 | samples |",
            "|---|---|---:|---:|---:|---:|---:|"]
    for suite, name, metrics, samples in results:
        def value(metric, suffix=""):
            if metric not in metrics:
                return "–"
            number, unit = metrics[metric]
            scale = {"K": " K", "M": " M"}.get(unit, "")
            return f"{number}{scale}{suffix}"
        time = metrics.get("Time (wall clock)", ("–", ""))
        throughput = (f"**{value('RSRP evaluations/s')} evaluations/s**" if "RSRP evaluations/s" in metrics
                      else value("Throughput", " /s"))
        memory = metrics.get("Memory (resident peak)")
        rows.append(f"| {suite} | {name} | {time[0]} {time[1]} | {throughput} | {value('Malloc (total)')} | "
                    f"{memory[0] + ' MB' if memory else '–'} | {samples} |")
    return "\n".join(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("log", help="the benchmark run's output")
    parser.add_argument("--readme", help="rewrite the results section of this README")
    parser.add_argument("--commit", help="the commit the run was built from (default: HEAD now)")
    arguments = parser.parse_args()
    text = open(arguments.log, encoding="utf-8", errors="replace").read()
    results = parse(text)
    if not results:
        sys.exit(f"{arguments.log}: no benchmark tables found")
    table = render(results)
    if not arguments.readme:
        print(table)
        return
    commit = arguments.commit or subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True).stdout.strip()
    when = datetime.datetime.fromtimestamp(os.path.getmtime(arguments.log), datetime.timezone.utc).isoformat(timespec="seconds")
    section = "\n".join([
        "<!-- results:begin -->",
        "",
        f"Made by `python3 Benchmarks/results/summarize.py` from one full run of "
        f"`cd Benchmarks && swift package --disable-sandbox benchmark` that ended {when}, "
        f"built from commit `{commit}`, on {os.cpu_count()} cores ({platform.machine()}). "
        f"{len(results)} benchmarks; medians (p50) of each.",
        "",
        table,
        "",
        "<!-- results:end -->",
    ])
    readme = open(arguments.readme, encoding="utf-8").read()
    pattern = re.compile(r"<!-- results:begin -->.*?<!-- results:end -->", re.S)
    if not pattern.search(readme):
        sys.exit(f"{arguments.readme}: no <!-- results:begin --> … <!-- results:end --> markers")
    open(arguments.readme, "w", encoding="utf-8").write(pattern.sub(lambda _: section, readme))
    print(f"{arguments.readme}: results section rewritten ({len(results)} benchmarks)")


if __name__ == "__main__":
    main()
