/// The rest of Kustomize's built-in field specs (`builtinpluginconsts`), as data: the tables
/// the transforms used to know only as code (labels, annotations and images live in
/// `FieldSpecs`, name references in `NameReferenceTable`).
public enum BuiltinFieldSpecs {
  /// `namePrefix` and `nameSuffix`: every object's name.
  public static let name = [FieldSpec(path: "metadata/name", create: false)]

  /// `namespace`, besides what `SetNamespace` does by hand whatever the specs say, as
  /// Kustomize does: an object's own `metadata/namespace` (never on cluster-scoped kinds) and
  /// the RoleBinding subjects named `default`.
  public static let namespace: [FieldSpec] = [
    FieldSpec(kind: "Namespace", path: "metadata/name", create: true),
    FieldSpec(group: "apiregistration.k8s.io", kind: "APIService", path: "spec/service/namespace", create: true),
    FieldSpec(
      group: "apiextensions.k8s.io", kind: "CustomResourceDefinition",
      path: "spec/conversion/webhook/clientConfig/service/namespace", create: false),
  ]

  /// `replicas`: the scalable workload kinds of any group.
  public static let replicas: [FieldSpec] = ["Deployment", "ReplicationController", "ReplicaSet", "StatefulSet"].map {
    FieldSpec(kind: $0, path: "spec/replicas", create: true)
  }

  /// `vars`: the fields where `$(NAME)` is substituted. Two rows follow kubectl (Kustomize
  /// v5.5) rather than its source table: a CronJob's nfs server path lacks the pod template's
  /// `spec/` and never matches; a Deployment's pod template annotations are substituted.
  public static let varReference: [FieldSpec] = {
    let container = ["args", "command", "env/value", "volumeMounts/mountPath"]
    func podSpec(_ kind: String, _ prefix: String, volumes: String? = nil) -> [FieldSpec] {
      var specs: [FieldSpec] = []
      for list in ["containers", "initContainers"] {
        for field in container {
          specs.append(FieldSpec(kind: kind, path: "\(prefix)/\(list)/\(field)", create: false))
        }
      }
      specs.append(FieldSpec(kind: kind, path: volumes ?? "\(prefix)/volumes/nfs/server", create: false))
      return specs
    }
    var specs: [FieldSpec] = podSpec(
      "CronJob", "spec/jobTemplate/spec/template/spec", volumes: "spec/jobTemplate/spec/template/volumes/nfs/server")
    specs += podSpec("DaemonSet", "spec/template/spec")
    specs += podSpec("Deployment", "spec/template/spec")
    specs.append(FieldSpec(kind: "Deployment", path: "spec/template/metadata/annotations", create: false))
    specs += [
      FieldSpec(kind: "Ingress", path: "spec/rules/host", create: false),
      FieldSpec(kind: "Ingress", path: "spec/tls/hosts", create: false),
      FieldSpec(kind: "Ingress", path: "spec/tls/secretName", create: false),
    ]
    specs += podSpec("Job", "spec/template/spec")
    specs += podSpec("Pod", "spec")
    specs += podSpec("ReplicaSet", "spec/template/spec")
    specs += [
      FieldSpec(kind: "Service", path: "spec/ports/port", create: false),
      FieldSpec(kind: "Service", path: "spec/ports/targetPort", create: false),
    ]
    specs += podSpec("StatefulSet", "spec/template/spec", volumes: "spec/volumeClaimTemplates/spec/nfs/server")
    specs += [
      FieldSpec(kind: "PersistentVolume", path: "spec/nfs/server", create: false),
      FieldSpec(path: "metadata/labels", create: false),
      FieldSpec(path: "metadata/annotations", create: false),
    ]
    return specs
  }()
}
