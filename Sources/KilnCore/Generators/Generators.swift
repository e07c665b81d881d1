import KilnYAML

/// `configMapGenerator` and `secretGenerator`: objects made from literals, files and env files.
enum Generators {
  static func run(
    _ kustomization: Kustomization, in directory: String, files: ProjectFiles, fence: String?,
    into resources: inout [Resource], component: String?
  ) throws {
    guard let first = kustomization.configMapGenerator.first ?? kustomization.secretGenerator.first else { return }
    throw Diagnostic.error("generators are not supported by kiln yet", at: first.location)
  }
}
