/// Which `openapi` schema a build's strategic merge patches use. Kustomize keeps one schema for
/// the whole build and sets it once: from the top kustomization, or else from the first
/// kustomization below that names one, as the build enters it. Patches run before that point
/// use the built-in schema.
extension KustomizeBuilder {
  mutating func adoptSchema(of kustomization: Kustomization) {
    if openAPI == nil, let named = kustomization.openAPI { openAPI = named }
  }

  /// `kustomization` with the schema in force attached to its patches.
  func withSchema(_ kustomization: Kustomization) -> Kustomization {
    guard case .custom(let schema)? = openAPI else { return kustomization }
    var result = kustomization
    for index in result.patches.indices { result.patches[index].schema = schema }
    for index in result.patchesStrategicMerge.indices { result.patchesStrategicMerge[index].schema = schema }
    return result
  }
}
