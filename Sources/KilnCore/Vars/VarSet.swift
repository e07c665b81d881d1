import KilnYAML

/// The `vars` of a kustomization and of every kustomization and component it includes, in the
/// order they were merged. A name may be declared once in the whole tree (Kustomize: "var
/// already encountered"), whatever objects the two declarations name.
public struct VarSet: Sendable {
  public private(set) var vars: [Var] = []
  private var indexByName: [String: Int] = [:]

  public init() {}

  public var isEmpty: Bool { vars.isEmpty }

  /// Adds `incoming`, refusing a name already in the set.
  public mutating func merge(_ incoming: [Var]) throws {
    var problems = DiagnosticCollector()
    for variable in incoming {
      if let first = indexByName[variable.name] {
        // One declaration met twice: its kustomization is included twice (a diamond).
        let again = vars[first].location == variable.location
        problems.add(
          .error(
            again
              ? "var \"\(variable.name)\" is declared twice: this kustomization is included twice in the build, and var names are global"
              : "var \"\(variable.name)\" is declared twice; a var name must be unique in the whole build",
            at: variable.location, notes: again ? [] : ["first declared at \(vars[first].location)"]))
        continue
      }
      indexByName[variable.name] = vars.count
      vars.append(variable)
    }
    try problems.throwIfErrors()
  }

  public mutating func merge(_ other: VarSet) throws {
    try merge(other.vars)
  }
}
