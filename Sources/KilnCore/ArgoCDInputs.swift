import KilnYAML

/// What `kiln argocd` reads from the environment Argo CD gives a config-management plugin:
/// plugin env entries arrive as `ARGOCD_ENV_<NAME>`, parameters as `ARGOCD_APP_PARAMETERS`
/// (JSON, only those set explicitly) and as `PARAM_<NAME>`, which upper-cases names and turns
/// dots into underscores, so map keys such as `api.image.tag` are read from the JSON.
/// A parameter wins over the env entry of the same meaning; value files and `--set` pairs of
/// both are layered, env entries first.
public struct ArgoCDInputs: Sendable, Equatable {
  public var environment: String
  public var valueFiles: [String]
  /// Helm `--set` arguments, one per pair.
  public var sets: [String]
  /// The destination namespace, used when the environment sets none.
  public var namespace: String?
  /// The application's path inside its repository (`ARGOCD_APP_SOURCE_PATH`), which tells
  /// where the repository's root is above the directory the plugin runs in.
  public var sourcePath: String?

  public struct Problem: Error, CustomStringConvertible {
    public var description: String
  }

  public init(environment variables: [String: String]) throws {
    let parameters = try Self.parameters(variables["ARGOCD_APP_PARAMETERS"])
    let chosen = parameters.string("env") ?? variables["PARAM_ENV"] ?? variables["ARGOCD_ENV_KILN_ENV"]
    guard let environment = chosen?.trimmed, !environment.isEmpty else {
      throw Problem(
        description: "no environment: set the plugin env KILN_ENV (ARGOCD_ENV_KILN_ENV) or the parameter env")
    }
    self.environment = environment
    let fromEnv = (variables["ARGOCD_ENV_KILN_VALUES"] ?? "").split(separator: ",").map { String($0).trimmed }.filter {
      !$0.isEmpty
    }
    let fromParameters = parameters.array("values") ?? Self.indexed("PARAM_VALUES", variables)
    valueFiles = fromEnv + fromParameters
    var sets: [String] = []
    if let line = variables["ARGOCD_ENV_KILN_SET"], !line.trimmed.isEmpty { sets.append(line.trimmed) }
    for (key, value) in parameters.map("set") {
      // `--set` grammar: a comma or backslash in the value is a literal one.
      sets.append(key + "=" + value.replacing("\\", with: "\\\\").replacing(",", with: "\\,"))
    }
    self.sets = sets
    let destination = variables["ARGOCD_APP_NAMESPACE"]?.trimmed ?? ""
    namespace = destination.isEmpty ? nil : destination
    sourcePath = variables["ARGOCD_APP_SOURCE_PATH"]
  }

  /// `PARAM_VALUES_0`, `PARAM_VALUES_1`, … in order.
  private static func indexed(_ prefix: String, _ variables: [String: String]) -> [String] {
    var found: [String] = []
    while let value = variables["\(prefix)_\(found.count)"] { found.append(value) }
    return found
  }

  /// `[{"name": …, "string"|"array"|"map": …}]`.
  private static func parameters(_ json: String?) throws -> Parameters {
    guard let json, !json.trimmed.isEmpty else { return Parameters(entries: []) }
    let node: Node
    do {
      node = try JSONReader.parse(json, file: "ARGOCD_APP_PARAMETERS")
    } catch {
      throw Problem(description: "ARGOCD_APP_PARAMETERS is not JSON: \(error.message)")
    }
    guard let items = node.items else { throw Problem(description: "ARGOCD_APP_PARAMETERS is not a JSON array") }
    return Parameters(entries: items)
  }

  private struct Parameters {
    var entries: [Node]

    private func entry(_ name: String) -> Node? { entries.last { $0["name"]?.string == name } }

    func string(_ name: String) -> String? { entry(name)?["string"]?.scalarText }

    func array(_ name: String) -> [String]? { entry(name)?["array"]?.items?.compactMap(\.scalarText) }

    func map(_ name: String) -> [(String, String)] {
      (entry(name)?["map"]?.entries ?? []).map { ($0.key, $0.value.scalarText ?? "") }
    }
  }
}

extension String {
  fileprivate var trimmed: String {
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" || first == "\n" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" || last == "\n" { text.removeLast() }
    return String(text)
  }
}
