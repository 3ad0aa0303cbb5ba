"""Expands each JSON-LD file with pyld (a JSON-LD processor from PyPI) and asserts that the DPV
IRIs come out as full IRIs: legal bases, the data controller and the Finnish authority.

usage: expand_jsonld.py FILE..."""
import json
import sys

from pyld import jsonld

DPV = "https://w3id.org/dpv#"
GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as file:
        document = json.load(file)
    expanded = jsonld.expand(document)
    assert len(expanded) == 1, f"{path}: expected one node, got {len(expanded)}"
    node = expanded[0]
    assert DPV + "Process" in node["@type"], path
    assert DPV + "hasDataController" in node, path
    bases = [
        basis["@id"]
        for purpose in node.get(DPV + "hasPurpose", [])
        for basis in purpose.get(DPV + "hasLegalBasis", [])
    ]
    # Art. 6(1) bases, and Art. 9(2) conditions for special categories (the allergy data).
    assert bases and all(b.startswith((GDPR + "A6-1-", GDPR + "A9-2-")) for b in bases), f"{path}: {bases}"
    authority = node[DPV + "hasAuthority"][0]["@id"]
    assert authority == "https://w3id.org/dpv/legal/fi#DPA-FI", f"{path}: {authority}"
    print(f"ok {path}: {len(bases)} legal bases expand to eu-gdpr IRIs")
