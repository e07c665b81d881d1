import KilnYAML

/// How a transform writes a scalar it rewrites in place: a prefixed or suffixed name, a
/// reference updated to a new name, a renamed image.
///
/// `kiln build` writes the new value as a string. kubectl kustomize sets it with kyaml's
/// `SetScalar`, which keeps the old scalar's style and drops its type, so the value is typed
/// again from its text on the way out: after a plain old value it is read as YAML 1.2 reads a
/// plain scalar (`name: e5` with `namePrefix: "1"` prints as the number `100000`, an `image:
/// app` renamed to `12345` as the number `12345`); after a quoted one it stays a string.
public enum ScalarRewrite: Sendable, Equatable {
  case asString
  case keepingStyle

  /// `text` in place of `old`, written as this rule says.
  func node(_ text: String, replacing old: Node, at location: SourceLocation? = nil) -> Node {
    let location = location ?? old.location
    guard self == .keepingStyle, let scalar = old.scalar else { return .string(text, at: location) }
    guard scalar.style == .plain else {
      return Node(.scalar(Scalar(text, tag: .string, style: scalar.style)), at: location)
    }
    let tag = ScalarResolver.resolvePlain(text, dialect: .yaml12)
    return Node(.scalar(Scalar(text, tag: tag, style: .plain)), at: location)
  }
}
