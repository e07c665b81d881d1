import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// The repository's own stack keeps every component's label on its own objects: metadata,
/// selectors and pod templates; and every Service selects the pods of its own component only.
@Suite struct ComponentLabelTests {
  static let label = "app.kubernetes.io/component"

  func objects(_ environment: String) throws -> [Node] {
    let result = try KilnBinary.run(["build", environment, "--sources"])
    #expect(result.status == 0)
    return try YAMLParser.parseDocuments(result.stdoutBytes, file: "\(environment).yaml")
  }

  /// Each object's component comes from its `# Source:` path (`components/<name>/…`); base
  /// objects carry no component label.
  @Test(arguments: ["dev", "prod"])
  func everyComponentObjectCarriesItsLabelEverywhere(_ environment: String) throws {
    let result = try KilnBinary.run(["build", environment, "--sources"])
    let chunks = result.stdout.components(separatedBy: "---\n")
    for chunk in chunks {
      let source = try #require(chunk.firstMatch(of: /^# Source: (\S+)/).map { String($0.1) })
      let node = try #require(try YAMLParser.parseDocuments(Array(chunk.utf8), file: source).first)
      let component = source.hasPrefix("components/") ? String(source.split(separator: "/")[1]) : nil
      let metadataLabel = node.value(at: ["metadata", "labels", Self.label])?.string
      #expect(metadataLabel == component, "\(source): metadata label \(metadataLabel ?? "none")")
      guard let component else { continue }
      for path in [
        ["spec", "selector", "matchLabels"], ["spec", "template", "metadata", "labels"], ["spec", "selector"],
      ] {
        guard let map = node.value(at: path), map.isMapping,
          path.last != "selector" || node["kind"]?.string == "Service"
        else { continue }
        #expect(map[Self.label]?.string == component, "\(source): \(path.joined(separator: ".")) lacks \(component)")
      }
    }
  }

  @Test(arguments: ["dev", "prod"])
  func everyServiceSelectsOnlyItsOwnComponentsPods(_ environment: String) throws {
    let objects = try objects(environment)
    let templates = objects.compactMap { object -> (name: String, labels: [String: String])? in
      guard let labels = object.value(at: ["spec", "template", "metadata", "labels"])?.entries else { return nil }
      return (
        object.value(at: ["metadata", "name"])?.string ?? "",
        Dictionary(uniqueKeysWithValues: labels.map { ($0.key, $0.value.string ?? "") })
      )
    }
    for service in objects where service["kind"]?.string == "Service" {
      let name = service.value(at: ["metadata", "name"])?.string ?? ""
      let component = service.value(at: ["metadata", "labels", Self.label])?.string
      let selector = (service.value(at: ["spec", "selector"])?.entries ?? []).map { ($0.key, $0.value.string ?? "") }
      #expect(!selector.isEmpty, "\(name) has no selector")
      let selected = templates.filter { t in selector.allSatisfy { t.labels[$0.0] == $0.1 } }
      #expect(!selected.isEmpty, "\(name) selects no pods")
      for pod in selected {
        #expect(
          pod.labels[Self.label] == component, "\(name) (component \(component ?? "none")) selects pods of \(pod.name)")
      }
    }
  }
}
