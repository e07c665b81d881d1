"""Checks the custom resources of a rendered stream, which kubernetes-validate has no schema for.

Usage: python3 validate_custom_resources.py RENDERED.yaml KIND...
Each custom resource whose CustomResourceDefinition is in the same stream is validated against
the openAPIV3Schema of its served version (OpenAPI v3 read as JSON Schema draft 7; the
x-kubernetes-* extensions carry no constraint here). One whose CRD comes from an operator
installed separately must name a KIND given on the command line and be well-formed. Prints one
line per custom resource, `ok <kind>/<name>` or `error <kind>/<name>: <reason>`; exits 1 on any error.
"""
import sys

import jsonschema
import yaml

BUILT_IN_GROUPS = {"", "apps", "batch", "rbac.authorization.k8s.io", "networking.k8s.io", "policy", "autoscaling",
                   "apiextensions.k8s.io", "storage.k8s.io", "scheduling.k8s.io", "coordination.k8s.io",
                   "admissionregistration.k8s.io", "certificates.k8s.io", "discovery.k8s.io", "node.k8s.io"}


def group_version(api_version):
    return tuple(api_version.split("/", 1)) if "/" in api_version else ("", api_version)


def main():
    with open(sys.argv[1]) as f:
        documents = [d for d in yaml.safe_load_all(f) if d]
    external = set(sys.argv[2:])
    schemas = {}
    for d in documents:
        if d.get("kind") == "CustomResourceDefinition":
            spec = d["spec"]
            for version in spec["versions"]:
                if version.get("served"):
                    schemas[(spec["group"], version["name"], spec["names"]["kind"])] = version["schema"]["openAPIV3Schema"]
    failed = False
    for d in documents:
        group, version = group_version(d.get("apiVersion", ""))
        if group in BUILT_IN_GROUPS:
            continue
        kind = d.get("kind", "")
        name = (d.get("metadata") or {}).get("name", "")
        label = f"{kind}/{name}"
        problem = None
        if not name:
            problem = "metadata.name is missing"
        elif (group, version, kind) in schemas:
            errors = sorted(jsonschema.Draft7Validator(schemas[(group, version, kind)]).iter_errors(d), key=str)
            if errors:
                problem = "; ".join(f"{'/'.join(map(str, e.path)) or '(root)'}: {e.message}" for e in errors)
        elif kind not in external:
            problem = f"no CustomResourceDefinition for {group}/{version} {kind} in the stream, and not a known operator kind"
        if problem:
            failed = True
            print(f"error {label}: {problem}")
        else:
            print(f"ok {label}")
    sys.exit(1 if failed else 0)


main()
