"""Prints a composite action's steps as a reusable workflow, so actionlint (which lints
workflows, not action metadata) checks the action's expressions, step ids, outputs and
shell scripts. Its inputs become workflow_call string inputs. Run with the Python that has
check-jsonschema (ruamel.yaml comes with it).

Usage: python action_as_workflow.py action.yml > workflow.yml
"""

import json
import sys

from ruamel.yaml import YAML


def main(path: str) -> None:
    with open(path, encoding="utf-8") as file:
        action = YAML(typ="safe").load(file)
    if action["runs"]["using"] != "composite":
        sys.exit(f"{path}: not a composite action")
    inputs = {name: {"type": "string", "required": False} for name in action.get("inputs", {})}
    # A composite step is a workflow step (`shell`, required there, is optional here).
    steps = action["runs"]["steps"]
    workflow = {
        "name": f"{action['name']} (composite action, as a workflow for actionlint)",
        "on": {"workflow_call": {"inputs": inputs}},
        "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": steps}},
    }
    # JSON is YAML: actionlint reads it as is.
    json.dump(workflow, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
