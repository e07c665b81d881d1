import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// References to ConfigMaps and Secrets from pod specs (research §7, §8.4): after the hash step
/// renames a generated `cfg` to `cfg-7gdc49gk6d`, every pod-spec place naming `cfg` in the same
/// namespace follows. Inputs are written in kiln's output key order, so the expected output is
/// the input with the new names.
@Suite struct ConfigMapAndSecretReferenceTests {
  static let hashed: [any Transform] = [
    NameReferenceCheck.rename("ConfigMap", "cfg", to: "cfg-7gdc49gk6d"),
    NameReferenceCheck.rename("Secret", "token", to: "token-2228b6cdf4"),
  ]

  static func deployment(cfg: String, token: String) -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      template:
        spec:
          containers:
          - env:
            - name: A
              valueFrom:
                configMapKeyRef:
                  key: a
                  name: \(cfg)
            - name: B
              valueFrom:
                secretKeyRef:
                  key: b
                  name: \(token)
            - name: C
              valueFrom:
                configMapKeyRef:
                  key: c
                  name: not-generated
            envFrom:
            - configMapRef:
                name: \(cfg)
            - secretRef:
                name: \(token)
            name: web
          imagePullSecrets:
          - name: \(token)
          initContainers:
          - envFrom:
            - configMapRef:
                name: \(cfg)
            name: init
          volumes:
          - configMap:
              name: \(cfg)
            name: config
          - name: secret
            secret:
              secretName: \(token)
          - name: all
            projected:
              sources:
              - configMap:
                  name: \(cfg)
              - secret:
                  name: \(token)
    """
  }

  static let objects = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cfg
    ---
    apiVersion: v1
    kind: Secret
    metadata:
      name: token
    ---
    """

  @Test func everyPodSpecPlaceFollowsAHashedName() throws {
    let input = Self.objects + "\n" + Self.deployment(cfg: "cfg", token: "token")
    let output = try NameReferenceCheck.apply(Self.hashed + [UpdateNameReferences()], to: input)
    let expected = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg-7gdc49gk6d
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: token-2228b6cdf4
      ---
      """ + "\n" + Self.deployment(cfg: "cfg-7gdc49gk6d", token: "token-2228b6cdf4")
    #expect(output == expected, "\(firstDifferences(output, expected))")
  }

  /// The generator's own path: `needsHashSuffix` set, the hash step names it, references follow.
  @Test func theHashStepsRenameIsFollowed() throws {
    var list = try TransformHarness.resources(Self.objects + "\n" + Self.deployment(cfg: "cfg", token: "token"))
    list[0].needsHashSuffix = true
    try AddHashSuffixes().apply(to: &list)
    try UpdateNameReferences().apply(to: &list)
    let hashedName = list[0].name
    #expect(hashedName.hasPrefix("cfg-") && hashedName.count == "cfg-".count + 10)
    let refs = list[2].node.value(at: ["spec", "template", "spec", "volumes"])?.items?.first?["configMap"]?["name"]
    #expect(refs?.string == hashedName)
  }

  /// Every kind with a pod spec, where Kustomize looks for it.
  @Test(arguments: [
    ("v1", "Pod", ["spec"]),
    ("v1", "PodTemplate", ["template", "spec"]),
    ("apps/v1", "Deployment", ["spec", "template", "spec"]),
    ("apps/v1", "ReplicaSet", ["spec", "template", "spec"]),
    ("apps/v1", "DaemonSet", ["spec", "template", "spec"]),
    ("apps/v1", "StatefulSet", ["spec", "template", "spec"]),
    ("batch/v1", "Job", ["spec", "template", "spec"]),
    ("batch/v1", "CronJob", ["spec", "jobTemplate", "spec", "template", "spec"]),
  ])
  func everyWorkloadKindIsAReferrer(apiVersion: String, kind: String, podSpec: [String]) throws {
    var spec = Node.mapping([
      "volumes": .sequence([.mapping(["name": .string("v"), "configMap": .mapping(["name": .string("cfg")])])]),
      "containers": .sequence([
        .mapping([
          "name": .string("c"), "envFrom": .sequence([.mapping(["secretRef": .mapping(["name": .string("token")])])]),
        ])
      ]),
    ])
    for key in podSpec.dropFirst().reversed() { spec = .mapping([key: spec]) }
    var workload = Node.mapping([
      "apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": .mapping(["name": .string("w")]),
    ])
    workload[podSpec[0]] = spec
    var list = try TransformHarness.resources(Self.objects) + [Resource(node: workload, sourcePath: "w.yaml")]
    for transform in Self.hashed + [UpdateNameReferences()] { try transform.apply(to: &list) }
    let podSpecNode = list[2].node.value(at: podSpec)
    #expect(podSpecNode?["volumes"]?.items?.first?["configMap"]?["name"]?.string == "cfg-7gdc49gk6d")
    #expect(
      podSpecNode?["containers"]?.items?.first?["envFrom"]?.items?.first?["secretRef"]?["name"]?.string
        == "token-2228b6cdf4")
  }

  /// research §8.4 and issue #1301: the hashed name is used in the ConfigMap's namespace only.
  @Test func aReferenceFromAnotherNamespaceStays() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
        namespace: app
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: here
        namespace: app
      spec:
        volumes:
        - configMap:
            name: cfg
          name: c
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: elsewhere
        namespace: other
      spec:
        volumes:
        - configMap:
            name: cfg
          name: c
      """
    let expected = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg-7gdc49gk6d
        namespace: app
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: here
        namespace: app
      spec:
        volumes:
        - configMap:
            name: cfg-7gdc49gk6d
          name: c
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: elsewhere
        namespace: other
      spec:
        volumes:
        - configMap:
            name: cfg
          name: c
      """
    let output = try TransformCheck.apply(
      NameReferenceCheck.rename("ConfigMap", "cfg", to: "cfg-7gdc49gk6d"), UpdateNameReferences(), to: input)
    #expect(output == expected, "\(firstDifferences(output, expected))")
  }

  /// No namespace and `default` are the same namespace.
  @Test func noNamespaceAndDefaultAreOneNamespace() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        namespace: default
      spec:
        volumes:
        - configMap:
            name: cfg
          name: c
      """
    let output = try TransformCheck.apply(NameReferenceCheck.prefix("x-"), UpdateNameReferences(), to: input)
    #expect(output.contains("- configMap:\n      name: x-cfg"))
  }

  /// Only `v1` Pods are referrers (Kustomize's table restricts the version); the ConfigMap
  /// may be of any group with version v1.
  @Test func aPodOfAnotherVersionIsNotAReferrer() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
      ---
      apiVersion: example.com/v2
      kind: Pod
      metadata:
        name: p
      spec:
        volumes:
        - configMap:
            name: cfg
          name: c
      """
    let output = try TransformCheck.apply(NameReferenceCheck.prefix("x-"), UpdateNameReferences(), to: input)
    #expect(output.contains("- configMap:\n      name: cfg\n"))
  }

  /// Ingress TLS and auth annotations, a ServiceAccount's and a StorageClass's secrets, and a
  /// PersistentVolume's Azure file secret.
  @Test func secretsOutsidePodSpecsFollow() throws {
    let input = """
      apiVersion: v1
      kind: Secret
      metadata:
        name: token
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        annotations:
          ingress.kubernetes.io/auth-secret: token
          nginx.ingress.kubernetes.io/auth-secret: token
          nginx.ingress.kubernetes.io/auth-tls-secret: token
          other: token
        name: web
      spec:
        tls:
        - secretName: token
      ---
      apiVersion: v1
      imagePullSecrets:
      - name: token
      kind: ServiceAccount
      metadata:
        name: sa
      ---
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: fast
      parameters:
        adminSecretName: token
        secretName: token
        secretRef: token
        userSecretName: token
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata:
        name: disk
      spec:
        azureFile:
          secretName: token
      """
    let expected = """
      apiVersion: v1
      kind: Secret
      metadata:
        name: token-h
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        annotations:
          ingress.kubernetes.io/auth-secret: token-h
          nginx.ingress.kubernetes.io/auth-secret: token-h
          nginx.ingress.kubernetes.io/auth-tls-secret: token-h
          other: token
        name: web
      spec:
        tls:
        - secretName: token-h
      ---
      apiVersion: v1
      imagePullSecrets:
      - name: token-h
      kind: ServiceAccount
      metadata:
        name: sa
      ---
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: fast
      parameters:
        adminSecretName: token-h
        secretName: token-h
        secretRef: token-h
        userSecretName: token-h
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata:
        name: disk
      spec:
        azureFile:
          secretName: token-h
      """
    let output = try TransformCheck.apply(
      NameReferenceCheck.rename("Secret", "token", to: "token-h"), UpdateNameReferences(), to: input)
    #expect(output == expected, "\(firstDifferences(output, expected))")
  }
}
