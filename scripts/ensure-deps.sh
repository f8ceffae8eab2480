#!/usr/bin/env bash
# Installs the system packages phusong builds against, when missing (Debian/Ubuntu).
# GEOS's C API comes from libgeos-dev (found through pkg-config as `geos`); GDAL's (and through
# it PROJ) from libgdal-dev (pkg-config `gdal`): the GIS input formats and coordinate systems,
# GeoPackage and coverage-raster output; zlib from zlib1g-dev; SQLite's (libsqlite3-dev) for the
# GeoPackage tests; CBC's C interface (the MIP solver of `mclp --exact`) from coinor-libcbc-dev
# (pkg-config `cbc`).
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists geos 2>/dev/null; then missing+=(libgeos-dev); fi
if ! pkg-config --exists gdal 2>/dev/null; then missing+=(libgdal-dev); fi
if ! pkg-config --exists sqlite3 2>/dev/null; then missing+=(libsqlite3-dev); fi
if ! pkg-config --exists cbc 2>/dev/null; then missing+=(coinor-libcbc-dev); fi
# ZIPFoundation (the XLSX and KMZ containers) deflates with zlib.
if ! pkg-config --exists zlib 2>/dev/null; then missing+=(zlib1g-dev); fi
# Leaflet and its marker clustering: `report` reads them from /usr/share/javascript/leaflet when it
# writes report.html and inlines them (the map); without them the page has no interactive map.
[ -f /usr/share/javascript/leaflet/leaflet.min.js ] || missing+=(libjs-leaflet)
[ -f /usr/share/javascript/leaflet/leaflet.markercluster.min.js ] || missing+=(libjs-leaflet.markercluster)
for extra in "$@"; do
  dpkg -s "$extra" >/dev/null 2>&1 || missing+=("$extra")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "phusong needs the Swift 6 toolchain (swift) on PATH." >&2
  exit 1
fi
