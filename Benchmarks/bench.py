#!/usr/bin/env python3
"""kiln against kubectl kustomize, side by side in one run, on the same inputs.

Suite "arches": `kiln build prod` on the repository's own stack, and `kubectl kustomize` on an
equivalent Kustomize tree (base + one wrapper Kustomization per component, so each component's
labels stay on its own objects; replicas, images and namespace at the top). Both outputs must be
byte-identical; the script says so, then prints median wall time, peak memory and the ratio.

Usage: python3 Benchmarks/bench.py [--kiln .build/release/kiln] [--runs 20]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMPONENTS = ["api", "database", "platform", "redis", "storage", "monitoring", "ingress",
              "unstructured", "scraper", "migrations"]


def arches_equivalent_tree(root):
    """The Kustomize tree that renders what `kiln build prod` renders."""
    shutil.copytree(os.path.join(REPO, "base"), os.path.join(root, "base"))
    shutil.copytree(os.path.join(REPO, "components"), os.path.join(root, "components"))
    overrides = {
        "api": "replicas:\n- name: archesai-api\n  count: 3\nimages:\n- name: archesai/api\n  newTag: v1.0.0\n",
        "platform": "replicas:\n- name: archesai-platform\n  count: 2\n",
        "migrations": "images:\n- name: archesai/api\n  newTag: v1.0.0\n",
    }
    for c in COMPONENTS:
        os.makedirs(os.path.join(root, "scoped", c))
        with open(os.path.join(root, "scoped", c, "kustomization.yaml"), "w") as f:
            f.write("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                    "components:\n- ../../components/%s\n%s" % (c, overrides.get(c, "")))
    with open(os.path.join(root, "kustomization.yaml"), "w") as f:
        f.write("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: archesai\n"
                "resources:\n- base\n" + "".join("- scoped/%s\n" % c for c in COMPONENTS))


def measure(argv, cwd, runs):
    """Median wall seconds, peak RSS in MiB (largest over the runs), and the last stdout."""
    times, peak, out = [], 0.0, b""
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = proc.communicate()
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            sys.exit("%s failed:\n%s" % (" ".join(argv), err.decode()))
    # Peak memory from one more run reaped with wait4 (communicate() reaps its child itself).
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(argv, cwd=cwd, stdout=devnull, stderr=devnull)
        _, _, usage = os.wait4(proc.pid, 0)
        proc.returncode = 0
    peak = usage.ru_maxrss / 1024.0
    return statistics.median(times), peak, out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kiln", default=os.path.join(REPO, ".build/release/kiln"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--kubectl-runs", type=int, default=10)
    parser.add_argument("--tree", metavar="DIR", help="only write the equivalent Kustomize tree to DIR (for tests)")
    args = parser.parse_args()
    if args.tree:
        arches_equivalent_tree(args.tree)
        return
    kiln = os.path.abspath(args.kiln)
    kubectl = shutil.which("kubectl") or sys.exit("kubectl not found")

    print("machine: %s, %d cores" % (os.uname().machine, os.cpu_count()))
    print("kiln: %s" % subprocess.run([kiln, "version"], capture_output=True, text=True).stdout.strip())
    print("kubectl: %s" % subprocess.run([kubectl, "version", "--client"], capture_output=True, text=True).stdout.replace("\n", " ").strip())
    with tempfile.TemporaryDirectory() as tree:
        arches_equivalent_tree(tree)
        k_time, k_mem, k_out = measure([kiln, "build", "prod", "-C", REPO], REPO, args.runs)
        u_time, u_mem, u_out = measure([kubectl, "kustomize", tree], tree, args.kubectl_runs)
    same = "identical" if k_out == u_out else "DIFFERENT"
    print("\nsuite arches (prod, %d objects): outputs %s" % (k_out.count(b"\nkind: ") + k_out.startswith(b"kind: "), same))
    print("%-28s %10s %12s" % ("", "median", "peak RSS"))
    print("%-28s %8.1f ms %8.1f MiB" % ("kiln build prod", k_time * 1000, k_mem))
    print("%-28s %8.1f ms %8.1f MiB" % ("kubectl kustomize", u_time * 1000, u_mem))
    print("ratio: kiln is %.0fx faster" % (u_time / k_time))
    if same != "identical":
        sys.exit(1)


if __name__ == "__main__":
    main()
