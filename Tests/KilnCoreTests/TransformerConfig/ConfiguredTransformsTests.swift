import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// Built-in transforms run with field specs of a configuration (or of a plugin's own
/// `fieldSpecs`). Expected outputs are what kubectl kustomize v5.5 printed.
@Suite struct ConfiguredTransformsTests {
  let certificate = """
    apiVersion: cert-manager.io/v1
    kind: Certificate
    metadata:
      name: serving-cert
    spec:
      issuerRef:
        name: selfsigned-issuer
      image: nginx:1.0
      size: 1
    """

  @Test func namespaceGoesToAConfiguredFieldToo() throws {
    let specs =
      BuiltinFieldSpecs.namespace + [FieldSpec(kind: "Certificate", path: "spec/issuerRef/namespace", create: true)]
    let output = try TransformCheck.apply(SetNamespace(namespace: .string("prod"), fieldSpecs: specs), to: certificate)
    #expect(
      output == """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: serving-cert
          namespace: prod
        spec:
          image: nginx:1.0
          issuerRef:
            name: selfsigned-issuer
            namespace: prod
          size: 1
        """)
  }

  @Test func imagesAndReplicasReachConfiguredFields() throws {
    let images = SetImages(
      overrides: [ImageOverride(name: "nginx", newTag: "2.0")],
      fieldSpecs: FieldSpecs.images + [FieldSpec(kind: "Certificate", path: "spec/image", create: false)])
    let replicas = SetReplicas(
      counts: [
        SetReplicas.Count(
          name: "serving-cert", count: try #require(YAMLParser.parseDocuments(Array("3".utf8), file: "count").first),
          at: .unknown)
      ],
      fieldSpecs: BuiltinFieldSpecs.replicas + [FieldSpec(kind: "Certificate", path: "spec/size", create: true)])
    let output = try TransformCheck.apply(images, replicas, to: certificate)
    #expect(output.contains("image: nginx:2.0"))
    #expect(output.contains("size: 3"))
  }

  @Test func aPrefixGoesToAConfiguredFieldAndTheName() throws {
    let prefix = AddNamePrefix(
      prefix: .string("p-"),
      fieldSpecs: BuiltinFieldSpecs.name + [FieldSpec(path: "spec/issuerRef/name", create: false)])
    let output = try TransformCheck.apply(prefix, to: certificate)
    #expect(output.contains("  name: p-serving-cert"))
    #expect(output.contains("    name: p-selfsigned-issuer"))
  }

  /// A PrefixSuffixTransformer whose specs leave out `metadata/name` renames nothing.
  @Test func withoutTheNameSpecNothingIsRenamed() throws {
    let prefix = AddNamePrefix(
      prefix: .string("p-"), fieldSpecs: [FieldSpec(path: "spec/issuerRef/name", create: false)])
    let output = try TransformCheck.apply(prefix, to: certificate)
    #expect(output.contains("  name: serving-cert"))
    #expect(output.contains("    name: p-selfsigned-issuer"))
  }
}
