/// Kustomize's built-in field specs (its `builtinpluginconsts` tables), as data.
public enum FieldSpecs {
  /// `metadata/labels` of every object.
  public static let metadataLabels = [FieldSpec(path: "metadata/labels", create: true)]

  /// Pod template (and claim template) labels of the workload kinds.
  public static let templateLabels: [FieldSpec] = [
    FieldSpec(version: "v1", kind: "ReplicationController", path: "spec/template/metadata/labels", create: true),
    FieldSpec(kind: "Deployment", path: "spec/template/metadata/labels", create: true),
    FieldSpec(kind: "ReplicaSet", path: "spec/template/metadata/labels", create: true),
    FieldSpec(kind: "DaemonSet", path: "spec/template/metadata/labels", create: true),
    FieldSpec(group: "apps", kind: "StatefulSet", path: "spec/template/metadata/labels", create: true),
    FieldSpec(group: "apps", kind: "StatefulSet", path: "spec/volumeClaimTemplates[]/metadata/labels", create: true),
    FieldSpec(group: "batch", kind: "Job", path: "spec/template/metadata/labels", create: true),
    FieldSpec(group: "batch", kind: "CronJob", path: "spec/jobTemplate/metadata/labels", create: true),
    FieldSpec(group: "batch", kind: "CronJob", path: "spec/jobTemplate/spec/template/metadata/labels", create: true),
  ]

  /// Label selectors: immutable in the cluster once applied, which is why `labels` without
  /// `includeSelectors` leaves them alone.
  public static let selectorLabels: [FieldSpec] = {
    var specs: [FieldSpec] = [
      FieldSpec(version: "v1", kind: "Service", path: "spec/selector", create: true),
      FieldSpec(version: "v1", kind: "ReplicationController", path: "spec/selector", create: true),
      FieldSpec(kind: "Deployment", path: "spec/selector/matchLabels", create: true),
      FieldSpec(kind: "ReplicaSet", path: "spec/selector/matchLabels", create: true),
      FieldSpec(kind: "DaemonSet", path: "spec/selector/matchLabels", create: true),
      FieldSpec(group: "apps", kind: "StatefulSet", path: "spec/selector/matchLabels", create: true),
      FieldSpec(group: "batch", kind: "Job", path: "spec/selector/matchLabels", create: false),
      FieldSpec(group: "batch", kind: "CronJob", path: "spec/jobTemplate/spec/selector/matchLabels", create: false),
      FieldSpec(group: "policy", kind: "PodDisruptionBudget", path: "spec/selector/matchLabels", create: false),
      FieldSpec(group: "networking.k8s.io", kind: "NetworkPolicy", path: "spec/podSelector/matchLabels", create: false),
      FieldSpec(
        group: "networking.k8s.io", kind: "NetworkPolicy", path: "spec/ingress/from/podSelector/matchLabels",
        create: false),
      FieldSpec(
        group: "networking.k8s.io", kind: "NetworkPolicy", path: "spec/egress/to/podSelector/matchLabels", create: false
      ),
    ]
    let affinity = [
      "podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm",
      "podAffinity/requiredDuringSchedulingIgnoredDuringExecution",
      "podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm",
      "podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution",
    ]
    for kind in ["Deployment", "StatefulSet"] {
      for term in affinity {
        specs.append(
          FieldSpec(
            group: "apps", kind: kind, path: "spec/template/spec/affinity/\(term)/labelSelector/matchLabels",
            create: false))
      }
      specs.append(
        FieldSpec(
          group: "apps", kind: kind, path: "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels",
          create: false))
    }
    return specs
  }()

  /// `commonLabels` (and `labels` with `includeSelectors`): metadata, templates, selectors.
  public static let commonLabels = metadataLabels + templateLabels + selectorLabels

  /// `commonAnnotations`: metadata and pod templates (not claim templates).
  public static let annotations: [FieldSpec] = [
    FieldSpec(path: "metadata/annotations", create: true),
    FieldSpec(version: "v1", kind: "ReplicationController", path: "spec/template/metadata/annotations", create: true),
    FieldSpec(kind: "Deployment", path: "spec/template/metadata/annotations", create: true),
    FieldSpec(kind: "ReplicaSet", path: "spec/template/metadata/annotations", create: true),
    FieldSpec(kind: "DaemonSet", path: "spec/template/metadata/annotations", create: true),
    FieldSpec(kind: "StatefulSet", path: "spec/template/metadata/annotations", create: true),
    FieldSpec(group: "batch", kind: "Job", path: "spec/template/metadata/annotations", create: true),
    FieldSpec(group: "batch", kind: "CronJob", path: "spec/jobTemplate/metadata/annotations", create: true),
    FieldSpec(
      group: "batch", kind: "CronJob", path: "spec/jobTemplate/spec/template/metadata/annotations", create: true),
  ]

  /// Where the images transform looks besides its walk over every `containers` list.
  public static let images: [FieldSpec] = [
    FieldSpec(path: "spec/containers[]/image", create: true),
    FieldSpec(path: "spec/initContainers[]/image", create: true),
    FieldSpec(path: "spec/template/spec/containers[]/image", create: true),
    FieldSpec(path: "spec/template/spec/initContainers[]/image", create: true),
  ]
}
