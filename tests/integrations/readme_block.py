"""Prints the code block that follows `<!-- ci: NAME -->` in README.md, so tests/integrations/run
runs the README's integration commands verbatim.

usage: readme_block.py README NAME"""
import re
import sys

readme, name = sys.argv[1], sys.argv[2]
text = open(readme, encoding="utf-8").read()
match = re.search(r"<!-- ci: " + re.escape(name) + r" -->\n```[a-z]*\n(.*?)```\n", text, re.S)
if not match:
    sys.exit(f"{readme} has no code block marked <!-- ci: {name} -->")
print(match.group(1), end="")
