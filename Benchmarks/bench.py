#!/usr/bin/env python3
"""kiln against kubectl kustomize, side by side in one run, on the same inputs.

Suite "generated": `kiln kustomize` and `kubectl kustomize` on generated trees (a base, N
Kustomize Components of Deployment/Service/ConfigMap, and namespace, labels, annotations,
images, replicas, patches and generators at the top) for each N.
Suite "references": the same shape, with each Component also declaring a replacement (its
ConfigMap's version copied into its Deployment) and a var (its Service's name, used in its
Deployment's env), under a name prefix, so both are resolved across all N Components.
Suite "one": a tree of a single ConfigMap, kiln's floor (start-up, one read, one write).
Suite "arches": `kiln build prod` on the repository's own stack, and `kubectl kustomize` on an
equivalent Kustomize tree (base + one wrapper Kustomization per component, so each component's
labels stay on its own objects; replicas, images and namespace at the top).
Outputs must be byte-identical; the script says so, then prints median wall time, peak memory and
the ratio.

Usage: python3 Benchmarks/bench.py [--kiln .build/release/kiln] [--suite all|generated|full|references|one|arches]
                                   [--sizes 10,30,100,300] [--runs 20]
"""
import argparse
import os
import resource
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


def generated_tree(root, n, references=False):
    """A realistic tree: a base, and N Kustomize Components of a Deployment, a Service and a
    ConfigMap, each Component with its own labels (in selectors, as the repository's own stack
    does), image tag and replica count; at the top, namespace, labels, annotations, images,
    patches and generators. Kustomize runs each Component's transformers over everything
    accumulated before it, which is why kubectl kustomize grows faster than linearly here.
    With references, each Component also copies its ConfigMap's VERSION into its Deployment (a
    replacement that creates the fields) and declares a var naming its Service, which the
    Deployment's args and env use: the same tree, with references resolved across all N."""
    os.makedirs(os.path.join(root, "base"))
    write(root, "base/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
          "resources:\n- namespace.yaml\n- serviceaccount.yaml\n- config.yaml\n")
    write(root, "base/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n")
    write(root, "base/serviceaccount.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: shop\n")
    write(root, "base/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\ndata:\n"
          "  LOG_LEVEL: info\n  REGION: eu-west-1\n")
    components = []
    for i in range(n):
        name = "svc%03d" % i
        components.append(name)
        d = "components/" + name
        var = "SVC%03d_HOST" % i
        write(root, d + "/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
              "resources:\n- deployment.yaml\n- service.yaml\n- configmap.yaml\n"
              "labels:\n- pairs:\n    app.kubernetes.io/component: %s\n  includeSelectors: true\n"
              "images:\n- name: registry.example.com/shop/%s\n  newTag: \"1.%d.0\"\n"
              "replicas:\n- name: %s\n  count: %d\n" % (name, name, i % 7, name, 2 + i % 3)
              + (COMPONENT_REFERENCES % {"n": name, "v": var} if references else ""))
        deployment = DEPLOYMENT % {"name": name, "port": 8000 + i}
        if references:
            deployment += DEPLOYMENT_REFERENCES % {"var": var}
        write(root, d + "/deployment.yaml", deployment)
        write(root, d + "/service.yaml", SERVICE % {"name": name, "port": 8000 + i})
        write(root, d + "/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s-config\n"
              "data:\n  LISTEN: \":%d\"\n  FEATURE_FLAGS: checkout,search\n  TIMEOUT: 30s\n" % (name, 8000 + i)
              + ("  VERSION: \"1.%d.%d\"\n" % (i % 7, i) if references else ""))
    top = ["apiVersion: kustomize.config.k8s.io/v1beta1", "kind: Kustomization", "namespace: shop-prod",
           "labels:", "- pairs:", "    app.kubernetes.io/part-of: shop", "    environment: prod",
           "  includeSelectors: false", "  includeTemplates: true",
           "commonAnnotations:", "  team: platform",
           "resources:", "- base", "components:"] + ["- components/" + c for c in components]
    top += ["images:", "- name: registry.example.com/shop/svc000", "  newTag: \"2.1.0\"",
            "- name: busybox", "  newTag: \"1.36\""]
    top += ["replicas:", "- name: svc000", "  count: 5"]
    top += ["patches:",
            "- target:", "    kind: Deployment", "  patch: |-",
            "    - op: add", "      path: /spec/template/spec/containers/0/env/-",
            "      value: {name: CLUSTER, value: prod-eu}",
            "- path: resources-patch.yaml"]
    top += ["configMapGenerator:", "- name: shop-settings", "  literals:", "  - CURRENCY=EUR", "  - LOCALE=de_DE",
            "secretGenerator:", "- name: shop-credentials", "  literals:", "  - API_KEY=not-a-real-key"]
    write(root, "kustomization.yaml", "\n".join(top) + "\n")
    write(root, "resources-patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc000\n"
          "spec:\n  template:\n    spec:\n      containers:\n      - name: app\n        resources:\n"
          "          limits:\n            memory: 1Gi\n")


def references_tree(root, n):
    """N Components, each a Deployment, a Service and a ConfigMap, whose kustomization copies the
    ConfigMap's VERSION into the Deployment (a replacement that creates the field) and declares a
    var naming its Service, which the Deployment's env uses. The top adds a name prefix, so every
    var resolves to a renamed Service; replacements run where they are declared, vars once at the
    end, over all N Components' objects."""
    components = []
    for i in range(n):
        name = "svc%03d" % i
        var = "SVC%03d_HOST" % i
        components.append(name)
        d = "components/" + name
        write(root, d + "/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
              "resources:\n- deployment.yaml\n- service.yaml\n- configmap.yaml\n"
              "replacements:\n- source:\n    kind: ConfigMap\n    name: %(n)s-config\n    fieldPath: data.VERSION\n"
              "  targets:\n  - select:\n      kind: Deployment\n      name: %(n)s\n    fieldPaths:\n"
              "    - spec.template.metadata.annotations.app-version\n"
              "    - spec.template.spec.containers.[name=app].env.[name=VERSION].value\n    options:\n      create: true\n"
              "vars:\n- name: %(v)s\n  objref:\n    apiVersion: v1\n    kind: Service\n    name: %(n)s\n"
              "  fieldref:\n    fieldpath: metadata.name\n" % {"n": name, "v": var})
        write(root, d + "/deployment.yaml", REF_DEPLOYMENT % {"name": name, "port": 8000 + i, "var": var})
        write(root, d + "/service.yaml", SERVICE % {"name": name, "port": 8000 + i})
        write(root, d + "/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s-config\n"
              "data:\n  VERSION: \"1.%d.%d\"\n  LISTEN: \":%d\"\n" % (name, i % 7, i, 8000 + i))
    top = ["apiVersion: kustomize.config.k8s.io/v1beta1", "kind: Kustomization", "namespace: shop-prod",
           "namePrefix: prod-", "commonLabels:", "  app.kubernetes.io/part-of: shop",
           "components:"] + ["- components/" + c for c in components]
    write(root, "kustomization.yaml", "\n".join(top) + "\n")


def one_object_tree(root):
    write(root, "kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
          "resources:\n- configmap.yaml\n")
    write(root, "configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
          "data:\n  LOG_LEVEL: info\n")


REF_DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: %(name)s
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: %(name)s
  template:
    metadata:
      labels:
        app.kubernetes.io/name: %(name)s
    spec:
      containers:
      - name: app
        image: registry.example.com/shop/%(name)s:1.0.0
        args:
        - --peer=$(%(var)s):80
        env:
        - name: SELF_URL
          value: http://$(%(var)s).shop-prod.svc:80
        - name: VERSION
          value: unset
        - name: PORT
          value: "%(port)d"
"""


DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: %(name)s
  labels:
    app.kubernetes.io/name: %(name)s
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: %(name)s
  template:
    metadata:
      labels:
        app.kubernetes.io/name: %(name)s
    spec:
      serviceAccountName: shop
      containers:
      - name: app
        image: registry.example.com/shop/%(name)s:1.0.0
        ports:
        - name: http
          containerPort: %(port)d
        env:
        - name: PORT
          value: "%(port)d"
        envFrom:
        - configMapRef:
            name: %(name)s-config
        - configMapRef:
            name: shop-settings
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
        readinessProbe:
          httpGet:
            path: /healthz
            port: http
"""

# A Component's replacement and var in the generated tree with references (as in references_tree).
COMPONENT_REFERENCES = ("replacements:\n- source:\n    kind: ConfigMap\n    name: %(n)s-config\n    fieldPath: data.VERSION\n"
                        "  targets:\n  - select:\n      kind: Deployment\n      name: %(n)s\n    fieldPaths:\n"
                        "    - spec.template.metadata.annotations.app-version\n"
                        "    - metadata.annotations.app-version\n"
                        "    options:\n      create: true\n"
                        "vars:\n- name: %(v)s\n  objref:\n    apiVersion: v1\n    kind: Service\n    name: %(n)s\n"
                        "  fieldref:\n    fieldpath: metadata.name\n")

# Appended to DEPLOYMENT's container (its last key is readinessProbe): args using the var.
DEPLOYMENT_REFERENCES = """        args:
        - --peer=$(%(var)s):80
        - --self=http://$(%(var)s).shop-prod.svc:80
"""

SERVICE = """apiVersion: v1
kind: Service
metadata:
  name: %(name)s
spec:
  selector:
    app.kubernetes.io/name: %(name)s
  ports:
  - name: http
    port: 80
    targetPort: http
"""


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


def run_once(argv, cwd):
    """Wall seconds, CPU seconds (user + system) and stdout of one run; stops the benchmark if
    the run fails. CPU time is the steadier figure when other work loads the machine: waiting
    for a core does not count."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        sys.exit("%s failed:\n%s" % (" ".join(argv), err.decode()))
    return elapsed, cpu, out


def peak_rss(argv, cwd):
    """Peak memory in MiB of one more run, reaped with wait4 (communicate() reaps its child
    itself)."""
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(argv, cwd=cwd, stdout=devnull, stderr=devnull)
        _, _, usage = os.wait4(proc.pid, 0)
        proc.returncode = 0
    return usage.ru_maxrss / 1024.0


def measure_side_by_side(kiln, kubectl, runs, kubectl_runs):
    """Median wall seconds, peak RSS in MiB and the last stdout of each tool. `kiln` and
    `kubectl` are (argv, cwd). kiln's runs are spread between kubectl's, so that both medians
    come from the same minutes: this machine's speed drifts by a third within a minute, and a
    second of kiln runs timed before half a minute of kubectl runs would compare two machines."""
    k_times, u_times, k_cpu, u_cpu, k_out, u_out = [], [], [], [], b"", b""
    for slot in range(kubectl_runs + 1):
        for _ in range(runs * (slot + 1) // (kubectl_runs + 1) - runs * slot // (kubectl_runs + 1)):
            elapsed, cpu, k_out = run_once(*kiln)
            k_times.append(elapsed)
            k_cpu.append(cpu)
        if slot < kubectl_runs:
            elapsed, cpu, u_out = run_once(*kubectl)
            u_times.append(elapsed)
            u_cpu.append(cpu)
    k = (statistics.median(k_times), peak_rss(*kiln), k_out, statistics.median(k_cpu))
    u = (statistics.median(u_times), peak_rss(*kubectl), u_out, statistics.median(u_cpu))
    return k, u


def objects(output):
    return output.count(b"\nkind: ") + (1 if output.startswith(b"kind: ") else 0)


def row(label, n_objects, k, u):
    (k_time, k_mem, k_out, k_cpu), (u_time, u_mem, u_out, u_cpu) = k, u
    same = "identical" if k_out == u_out else "DIFFERENT"
    print("%-14s %7d %12.1f ms %9.1f MiB %12.1f ms %9.1f MiB %8.0fx  %s   CPU %.1f / %.1f ms = %.0fx, load %.1f" % (
        label, n_objects, k_time * 1000, k_mem, u_time * 1000, u_mem, u_time / k_time, same,
        k_cpu * 1000, u_cpu * 1000, u_cpu / max(k_cpu, 1e-6), os.getloadavg()[0]))
    return same == "identical"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kiln", default=os.path.join(REPO, ".build/release/kiln"))
    parser.add_argument("--suite", default="all", choices=["all", "generated", "full", "references", "one", "arches"])
    parser.add_argument("--sizes", default="10,30,100,300")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--kubectl-runs", type=int, default=5)
    parser.add_argument("--tree", metavar="DIR", help="only write the equivalent Arches tree to DIR (for tests)")
    parser.add_argument("--generate", metavar="DIR", help="only write a generated tree of --sizes N to DIR")
    parser.add_argument("--generate-full", metavar="DIR",
                        help="only write a generated tree with references of --sizes N to DIR")
    parser.add_argument("--generate-references", metavar="DIR",
                        help="only write a references tree of --sizes N to DIR")
    args = parser.parse_args()
    if args.tree:
        arches_equivalent_tree(args.tree)
        return
    if args.generate:
        generated_tree(args.generate, int(args.sizes))
        return
    if args.generate_full:
        generated_tree(args.generate_full, int(args.sizes), references=True)
        return
    if args.generate_references:
        references_tree(args.generate_references, int(args.sizes))
        return
    kiln = os.path.abspath(args.kiln)
    kubectl = shutil.which("kubectl") or sys.exit("kubectl not found")

    print("machine: %s, %d cores, %s" % (os.uname().machine, os.cpu_count(), cpu_model()))
    print("kiln: %s" % subprocess.run([kiln, "version"], capture_output=True, text=True).stdout.strip())
    print("kubectl: %s" % subprocess.run([kubectl, "version", "--client"], capture_output=True, text=True).stdout.replace("\n", " ").strip())
    print("runs: kiln %d, kubectl up to %d (fewer for large N), kiln's spread between kubectl's; median wall time;"
          " peak RSS of one more run; then median CPU time (user + system) of kiln / kubectl, and the"
          " 1-minute load average\n" % (args.runs, args.kubectl_runs))
    print("%-14s %7s %15s %13s %15s %13s %9s" % ("tree", "objects", "kiln", "kiln RSS", "kubectl", "kubectl RSS", "ratio"))
    ok = True
    sized_suites = [("generated", "N=%d", generated_tree),
                    ("full", "full N=%d", lambda root, n: generated_tree(root, n, references=True)),
                    ("references", "refs N=%d", references_tree)]
    for suite, label, write_tree in sized_suites:
        if args.suite not in ("all", suite):
            continue
        for n in [int(x) for x in args.sizes.split(",")]:
            with tempfile.TemporaryDirectory() as tree:
                write_tree(tree, n)
                u_runs = max(1, min(args.kubectl_runs, 300 // max(n, 1)))
                k, u = measure_side_by_side(([kiln, "kustomize", tree], tree), ([kubectl, "kustomize", tree], tree),
                                            args.runs, u_runs)
                ok &= row(label % n, objects(k[2]), k, u)
    if args.suite in ("all", "one"):
        with tempfile.TemporaryDirectory() as tree:
            one_object_tree(tree)
            k, u = measure_side_by_side(([kiln, "kustomize", tree], tree), ([kubectl, "kustomize", tree], tree),
                                        args.runs, args.kubectl_runs)
            ok &= row("one object", objects(k[2]), k, u)
    if args.suite in ("all", "arches"):
        with tempfile.TemporaryDirectory() as tree:
            arches_equivalent_tree(tree)
            k, u = measure_side_by_side(([kiln, "build", "prod", "-C", REPO], REPO), ([kubectl, "kustomize", tree], tree),
                                        args.runs, args.kubectl_runs)
            ok &= row("arches prod", objects(k[2]), k, u)
    if not ok:
        sys.exit("outputs differ")


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    main()
