#!/usr/bin/env python3
"""Checks the module graph: docs/architecture.md, Package.swift and the imports must agree.

1. Every library and executable target of Package.swift has a row in the module-graph table of
   docs/architecture.md, and its dependencies in Package.swift are exactly the row's imports and
   other packages.
2. A module depends only on modules in a lower layer (never on one above or beside it).
3. Every `import` in a target's Swift files (Sources/ and Tests/) names a module the target
   depends on in Package.swift, or a module of the toolchain (Foundation, Testing, …).
4. A test target depends on modules only, never on the executable, except PhusongCLITests.

Prints each violation as file:line: message and exits 1 when there is one; exit 0 otherwise.
The package description comes from `swift package dump-package` (or --package-json FILE).
"""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = os.path.join(ROOT, "docs", "architecture.md")
# Modules of the toolchain and the system that need no dependency in Package.swift.
TOOLCHAIN = {"Foundation", "FoundationEssentials", "FoundationXML", "FoundationNetworking", "Glibc", "Darwin",
             "Dispatch", "Testing", "XCTest", "Synchronization", "os", "Musl"}
# Products of other packages, by the module name a file imports.
PRODUCT_MODULES = {"ArgumentParser": "ArgumentParser", "TOMLKit": "TOMLKit", "Crypto": "Crypto",
                   "GRDBSQLite": "GRDBSQLite", "Benchmark": "Benchmark", "ZIPFoundation": "ZIPFoundation"}


def package_description(path):
    if path:
        with open(path) as file:
            return json.load(file)
    output = subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output)


def dependency_names(target):
    names = []
    for dependency in target.get("dependencies", []):
        kind, value = next(iter(dependency.items()))
        names.append(value[0])
    return names


def documented_graph(problems):
    """The table between the module-graph markers: {module: (layer, imports, line)}."""
    rows = {}
    with open(DOC) as file:
        lines = file.read().split("\n")
    inside = False
    for number, line in enumerate(lines, 1):
        if line.startswith("<!-- module-graph"):
            inside = True
            continue
        if line.startswith("<!-- /module-graph"):
            break
        if not inside or not line.startswith("| `"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 5:
            problems.append(f"{DOC}:{number}: expected 5 columns, found {len(cells)}")
            continue
        module = cells[0].strip("`")
        try:
            layer = int(cells[1])
        except ValueError:
            problems.append(f"{DOC}:{number}: layer '{cells[1]}' is not a number")
            continue
        imports = set(re.findall(r"`(\w+)`", cells[3]))
        others = {name.strip() for name in cells[4].split(",")} - {"—", ""}
        others = {name for name in others if "(system)" not in name}
        rows[module] = (layer, imports | others, number)
    if not rows:
        problems.append(f"{DOC}: no module-graph table found between the markers")
    return rows


def swift_files(folder):
    for directory, _, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith(".swift"):
                yield os.path.join(directory, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--package-json", help="output of `swift package dump-package` (default: run it)")
    args = parser.parse_args()
    problems = []
    package = package_description(args.package_json)
    graph = documented_graph(problems)
    targets = {target["name"]: target for target in package["targets"]}
    modules = {name for name, target in targets.items() if target["type"] in ("regular", "executable", "system")}

    for name, target in sorted(targets.items()):
        dependencies = dependency_names(target)
        if target["type"] in ("regular", "executable", "system") and name != "PhusongTestSupport":
            if name not in graph:
                problems.append(f"{DOC}: target {name} of Package.swift has no row in the module graph")
                continue
            layer, documented, line = graph[name]
            if set(dependencies) != documented:
                problems.append(f"{DOC}:{line}: {name} imports {sorted(documented)} here but depends on "
                                f"{sorted(dependencies)} in Package.swift")
            for dependency in dependencies:
                if dependency in graph and graph[dependency][0] >= layer:
                    problems.append(f"{DOC}:{line}: {name} (layer {layer}) depends on {dependency} "
                                    f"(layer {graph[dependency][0]}): a module may use only lower layers")
        if target["type"] == "test" and name != "PhusongCLITests":
            for dependency in dependencies:
                if targets.get(dependency, {}).get("type") == "executable":
                    problems.append(f"Package.swift: test target {name} depends on the executable {dependency}")

        default = os.path.join("Tests" if target["type"] == "test" else "Sources", name)
        folder = os.path.join(ROOT, target.get("path") or default)
        allowed = set(dependencies) | TOOLCHAIN | {PRODUCT_MODULES.get(d, d) for d in dependencies}
        for path in swift_files(folder):
            with open(path) as file:
                for number, line in enumerate(file, 1):
                    match = re.match(r"\s*(?:@testable\s+|@_\w+\s+)*import\s+(?:(?:struct|enum|class|func|var|let)\s+)?(\w+)", line)
                    if match and match.group(1) not in allowed:
                        imported = match.group(1)
                        own = graph.get(name, (None,))[0]
                        above = imported in graph and own is not None and graph[imported][0] >= own
                        why = "a module above or beside it" if above else "a module it does not depend on"
                        problems.append(f"{os.path.relpath(path, ROOT)}:{number}: {name} imports {imported}, "
                                        f"{why} (Package.swift: {', '.join(dependencies) or 'no dependencies'})")

    for module in sorted(set(graph) - modules):
        problems.append(f"{DOC}:{graph[module][2]}: {module} has a row but is no target of Package.swift")

    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"module graph: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"module graph: {len(graph)} modules, Package.swift, docs/architecture.md and every import agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
