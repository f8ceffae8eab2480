// SQLite's C API, for the tests that read GeoPackages back (Debian: libsqlite3-dev).
#ifndef PHUSONG_CSQLITE_SHIM_H
#define PHUSONG_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
