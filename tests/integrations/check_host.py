"""Asserts that a host site's page embeds two notices that fit in: no duplicate id (the host's
heading `## Oikeudet` included), no h1 inside a notice (the page's h1 is the host's), each notice wrapped with its language,
TOC links that resolve, and the embed stylesheet in the page hiding the `.visually-hidden`
texts, all of which are inside a notice.

usage: check_host.py [--linked-css] PAGE_HTML

With --linked-css the embed stylesheet is expected as a linked notice-embed.css (mdBook's
additional-css), not inline in a <style>."""
import re
import sys
from collections import Counter
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.h1_in_notice, self.wrappers = [], [], 0, []
        self.stack, self.hidden_outside, self.hidden, self.style = [], 0, 0, ""
        self.in_style = False
        self.linked = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and (attrs.get("href") or "").startswith("#"):
            self.links.append(attrs["href"][1:])
        if tag == "h1" and any(self.stack):
            self.h1_in_notice += 1
        if tag == "div" and "notice" in classes:
            self.wrappers.append(attrs.get("lang"))
        if "visually-hidden" in classes:
            self.hidden += 1
            if not any(self.stack):
                self.hidden_outside += 1
        self.in_style = tag == "style"
        if tag == "link" and "stylesheet" in (attrs.get("rel") or ""):
            self.linked.append(attrs.get("href") or "")
        if tag not in VOID:
            self.stack.append(tag == "div" and "notice" in classes)

    def handle_endtag(self, tag):
        self.in_style = False
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.in_style:
            self.style += data


linked_css = "--linked-css" in sys.argv[1:]
path = [arg for arg in sys.argv[1:] if arg != "--linked-css"][0]
page = Page()
text = open(path, encoding="utf-8").read()
page.feed(text)
duplicates = [i for i, n in Counter(page.ids).items() if n > 1]
assert not duplicates, f"{path}: duplicate ids {duplicates}"
assert "oikeudet" in page.ids, f"{path}: the host heading `## Oikeudet` has no id `oikeudet`"
# The host's own layout decides its h1s (mdBook has two: the menu title and the chapter's).
assert page.h1_in_notice == 0, f"{path}: {page.h1_in_notice} h1 elements inside the notices, expected none"
assert len(page.wrappers) == 2 and all(page.wrappers), f"{path}: notice wrappers {page.wrappers}"
broken = [link for link in page.links if link not in page.ids]
assert page.links and not broken, f"{path}: in-page links without a target: {broken}"
assert "Lintulahdenkuja 4" in text, f"{path}: the authority's address is missing"
if linked_css:
    # mdBook 0.5 names its copy after the content's hash: notice-embed-76ad5aab.css.
    assert any(re.search(r"notice-embed(-[0-9a-f]+)?\.css$", href) for href in page.linked), f"{path}: no link to notice-embed.css"
else:
    assert ".notice .visually-hidden" in page.style and "clip" in page.style, f"{path}: no embed stylesheet in a <style>"
assert page.hidden and not page.hidden_outside, f"{path}: {page.hidden_outside} of {page.hidden} hidden texts outside .notice"
print(f"ok {path}: notices {page.wrappers}, {len(page.ids)} unique ids, {len(page.links)} links resolve, {page.hidden} hidden texts styled")
