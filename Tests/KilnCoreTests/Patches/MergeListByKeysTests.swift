import KilnCore
import Testing

/// Lists with two merge keys (container ports by `containerPort`+`protocol`, Service ports by
/// `port`+`protocol`, `topologySpreadConstraints`): new elements first, then every element of
/// the object in place; an element that leaves out part of the key patches nothing.
@Suite struct MergeListByKeysTests {
  static let service = """
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      ports:
      - {name: http, port: 80, protocol: TCP, targetPort: 8080}
      - {name: dns, port: 53, protocol: UDP, targetPort: 53}
    """

  static func patch(_ ports: String) -> PatchSpec {
    let indented = ports.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    return PatchCheck.patch(
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n" + indented + "\n")
  }

  @Test func newElementsComeFirstThenTheObjectsInPlace() throws {
    let patch = Self.patch(
      """
      - {port: 53, protocol: UDP, targetPort: 5353}
      - {port: 53, protocol: TCP, name: dns-tcp}
      """)
    #expect(
      try PatchCheck.apply(patch, to: Self.service) == """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
          - name: dns-tcp
            port: 53
            protocol: TCP
          - name: http
            port: 80
            protocol: TCP
            targetPort: 8080
          - name: dns
            port: 53
            protocol: UDP
            targetPort: 5353
        """)
  }

  /// Kustomize issues #3620 and #4752: without `protocol` the patch matches no element and
  /// is dropped.
  @Test func anElementWithoutPartOfTheKeyPatchesNothing() throws {
    let patch = Self.patch("- {port: 80, targetPort: 9999}\n")
    #expect(
      try PatchCheck.apply(patch, to: Self.service) == """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
          - name: http
            port: 80
            protocol: TCP
            targetPort: 8080
          - name: dns
            port: 53
            protocol: UDP
            targetPort: 53
        """)
  }

  @Test func theWholeKeyPatchesAndDeletes() throws {
    let patch = Self.patch(
      """
      - {port: 80, protocol: TCP, targetPort: 9999}
      - {port: 53, protocol: UDP, $patch: delete}
      """)
    #expect(
      try PatchCheck.apply(patch, to: Self.service) == """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
          - name: http
            port: 80
            protocol: TCP
            targetPort: 9999
        """)
  }
}
