/// The vars of one part of a kiln project (`base/`, a component, one instance of a
/// component): each part is its own Kustomize build, so its vars are resolved against, and
/// substituted in, its own objects only, and two components may use the same var name.
struct VarScope: Sendable {
  var vars: VarSet
  var component: String?
  var instance: String?

  func contains(_ resource: Resource) -> Bool {
    resource.component == component && resource.instance == instance
  }
}
