"""Units of measurement: one unit written two ways after the same number is the same reading (Pint's
unit definitions decide); two units of other sizes are another reading, also where WordNet gives
them a shared sense ("minutes"/"hours": "a short time"), and also where the number is the same."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT
from test_judgment import compare

from provenance.align import load_lexicon
from provenance.knowledge.units import same_unit, time_units, unit


@pytest.mark.parametrize("a,b", [
    ("The farm covers 40 hectares of land.", "The farm covers 40 ha of land."),
    ("The plant uses 40 kilowatt-hours a day.", "The plant uses 40 kWh a day."),
    ("The dose is 40 micrograms daily.", "The dose is 40 µg daily."),
    ("Add 4 ounces of flour.", "Add 4 oz of flour."),
    ("The screen is 12 inches wide.", "The screen is 12 in. wide."),
    ("The car drove at 40 kilometres per hour.", "The car drove at 40 km/h."),
    ("The tank holds 40 cubic metres of water.", "The tank holds 40 m³ of water."),
    ("The ship was 40 nautical miles offshore.", "The ship was 40 nmi offshore."),
    ("The district covers 40 square kilometres.", "The district covers 40 km²."),
    ("The test lasted 30 minutes.", "The test lasted 30 min."),
    ("The mill ground 600 tons of grain.", "The mill ground 600 t of grain."),
    ("The pit held 300 cubic meters of soil.", "The pit held 300 cu. m of soil."),
    ("Each family receives 12 sq. m. of floor space.", "Each family receives 12 square meters of floor space."),
])
def test_one_unit_written_two_ways_keeps_the_meaning(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert divs and all(d["category"] == "lexical" for d in divs), [(d["category"], d["reason"]) for d in divs]


@pytest.mark.parametrize("a,b", [
    ("We waited 5 minutes.", "We waited 5 hours."),
    ("It took a few seconds.", "It took a few minutes."),
    ("The farm covers 40 hectares of land.", "The farm covers 40 acres of land."),
    ("The car drove at 40 kilometres per hour.", "The car drove at 40 mph."),
    ("The pipe is 40 mm wide.", "The pipe is 40 cm wide."),
    ("The farm covers 40 hectares of land.", "The farm covers 41 ha of land."),
])
def test_another_unit_or_number_changes_the_meaning(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


def test_the_registry_reads_symbols_plurals_and_prefixes():
    assert same_unit("hectares", "ha") and same_unit("km/h", "kilometres per hour") and same_unit("m³", "cubic metres")
    assert not same_unit("hectares", "acres") and not same_unit("mm", "cm") and not same_unit("t", "kg")
    assert same_unit("t", "tons") and same_unit("tonnes", "ton")   # a translation's ton is the metric one
    # no unit: ordinary words, words Pint would read as a prefix and a unit, counts without a dimension
    assert unit("species") is None and unit("at") is None and unit("ac") is None and unit("percent") is None
    assert time_units(["5", "hrs"]) == time_units(["hours"]) == {"hour"} and time_units(["min"]) == {"minute"}


def test_the_registry_is_built_only_for_a_unit_after_a_number():
    """Comparing prose with numbers but no unit WordNet leaves unexplained does not build Pint's
    registry (about half a second): asked in a fresh process, as a run meets it."""
    code = ("import sys; sys.path.insert(0, 'tests'); from pathlib import Path; import tempfile\n"
            "from provenance.align import load_lexicon\nfrom test_judgment import compare\n"
            "t = Path(tempfile.mkdtemp())\n"
            "compare(t, load_lexicon(), 'The 2 species were found in 12 places.', 'The 2 forms were seen in 12 places.')\n"
            "compare(t, load_lexicon(), 'It is 12 km long.', 'It is 12 kilometres long.')\n"
            "compare(t, load_lexicon(), 'It took 12 years.', 'It took 12 months.')\n"
            "compare(t, load_lexicon(), 'In 12 cases the black bars stood.', 'In 12 crops the nocturnal bars stood.')\n"
            "print('pint' in sys.modules)\n"
            "compare(t, load_lexicon(), 'It covers 40 hectares.', 'It covers 40 ha.')\n"
            "print('pint' in sys.modules)\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.stdout.split() == ["False", "True"], r.stderr[-2000:]
