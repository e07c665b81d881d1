#!/usr/bin/env python3
"""Checks the merge-key table against `kubectl kustomize` (Kustomize v5.5), kind by kind.

    python3 Scripts/verify-merge-keys.py [apiVersion/kind substring ...]

For every list path in the table of Scripts/generate-merge-keys.py, and for every kind the
script says Kustomize does not know, it writes one object whose list holds two elements and a
strategic merge patch that names one of them, builds the tree with kubectl, and reads back
whether the list was merged (the other element kept) or replaced. Every disagreement with the
table is printed; the exit status is 1 if there is any. Needs kubectl and PyYAML.
"""

import importlib.util
import os
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("gen", os.path.join(HERE, "generate-merge-keys.py"))
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)


def parse(path):
    """'a.b[k1,k2].c[]' -> [('a', None), ('b', ['k1','k2']), ('c', [])]"""
    out = []
    for seg in path.split("."):
        if seg.endswith("]"):
            name, keys = seg[:-1].split("[")
            out.append((name, [k for k in keys.split(",") if k]))
        else:
            out.append((seg, None))
    return out


def element(keys, tag, extra=None):
    e = {k: f"{tag}-{k}" for k in keys}
    if extra:
        e.update(extra)
    return e


def build(segments, leaf):
    """The nested value for `segments`, with `leaf` as the value of the last one."""
    name, keys = segments[0]
    name = "anykey" if name == "*" else name
    if len(segments) == 1:
        return {name: leaf}
    inner = build(segments[1:], leaf)
    if keys is None:
        return {name: inner}
    el = element(keys, "k")
    el.update(inner)
    return {name: [el]}


def leaves(keys):
    if keys == []:
        return ["a", "b"], ["c"], {"merged": ["c", "a", "b"], "replaced": ["c"]}
    a = element(keys, "a", {"probe": "a"})
    b = element(keys, "b", {"probe": "old"})
    b2 = element(keys, "b", {"probe": "new"})
    merged_b = dict(b2)
    merged = [merged_b, a] if len(keys) == 1 else [a, merged_b]
    return [a, b], [b2], {"merged": merged, "replaced": [b2]}


def read(obj, segments):
    cur = obj
    for name, keys in segments[:-1]:
        name = "anykey" if name == "*" else name
        cur = cur.get(name) if isinstance(cur, dict) else None
        if keys is not None and isinstance(cur, list):
            cur = cur[0] if cur else None
    if not isinstance(cur, dict):
        return None
    last = segments[-1][0]
    return cur.get("anykey" if last == "*" else last)


def check(version, kind, paths, expect_merge):
    resources, patches, expected = [], [], {}
    for i, path in enumerate(paths):
        segs = parse(path)
        keys = segs[-1][1]
        dest_leaf, patch_leaf, outcomes = leaves(keys if keys is not None else [])
        name = f"p{i}"
        meta_dest = {"name": name}
        body_dest = build(segs, dest_leaf)
        body_patch = build(segs, patch_leaf)
        for body in (body_dest, body_patch):
            if "metadata" in body:
                body["metadata"]["name"] = name
            else:
                body["metadata"] = {"name": name}
        resources.append({"apiVersion": version, "kind": kind, **body_dest})
        patches.append({"apiVersion": version, "kind": kind, **body_patch})
        expected[name] = (path, segs, outcomes["merged" if expect_merge else "replaced"], outcomes)
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "r.yaml"), "w") as f:
            yaml.safe_dump_all(resources, f)
        k = {"resources": ["r.yaml"], "patches": []}
        for i, p in enumerate(patches):
            with open(os.path.join(d, f"p{i}.yaml"), "w") as f:
                yaml.safe_dump(p, f)
            k["patches"].append({"path": f"p{i}.yaml"})
        with open(os.path.join(d, "kustomization.yaml"), "w") as f:
            yaml.safe_dump(k, f)
        r = subprocess.run(["kubectl", "kustomize", d], capture_output=True, text=True)
    if r.returncode != 0:
        return [f"{version} {kind}: kubectl failed: {r.stderr.strip()[:300]}"]
    problems = []
    for obj in yaml.safe_load_all(r.stdout):
        path, segs, want, outcomes = expected[obj["metadata"]["name"]]
        got = read(obj, segs)
        if got != want:
            seen = [k for k, v in outcomes.items() if v == got]
            problems.append(f"{version} {kind} {path}: table says {'merged' if expect_merge else 'replaced'}, kubectl {seen[0] if seen else got}")
    return problems


def main():
    filters = sys.argv[1:]
    rows = gen.table(gen.load_definitions())
    problems = []
    checked = 0
    for (version, kind), paths in sorted(rows.items()):
        if filters and not any(f in f"{version}/{kind}" for f in filters):
            continue
        problems += check(version, kind, paths, True)
        checked += len(paths)
    unknown = sorted(gen.ABSENT_IN_1_21) + gen.ALPHA_KINDS_OF_1_21 + [("example.com/v1", "Widget"), ("apps/v1beta1", "Deployment")]
    for version, kind in unknown:
        if filters and not any(f in f"{version}/{kind}" for f in filters):
            continue
        problems += check(version, kind, ["metadata.finalizers[]", "metadata.ownerReferences[uid]"], False)
        checked += 2
    for p in problems:
        print(p)
    print(f"{checked} lists checked, {len(problems)} disagreements")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
