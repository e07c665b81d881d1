public import KilnYAML

/// A per-component value from an environment file, with where it was set, so that a setting
/// which finds nothing to change is reported at its own line rather than ignored.
public struct ComponentSetting: Sendable {
  public var component: String
  public var key: String
  public var value: Node

  public init(component: String, key: String, value: Node) {
    self.component = component
    self.key = key
    self.value = value
  }

  /// `api.replicas` has nothing to scale, and so on.
  func nothingToChange(_ what: String) -> DiagnosticError {
    DiagnosticError(
      .error(
        "\(component).\(key) is set, but component \"\(component)\" has \(what)", at: value.location,
        hint: "remove the setting, or add what it is meant to change to components/\(component)/"))
  }
}
