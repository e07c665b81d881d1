/// Kustomize's built-in name-reference table (`namereference.go` of its builtin plugin
/// constants, as shipped in Kustomize v5.5), as data: for each kind of object that can be
/// renamed, the fields of other objects that hold its name.
///
/// Row order is Kustomize's. It matters in one way: the rows that apply to one referrer run in
/// this order, each reading the field as the previous row left it (a Role's `resourceNames` is
/// read for ConfigMaps, then Secrets, then PersistentVolumes).
public enum NameReferenceTable {
  /// The objects a row is about: `group` and `version` left nil match any.
  public struct Target: Sendable, Equatable {
    public var group: String?
    public var version: String?
    public var kind: String

    public init(group: String? = nil, version: String? = nil, kind: String) {
      self.group = group
      self.version = version
      self.kind = kind
    }

    public func selects(group: String, version: String) -> Bool {
      (self.group == nil || self.group == group) && (self.version == nil || self.version == version)
    }
  }

  public struct Row: Sendable, Equatable {
    public var target: Target
    /// The fields holding a target's name. A field ending in a mapping (`subjects`,
    /// `webhooks/clientConfig/service`) holds a `name` and an optional `namespace`.
    public var referrers: [FieldSpec]

    public init(target: Target, referrers: [FieldSpec]) {
      self.target = target
      self.referrers = referrers
    }
  }

  // MARK: - Pod specs

  /// Where each workload kind keeps its pod spec; Pod alone is restricted to `v1`.
  private static let podSpecs: [(kind: String, version: String?, path: String)] = [
    ("Pod", "v1", "spec"),
    ("PodTemplate", nil, "template/spec"),
    ("Deployment", nil, "spec/template/spec"),
    ("ReplicaSet", nil, "spec/template/spec"),
    ("DaemonSet", nil, "spec/template/spec"),
    ("StatefulSet", nil, "spec/template/spec"),
    ("Job", nil, "spec/template/spec"),
    ("CronJob", nil, "spec/jobTemplate/spec/template/spec"),
  ]

  /// The kinds whose pod spec names ServiceAccounts, PVCs and PriorityClasses (no PodTemplate
  /// nor ReplicaSet there; ReplicationController instead), in Kustomize's order.
  private static let workloads: [(kind: String, path: String)] = [
    ("Pod", "spec"),
    ("StatefulSet", "spec/template/spec"),
    ("Deployment", "spec/template/spec"),
    ("ReplicationController", "spec/template/spec"),
    ("CronJob", "spec/jobTemplate/spec/template/spec"),
    ("Job", "spec/template/spec"),
    ("DaemonSet", "spec/template/spec"),
  ]

  private static func inPodSpecs(_ fields: [String]) -> [FieldSpec] {
    podSpecs.flatMap { pod in fields.map { field(pod.kind, "\(pod.path)/\($0)", version: pod.version) } }
  }

  private static func inWorkloads(_ field: String) -> [FieldSpec] {
    workloads.map { self.field($0.kind, "\($0.path)/\(field)") }
  }

  // MARK: - The table

  public static let rows: [Row] = [
    Row(target: Target(kind: "Deployment"), referrers: [field("HorizontalPodAutoscaler", "spec/scaleTargetRef/name")]),
    Row(
      target: Target(kind: "ReplicationController"),
      referrers: [field("HorizontalPodAutoscaler", "spec/scaleTargetRef/name")]),
    Row(target: Target(kind: "ReplicaSet"), referrers: [field("HorizontalPodAutoscaler", "spec/scaleTargetRef/name")]),
    Row(target: Target(kind: "StatefulSet"), referrers: [field("HorizontalPodAutoscaler", "spec/scaleTargetRef/name")]),
    Row(
      target: Target(version: "v1", kind: "ConfigMap"),
      referrers: inPodSpecs([
        "volumes/configMap/name",
        "containers/env/valueFrom/configMapKeyRef/name",
        "initContainers/env/valueFrom/configMapKeyRef/name",
        "containers/envFrom/configMapRef/name",
        "initContainers/envFrom/configMapRef/name",
        "volumes/projected/sources/configMap/name",
      ]) + [
        field("Node", "spec/configSource/configMap"),
        field("Role", "rules/resourceNames"),
        field("ClusterRole", "rules/resourceNames"),
        field("Ingress", #"metadata/annotations/nginx.ingress.kubernetes.io\/fastcgi-params-configmap"#),
      ]),
    Row(
      target: Target(version: "v1", kind: "Secret"),
      referrers: inPodSpecs([
        "volumes/secret/secretName",
        "containers/env/valueFrom/secretKeyRef/name",
        "initContainers/env/valueFrom/secretKeyRef/name",
        "containers/envFrom/secretRef/name",
        "initContainers/envFrom/secretRef/name",
        "imagePullSecrets/name",
        "volumes/projected/sources/secret/name",
      ]) + [
        field("Ingress", "spec/tls/secretName"),
        field("Ingress", #"metadata/annotations/ingress.kubernetes.io\/auth-secret"#),
        field("Ingress", #"metadata/annotations/nginx.ingress.kubernetes.io\/auth-secret"#),
        field("Ingress", #"metadata/annotations/nginx.ingress.kubernetes.io\/auth-tls-secret"#),
        // Listed twice in Kustomize's table; the second pass reads the first one's result.
        field("Ingress", "spec/tls/secretName"),
        field("ServiceAccount", "imagePullSecrets/name"),
        field("StorageClass", "parameters/secretName"),
        field("StorageClass", "parameters/adminSecretName"),
        field("StorageClass", "parameters/userSecretName"),
        field("StorageClass", "parameters/secretRef"),
        field("Role", "rules/resourceNames"),
        field("ClusterRole", "rules/resourceNames"),
        field(
          "Service", "spec/template/spec/containers/env/valueFrom/secretKeyRef/name",
          group: "serving.knative.dev", version: "v1"),
        field("PersistentVolume", "spec/azureFile/secretName"),
      ]),
    Row(
      target: Target(version: "v1", kind: "Service"),
      referrers: [
        field("StatefulSet", "spec/serviceName", group: "apps"),
        field("Ingress", "spec/rules/http/paths/backend/serviceName"),
        field("Ingress", "spec/backend/serviceName"),
        field("Ingress", "spec/rules/http/paths/backend/service/name"),
        field("Ingress", "spec/defaultBackend/service/name"),
        field("APIService", "spec/service/name", group: "apiregistration.k8s.io"),
        field("ValidatingWebhookConfiguration", "webhooks/clientConfig/service", group: "admissionregistration.k8s.io"),
        field("MutatingWebhookConfiguration", "webhooks/clientConfig/service", group: "admissionregistration.k8s.io"),
      ]),
    Row(
      target: Target(group: "rbac.authorization.k8s.io", kind: "Role"),
      referrers: [field("RoleBinding", "roleRef/name", group: "rbac.authorization.k8s.io")]),
    Row(
      target: Target(group: "rbac.authorization.k8s.io", kind: "ClusterRole"),
      referrers: [
        field("RoleBinding", "roleRef/name", group: "rbac.authorization.k8s.io"),
        field("ClusterRoleBinding", "roleRef/name", group: "rbac.authorization.k8s.io"),
      ]),
    Row(
      target: Target(version: "v1", kind: "ServiceAccount"),
      referrers: [
        field("RoleBinding", "subjects", group: "rbac.authorization.k8s.io"),
        field("ClusterRoleBinding", "subjects", group: "rbac.authorization.k8s.io"),
      ] + inWorkloads("serviceAccountName")),
    Row(
      target: Target(version: "v1", kind: "PersistentVolumeClaim"),
      referrers: inWorkloads("volumes/persistentVolumeClaim/claimName")),
    Row(
      target: Target(version: "v1", kind: "PersistentVolume"),
      referrers: [field("PersistentVolumeClaim", "spec/volumeName"), field("ClusterRole", "rules/resourceNames")]),
    Row(
      target: Target(group: "storage.k8s.io", version: "v1", kind: "StorageClass"),
      referrers: [
        field("PersistentVolume", "spec/storageClassName"),
        field("PersistentVolumeClaim", "spec/storageClassName"),
        field("StatefulSet", "spec/volumeClaimTemplates/spec/storageClassName"),
      ]),
    Row(
      target: Target(group: "scheduling.k8s.io", version: "v1", kind: "PriorityClass"),
      referrers: inWorkloads("priorityClassName")),
    // Kustomize's table gives the group as "networking.k8s.io/v1", which no object has: Ingress
    // `ingressClassName` is never rewritten (confirmed with kubectl kustomize v5.5).
    Row(
      target: Target(group: "networking.k8s.io/v1", version: "v1", kind: "IngressClass"),
      referrers: [field("Ingress", "spec/ingressClassName")]),
    Row(
      target: Target(group: "admissionregistration.k8s.io", kind: "ValidatingAdmissionPolicy"),
      referrers: [field("ValidatingAdmissionPolicyBinding", "spec/policyName", group: "admissionregistration.k8s.io")]),
  ]

  /// One referring field with the row it belongs to.
  public struct ReferringField: Sendable {
    public var target: Target
    public var spec: FieldSpec
    /// The keys of `spec.path`, split once.
    public var steps: [String]

    public init(target: Target, spec: FieldSpec) {
      self.target = target
      self.spec = spec
      self.steps = spec.path.map(\.name)
    }
  }

  /// The referring fields of each referrer kind, in table order: the update looks here once
  /// per object instead of scanning the table.
  public static let byReferrerKind: [String: [ReferringField]] = {
    var result: [String: [ReferringField]] = [:]
    for row in rows {
      for spec in row.referrers {
        guard let kind = spec.kind else { continue }
        result[kind, default: []].append(ReferringField(target: row.target, spec: spec))
      }
    }
    return result
  }()

  /// The referring fields of `rows` for each kind of object in `resources`, in row order: a
  /// field spec without a kind (a configuration's own) applies to every kind.
  static func referringFields(_ rows: [Row], forKindsOf resources: [Resource]) -> [String: [ReferringField]] {
    if rows == Self.rows { return byReferrerKind }
    if rows == TransformerConfig.defaults.nameReference { return defaultsByReferrerKind }
    var kinds: Set<String> = []
    for resource in resources { kinds.insert(resource.kind) }
    return referringFields(rows, kinds: kinds)
  }

  /// The same for the default configuration, whose every field names its kind.
  private static let defaultsByReferrerKind = referringFields(TransformerConfig.defaults.nameReference, kinds: [])

  private static func referringFields(_ rows: [Row], kinds: Set<String>) -> [String: [ReferringField]] {
    var result: [String: [ReferringField]] = [:]
    for row in rows {
      for spec in row.referrers {
        let field = ReferringField(target: row.target, spec: spec)
        if let kind = spec.kind {
          result[kind, default: []].append(field)
        } else {
          for kind in kinds { result[kind, default: []].append(field) }
        }
      }
    }
    return result
  }

  // MARK: - Paths

  /// A field spec from Kustomize's path syntax: steps separated by `/`, where `\/` is a slash
  /// inside a key (annotation names). A list anywhere on the way is walked element by element.
  static func field(_ kind: String, _ path: String, group: String? = nil, version: String? = nil) -> FieldSpec {
    FieldSpec(group: group, version: version, kind: kind, steps: steps(path).map { .key($0) }, create: false)
  }

  /// Over bytes, not Characters: the table's few hundred paths are split on every run.
  static func steps(_ path: String) -> [String] {
    var steps: [String] = []
    var current: [UInt8] = []
    var escaped = false
    for byte in path.utf8 {
      if escaped {
        current.append(byte)
        escaped = false
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
      } else if byte == UInt8(ascii: "/") {
        steps.append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
      } else {
        current.append(byte)
      }
    }
    steps.append(String(decoding: current, as: UTF8.self))
    return steps
  }
}
