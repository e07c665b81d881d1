#!/usr/bin/env python3
"""Writes Sources/KilnCore/Patches/MergeKeys.generated.swift: for every built-in Kubernetes kind,
the lists a strategic merge patch merges element by element instead of replacing.

    python3 Scripts/generate-merge-keys.py            # regenerate the Swift table
    python3 Scripts/generate-merge-keys.py --check    # fail if the committed table is stale

Source: the OpenAPI definitions bundled with the pip package kubernetes-validate
(`kubernetes-json-schema/v1.25.0-local/_definitions.json`). A list merges when its schema has
`x-kubernetes-patch-strategy` containing `merge`; its keys are `x-kubernetes-list-map-keys` when
present, else `x-kubernetes-patch-merge-key`, else none (a list of scalars merged as a set, like
`finalizers`). That is exactly what kyaml (Kustomize's YAML library) reads.

Kustomize v5.5 embeds the Kubernetes 1.21.2 schema, not 1.25, and kubectl is the authority. The
CORRECTIONS below bring the 1.25 data back to what `kubectl kustomize` does; each one was checked
with Scripts/verify-merge-keys.py, which builds a tree per kind and compares kubectl's output with
this table's prediction.

Path syntax in the generated table, one string per merged list:
    spec.template.spec.containers[name].env[name]
`field[k1,k2]` is a list merged on those keys (and a step into its elements), `field[]` a list of
scalars merged as a set, `*` any key of a map (additionalProperties).
"""

import json
import os
import sys

SCHEMA_VERSION = "v1.25.0-local"
OUTPUT = "Sources/KilnCore/Patches/MergeKeys.generated.swift"

# ---------------------------------------------------------------------------------------------
# Corrections: where the 1.25 definitions differ from the 1.21.2 schema inside Kustomize v5.5.

# Kinds that 1.25 has and 1.21 does not: kyaml finds no schema for them, so every list of
# theirs is replaced (autoscaling/v2 HorizontalPodAutoscaler included: its metadata.finalizers
# are replaced, not merged).
ABSENT_IN_1_21 = {
    ("autoscaling/v2", "HorizontalPodAutoscaler"),   # GA in 1.23
    ("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema"),   # 1.23
    ("flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration"),
    ("storage.k8s.io/v1", "CSIStorageCapacity"),     # 1.24
    ("networking.k8s.io/v1alpha1", "ClusterCIDR"),   # 1.25
    # Served by 1.21 but missing from the schema Kustomize embeds (found with kubectl).
    ("internal.apiserver.k8s.io/v1alpha1", "StorageVersion"),
    ("policy/v1", "Eviction"),
}

# Fields that 1.25 has and 1.21 does not (or that had no patch strategy in 1.21).
ABSENT_FIELDS_IN_1_21 = {
    # CEL validation rules arrived in 1.23; in 1.21 the field does not exist.
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps", "x-kubernetes-validations"),
    # NetworkPolicy status arrived in 1.24.
    ("io.k8s.api.networking.v1.NetworkPolicy", "status"),
    # In 1.21 an ephemeral container's ports had no patch strategy (kubectl replaces them).
    ("io.k8s.api.core.v1.EphemeralContainer", "ports"),
}

# Kinds that 1.21 serves and 1.25 removed: they take the schema of their successor, whose
# merged lists are the same. Verified with kubectl (metadata.finalizers merge, pod templates
# merge containers by name, webhooks by name, CSINode drivers by name).
ONLY_IN_1_21 = {
    ("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration"): ("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"),
    ("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration"): ("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"),
    ("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition"): ("apiextensions.k8s.io/v1", "CustomResourceDefinition"),
    ("apiregistration.k8s.io/v1beta1", "APIService"): ("apiregistration.k8s.io/v1", "APIService"),
    ("autoscaling/v2beta1", "HorizontalPodAutoscaler"): ("autoscaling/v2beta2", "HorizontalPodAutoscaler"),
    ("batch/v1beta1", "CronJob"): ("batch/v1", "CronJob"),
    ("certificates.k8s.io/v1beta1", "CertificateSigningRequest"): ("certificates.k8s.io/v1", "CertificateSigningRequest"),
    ("coordination.k8s.io/v1beta1", "Lease"): ("coordination.k8s.io/v1", "Lease"),
    ("discovery.k8s.io/v1beta1", "EndpointSlice"): ("discovery.k8s.io/v1", "EndpointSlice"),
    ("events.k8s.io/v1beta1", "Event"): ("events.k8s.io/v1", "Event"),
    ("extensions/v1beta1", "Ingress"): ("networking.k8s.io/v1", "Ingress"),
    ("networking.k8s.io/v1beta1", "Ingress"): ("networking.k8s.io/v1", "Ingress"),
    ("networking.k8s.io/v1beta1", "IngressClass"): ("networking.k8s.io/v1", "IngressClass"),
    ("node.k8s.io/v1beta1", "RuntimeClass"): ("node.k8s.io/v1", "RuntimeClass"),
    ("policy/v1beta1", "PodDisruptionBudget"): ("policy/v1", "PodDisruptionBudget"),
    ("policy/v1beta1", "PodSecurityPolicy"): ("v1", "LimitRange"),  # metadata lists only
    ("rbac.authorization.k8s.io/v1beta1", "ClusterRole"): ("rbac.authorization.k8s.io/v1", "ClusterRole"),
    ("rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding"): ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"),
    ("rbac.authorization.k8s.io/v1beta1", "Role"): ("rbac.authorization.k8s.io/v1", "Role"),
    ("rbac.authorization.k8s.io/v1beta1", "RoleBinding"): ("rbac.authorization.k8s.io/v1", "RoleBinding"),
    ("scheduling.k8s.io/v1beta1", "PriorityClass"): ("scheduling.k8s.io/v1", "PriorityClass"),
    ("storage.k8s.io/v1beta1", "CSIDriver"): ("storage.k8s.io/v1", "CSIDriver"),
    ("storage.k8s.io/v1beta1", "CSINode"): ("storage.k8s.io/v1", "CSINode"),
    ("storage.k8s.io/v1beta1", "StorageClass"): ("storage.k8s.io/v1", "StorageClass"),
    ("storage.k8s.io/v1beta1", "VolumeAttachment"): ("storage.k8s.io/v1", "VolumeAttachment"),
}

# The v1alpha1 kinds 1.21 served are not in Kustomize's schema (kubectl replaces their
# metadata.finalizers); they stay out of the table. Scripts/verify-merge-keys.py checks them too.
ALPHA_KINDS_OF_1_21 = [
    ("flowcontrol.apiserver.k8s.io/v1alpha1", "FlowSchema"),
    ("node.k8s.io/v1alpha1", "RuntimeClass"),
    ("rbac.authorization.k8s.io/v1alpha1", "Role"),
    ("scheduling.k8s.io/v1alpha1", "PriorityClass"),
    ("storage.k8s.io/v1alpha1", "VolumeAttachment"),
]

# ---------------------------------------------------------------------------------------------


def schema_directory():
    import kubernetes_validate  # pip install kubernetes-validate

    base = os.path.dirname(kubernetes_validate.__file__)
    return os.path.join(base, "kubernetes-json-schema", SCHEMA_VERSION)


def load_definitions():
    with open(os.path.join(schema_directory(), "_definitions.json")) as f:
        return json.load(f)["$defs"]


def ref_name(schema):
    ref = schema.get("$ref")
    if ref is None and "items" in schema:
        return None
    return ref.rsplit("/", 1)[-1] if ref else None


def kinds(defs):
    """(apiVersion, kind) -> definition name, for every object kind (lists of objects excluded)."""
    result = {}
    for name, d in defs.items():
        props = d.get("properties", {})
        versions = props.get("apiVersion", {}).get("enum")
        names = props.get("kind", {}).get("enum")
        if not versions or not names or "metadata" not in props:
            continue
        for v in versions:
            for k in names:
                if k.endswith("List") and "items" in props:
                    continue
                result[(v, k)] = name
    return result


def merge_lists(defs, type_name, prefix, stack):
    """Every merged list under `type_name`, as path strings, depth first in field order."""
    if type_name in stack:
        raise SystemExit(f"recursive schema reaches a merged list: {' > '.join(stack + [type_name])}")
    d = defs[type_name]
    found = []
    for field in sorted(d.get("properties", {})):
        if (type_name, field) in ABSENT_FIELDS_IN_1_21:
            continue
        found += field_lists(defs, d["properties"][field], prefix + [field], stack + [type_name])
    extra = d.get("additionalProperties")
    if isinstance(extra, dict):
        found += field_lists(defs, extra, prefix + ["*"], stack + [type_name])
    return found


def field_lists(defs, schema, path, stack):
    strategy = schema.get("x-kubernetes-patch-strategy", "")
    items = schema.get("items")
    if items is not None:
        if "merge" not in strategy.split(","):
            return []  # replaced whole: nothing below it is ever merged
        keys = schema.get("x-kubernetes-list-map-keys")
        if keys is None:
            key = schema.get("x-kubernetes-patch-merge-key")
            keys = [key] if key else []
        segment = f"{path[-1]}[{','.join(keys)}]"
        here = path[:-1] + [segment]
        below = []
        item_type = ref_name(items)
        if item_type:
            below = merge_lists(defs, item_type, here, stack)
        return [".".join(here)] + below
    target = ref_name(schema)
    if target:
        return merge_lists(defs, target, path, stack)
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        return field_lists(defs, extra, path + ["*"], stack)
    return []


def table(defs):
    by_kind = kinds(defs)
    rows = {}
    for (version, kind), name in by_kind.items():
        if (version, kind) in ABSENT_IN_1_21:
            continue
        rows[(version, kind)] = merge_lists(defs, name, [], [])
    for old, successor in ONLY_IN_1_21.items():
        rows[old] = rows[successor]
    return {k: v for k, v in rows.items() if v}


def swift(rows):
    lines = [
        "// Generated by Scripts/generate-merge-keys.py; do not edit. Regenerate with",
        "//     python3 Scripts/generate-merge-keys.py",
        f"// Source: kubernetes-validate's {SCHEMA_VERSION}/_definitions.json, corrected to the",
        "// Kubernetes 1.21.2 schema that Kustomize v5.5 embeds (the corrections are listed in the script).",
        "",
        "extension MergeKeys {",
        "  /// For each `apiVersion kind`, the lists a strategic merge patch merges instead of replacing:",
        "  /// `field[k1,k2]` merges elements on those keys, `field[]` merges scalars as a set, `*` is any",
        "  /// key of a map. Every other list is replaced by the patch's.",
        "  static let generated: [String: [String]] = [",
    ]
    for (version, kind) in sorted(rows, key=lambda k: (k[0], k[1])):
        lines.append(f'    "{version} {kind}": [')
        for path in rows[(version, kind)]:
            lines.append(f'      "{path}",')
        lines.append("    ],")
    lines += ["  ]", "}", ""]
    return "\n".join(lines)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    text = swift(table(load_definitions()))
    path = os.path.join(root, OUTPUT)
    if "--check" in sys.argv:
        with open(path) as f:
            if f.read() != text:
                raise SystemExit(f"{OUTPUT} is stale; run python3 Scripts/generate-merge-keys.py")
        return
    if "--json" in sys.argv:
        print(json.dumps({f"{v} {k}": p for (v, k), p in table(load_definitions()).items()}, indent=1))
        return
    with open(path, "w") as f:
        f.write(text)
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
