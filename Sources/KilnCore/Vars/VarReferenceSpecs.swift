/// Kustomize's built-in `varReference` field specs (`builtinpluginconsts/varreference.go`):
/// where `$(NAME)` is looked for when no `configurations:` file adds more.
enum VarReferenceSpecs {
  static let builtin: [FieldSpec] = {
    let container = ["args", "command", "env/value", "volumeMounts/mountPath"]
    func podSpec(_ kind: String, _ prefix: String, nfs: String? = nil) -> [FieldSpec] {
      var specs: [FieldSpec] = []
      for list in ["containers", "initContainers"] {
        for field in container {
          specs.append(FieldSpec(kind: kind, path: "\(prefix)/\(list)/\(field)", create: false))
        }
      }
      specs.append(FieldSpec(kind: kind, path: nfs ?? "\(prefix)/volumes/nfs/server", create: false))
      return specs
    }
    var specs = podSpec("CronJob", "spec/jobTemplate/spec/template/spec")
    specs += podSpec("DaemonSet", "spec/template/spec")
    specs += podSpec("Deployment", "spec/template/spec")
    specs += ["spec/rules/host", "spec/tls/hosts", "spec/tls/secretName"].map {
      FieldSpec(kind: "Ingress", path: $0, create: false)
    }
    specs += podSpec("Job", "spec/template/spec")
    specs += podSpec("Pod", "spec")
    specs += podSpec("ReplicaSet", "spec/template/spec")
    specs += ["spec/ports/port", "spec/ports/targetPort"].map { FieldSpec(kind: "Service", path: $0, create: false) }
    specs += podSpec("StatefulSet", "spec/template/spec", nfs: "spec/volumeClaimTemplates/spec/nfs/server")
    specs.append(FieldSpec(kind: "PersistentVolume", path: "spec/nfs/server", create: false))
    specs.append(FieldSpec(path: "metadata/labels", create: false))
    specs.append(FieldSpec(path: "metadata/annotations", create: false))
    return specs
  }()
}
