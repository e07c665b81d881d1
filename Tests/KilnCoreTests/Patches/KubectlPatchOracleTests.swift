import Foundation
import KilnTestSupport
import Testing

/// kiln's patch engine against `kubectl kustomize` (Kustomize v5.5): each tree (a
/// kustomization, its objects and its patches) is built by kubectl and by the `kiln` binary
/// (`kiln kustomize DIR`), and the two outputs must be byte-identical. When kubectl fails, kiln
/// must fail too: exit code 1 and nothing on stdout. kubectl's results are read from
/// Tests/OracleRecords/ (see `Kubectl`).
///
/// The trees are grouped by concept in the `KubectlPatchOracleTests+*.swift` files.
@Suite struct KubectlPatchOracleTests {
  /// A directory to build: file paths (relative to the tree) and their text.
  struct Tree: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [String: String]
    var testDescription: String { name }

    init(_ name: String, _ files: [String: String]) {
      self.name = name
      self.files = files
    }
  }

  static let trees = objectTrees + listTrees + targetTrees + jsonTrees

  @Test(arguments: trees)
  func kilnPrintsWhatKubectlPrints(_ tree: Tree) throws {
    let directory = try TemporaryDirectory(prefix: "kiln-patch-oracle")
    for (path, text) in tree.files {
      try directory.write(path, text.hasSuffix("\n") ? text : text + "\n")
    }
    let kubectl = try Kubectl.kustomize(directory.path)
    let kiln = try KilnBinary.run(["kustomize", directory.path])
    if kubectl.status == 0 {
      #expect(kiln.status == 0, "kubectl succeeded, kiln failed:\n\(kiln.stderr)")
      let identical = kiln.stdoutBytes == kubectl.stdoutBytes
      #expect(identical, "\(firstDifferences(kiln.stdout, kubectl.stdout))\nkiln stderr: \(kiln.stderr)")
    } else {
      #expect(kiln.status == 1, "kubectl failed (\(kubectl.stderr)), kiln exited \(kiln.status)")
      #expect(kiln.stdout.isEmpty, "kiln printed objects although the build fails")
    }
  }

  @Test func everyTreeHasItsOwnName() {
    #expect(Set(Self.trees.map(\.name)).count == Self.trees.count)
    #expect(Self.trees.count >= 40)
  }
}

/// Objects most trees start from.
enum PatchFixture {
  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      labels:
        app: web
        tier: frontend
    spec:
      replicas: 2
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
          - name: app
            image: app:1
            args: [--port, "8080"]
            env:
            - name: A
              value: "1"
            - name: B
              value: "2"
            - name: C
              value: "3"
            - name: D
              value: "4"
            ports:
            - containerPort: 8080
              protocol: TCP
              name: http
            - containerPort: 53
              protocol: UDP
              name: dns
            volumeMounts:
            - name: data
              mountPath: /data
          - name: sidecar
            image: sidecar:1
          volumes:
          - name: data
            emptyDir: {}
          tolerations:
          - key: dedicated
            operator: Exists
    """

  /// The same Deployment under another name, for targets that select two objects.
  static let secondDeployment = deployment.replacingOccurrences(
    of: "  name: web\n  labels", with: "  name: web2\n  labels")

  static let service = """
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector:
        app: web
      ports:
      - name: http
        port: 80
        protocol: TCP
        targetPort: 8080
      - name: dns
        port: 53
        protocol: UDP
        targetPort: 53
      - name: plain
        port: 90
        targetPort: 90
    """

  static let configMap = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    data:
      mode: fast
      level: "3"
    """
}
