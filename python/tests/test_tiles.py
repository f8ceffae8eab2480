"""The tile plan and the coordinate reader: no cluster, no phusong."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest

from phusong_dask.points import InputProblem, Points, number, read_points
from phusong_dask.tiles import PlanProblem, Tile, decimal_text, parse_size, plan_tiles


def points(*pairs: tuple[float, float]) -> Points:
    return Points([lon for lon, _ in pairs], [lat for _, lat in pairs], 0)


NONE = points()


def assert_partition(tiles: list[Tile], village_points: Points) -> None:
    """Every village in exactly one tile by phusong's test, and the plan's counts are those."""
    counts = [0] * len(tiles)
    for lon, lat in zip(village_points.lons, village_points.lats):
        owners = [index for index, tile in enumerate(tiles) if tile.contains(lon, lat)]
        assert len(owners) == 1, (lon, lat, owners)
        counts[owners[0]] += 1
    assert counts == [tile.villages for tile in tiles]


def test_grid_is_aligned_to_multiples_of_the_size_and_skips_empty_tiles():
    villages = points((102.3, 21.7), (102.9, 21.1), (104.5, 21.5), (-0.5, -0.25))
    tiles = plan_tiles(villages, Decimal("1.0"), 1000, Decimal("0.125"))
    assert [tile.bounds for tile in tiles] == ["-1,-1,0,0", "102,21,103,22", "104,21,105,22"]
    assert [tile.villages for tile in tiles] == [1, 2, 1]
    assert_partition(tiles, villages)


def test_a_village_on_an_edge_belongs_to_the_tile_east_and_north_of_it():
    villages = points((103.0, 21.0), (102.999999, 20.999999))
    tiles = plan_tiles(villages, Decimal(1), 1000, Decimal(1))
    assert [tile.bounds for tile in tiles] == ["102,20,103,21", "103,21,104,22"]
    assert_partition(tiles, villages)


def test_bounds_are_exact_decimals_and_agree_with_float_edges():
    # 3 × 0.1 is 0.30000000000000004 in floats; the bound must read "0.3", and a village at
    # float("0.3") must fall in [0.3, 0.4) as phusong's Double("0.3") comparison puts it.
    villages = points((0.3, 0.7), (0.29999999999999993, 0.1))
    tiles = plan_tiles(villages, Decimal("0.1"), 1000, Decimal("0.1"))
    assert [tile.bounds for tile in tiles] == ["0.2,0.1,0.3,0.2", "0.3,0.7,0.4,0.8"]
    assert_partition(tiles, villages)


def test_dense_tiles_are_split_into_quarters_until_small_enough():
    rng = random.Random(5)
    dense = [(102 + rng.random() * 0.5, 21 + rng.random() * 0.5) for _ in range(300)]  # south-west quarter
    sparse = [(102.75, 21.75), (102.6, 21.9)]
    villages = points(*(dense + sparse))
    tiles = plan_tiles(villages, Decimal(1), 100, Decimal("0.0625"))
    assert_partition(tiles, villages)
    assert all(tile.villages <= 100 for tile in tiles)
    # The north-east quarter was not split further; the dense one was, into 0.25° (and smaller) tiles.
    assert "102.5,21.5,103,22" in [tile.bounds for tile in tiles]
    assert min(tile.maxlon - tile.minlon for tile in tiles) <= Decimal("0.25")
    for a in tiles:
        for b in tiles:
            if a is not b:
                assert not (a.minlon < b.maxlon and b.minlon < a.maxlon and a.minlat < b.maxlat and b.minlat < a.maxlat)


def test_splitting_stops_at_the_smallest_size():
    villages = points(*[(102.01, 21.01)] * 50)
    tiles = plan_tiles(villages, Decimal(1), 10, Decimal("0.25"))
    assert [(tile.bounds, tile.villages) for tile in tiles] == [("102,21,102.25,21.25", 50)]


def test_random_points_are_partitioned_whatever_the_size():
    rng = random.Random(11)
    for size in ("1", "0.5", "0.3", "0.1", "2.5"):
        pairs = [(round(rng.uniform(-5, 5), rng.choice((0, 1, 2, 6))), round(rng.uniform(-3, 3), rng.choice((0, 1, 2, 6))))
                 for _ in range(400)]
        villages = points(*pairs)
        tiles = plan_tiles(villages, Decimal(size), 40, Decimal(size) / 8)
        assert_partition(tiles, villages)


def test_option_checks():
    assert parse_size("0.25", "--tile-size") == Decimal("0.25")
    for bad in ("0", "-1", "abc", "nan", "inf", "400"):
        with pytest.raises(PlanProblem, match="--tile-size"):
            parse_size(bad, "--tile-size")
    with pytest.raises(PlanProblem, match="max-villages"):
        plan_tiles(NONE, Decimal(1), 0, Decimal(1))
    assert decimal_text(Decimal("102.500")) == "102.5" and decimal_text(Decimal("1E+2")) == "100"
    assert decimal_text(Decimal("-0.0")) == "0"


def test_numbers_are_read_as_phusong_reads_them():
    assert number(" 105.841143\t") == 105.841143
    assert number("1e2") == 100.0
    for bad in ("", "nan", "inf", "0x10", "1,5", "abc", "1e999"):
        assert number(bad) is None, bad


def test_read_points_accepts_the_aliases_a_bom_and_quoted_fields(tmp_path: Path):
    path = tmp_path / "villages.csv"
    path.write_bytes("\ufeffvillage_id,Name,LONGITUDE,Latitude\n"
                     "a,\"Bản, một\",102.5,21.25\n"
                     "b,hai,215,21\n"
                     "c,ba,abc,21\n"
                     "d,bốn,103,22\n".encode("utf-8"))
    read = read_points(str(path))
    assert (read.lons, read.lats, read.skipped) == ([102.5, 103.0], [21.25, 22.0], 2)


def test_read_points_problems(tmp_path: Path):
    with pytest.raises(InputProblem) as missing:
        read_points(str(tmp_path / "nothing.csv"))
    assert missing.value.code == 66
    (tmp_path / "v.gpkg").write_bytes(b"")
    with pytest.raises(InputProblem) as gis:
        read_points(str(tmp_path / "v.gpkg"))
    assert gis.value.code == 64 and "ogr2ogr" in str(gis.value)
    (tmp_path / "bad.csv").write_text("village_id,name\nx,y\n", encoding="utf-8")
    with pytest.raises(InputProblem) as header:
        read_points(str(tmp_path / "bad.csv"))
    assert header.value.code == 65 and "lon" in str(header.value)
