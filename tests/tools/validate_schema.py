"""Validates YAML files against JSON Schemas with an independent validator.

Used by tests/schema.rs, so that codecompare's schemas are checked by
something other than the Rust code that generates them: PyYAML reads each
file, the `jsonschema` package validates it (Draft 7, as the schemas say).

Input on stdin: a JSON list of {"file": PATH, "schema": PATH}.
Output on stdout: a JSON list of {"file": PATH, "errors": [TEXT, ...]}, in
the same order; an empty list of errors means the file is valid.
"""

import json
import sys

import jsonschema
import yaml


class ContentLoader(yaml.SafeLoader):
    """YAML as serde_yaml reads it: YAML 1.2 core scalars, so `2026-11-13`
    stays a string and only true/false are booleans (YAML 1.1's yes/no/on/off
    are strings)."""


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (
        "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ContentLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def errors_of(file, schema):
    try:
        with open(file, encoding="utf-8") as handle:
            instance = yaml.load(handle, Loader=ContentLoader)
    except (OSError, yaml.YAMLError) as err:
        return [f"cannot read: {err}"]
    validator = jsonschema.Draft7Validator(schema)
    found = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [
        "/".join(str(p) for p in error.absolute_path or ["(top)"]) + ": " + error.message
        for error in found
    ]


def main():
    requests = json.load(sys.stdin)
    schemas = {}
    results = []
    for request in requests:
        path = request["schema"]
        if path not in schemas:
            with open(path, encoding="utf-8") as handle:
                schemas[path] = json.load(handle)
            jsonschema.Draft7Validator.check_schema(schemas[path])
        results.append({"file": request["file"], "errors": errors_of(request["file"], schemas[path])})
    json.dump(results, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
