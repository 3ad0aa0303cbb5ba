"""Asserts that a page built by another generator embeds a notice whole: every section id of the
standalone page, the authority's current address, and TOC links that resolve.

usage: check_embed.py EMBEDDED_HTML STANDALONE_HTML"""
import sys
from html.parser import HTMLParser


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.sections, self.toc_links, self.in_toc = set(), [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "section" and "id" in attrs:
            self.sections.append(attrs["id"])
        if tag == "nav" and "toc" in (attrs.get("class") or "").split():
            self.in_toc += 1
        if tag == "a" and self.in_toc and (attrs.get("href") or "").startswith("#"):
            self.toc_links.append(attrs["href"][1:])

    def handle_endtag(self, tag):
        if tag == "nav" and self.in_toc:
            self.in_toc -= 1


def parse(path):
    parser = Ids()
    with open(path, encoding="utf-8") as file:
        text = file.read()
    parser.feed(text)
    return parser, text


embedded, embedded_text = parse(sys.argv[1])
standalone, _ = parse(sys.argv[2])
assert standalone.sections, f"{sys.argv[2]} has no sections"
missing = [s for s in standalone.sections if s not in embedded.ids]
assert not missing, f"{sys.argv[1]} lacks section ids {missing}"
assert "Lintulahdenkuja 4, 00530 Helsinki" in embedded_text, "the authority's current address is missing"
assert embedded.toc_links, "no table of contents links"
broken = [link for link in embedded.toc_links if link not in embedded.ids]
assert not broken, f"TOC links without a target: {broken}"
print(f"ok {sys.argv[1]}: {len(standalone.sections)} sections, {len(embedded.toc_links)} TOC links resolve")
