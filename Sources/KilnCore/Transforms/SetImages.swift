import KilnYAML

/// Rewrites container images (`images:`), one entry after another, exactly as Kustomize does.
///
/// Each entry makes two passes over every object but CRDs: a walk that finds every
/// `containers`/`initContainers` list at any depth (CronJobs, custom resources), then the
/// standard pod-spec field specs. The second pass only matters for `tagSuffix`, which
/// Kustomize v5.5 therefore adds twice on standard paths (`redis:6-alpine-alpine`); kiln
/// reproduces that so its output stays byte-identical.
public struct SetImages: Transform {
  public var name: String { "SetImages" }

  public var overrides: [ImageOverride]

  public init(overrides: [ImageOverride]) { self.overrides = overrides }

  public func apply(to resources: inout [Resource]) throws {
    for override in overrides {
      for index in resources.indices where resources[index].kind != "CustomResourceDefinition" {
        Self.walkContainers(&resources[index].node) { Self.rewrite(&$0, override) }
        for spec in FieldSpecs.images {
          try FieldPath.visit(&resources[index].node, spec, transform: name) { image in
            Self.rewrite(&image, override)
          }
        }
      }
    }
  }

  private static func rewrite(_ image: inout Node, _ override: ImageOverride) {
    guard let text = image.string, override.matches(text) else { return }
    image = .string(override.rewrite(text), at: image.location)
  }

  /// Calls `body` with the `image` of every element of every `containers` or
  /// `initContainers` list, at any depth.
  static func walkContainers(_ node: inout Node, _ body: (inout Node) -> Void) {
    switch node.value {
    case .mapping:
      node.withEntries { entries in
        for i in entries.indices {
          let key = entries[i].key
          if (key == "containers" || key == "initContainers") && entries[i].value.isSequence {
            entries[i].value.withItems { items in
              for j in items.indices { items[j].withValue(forKey: "image") { body(&$0) } }
            }
          }
          walkContainers(&entries[i].value, body)
        }
      }
    case .sequence:
      node.withItems { items in
        for i in items.indices { walkContainers(&items[i], body) }
      }
    case .scalar:
      break
    }
  }
}
