import Foundation
import KilnTestSupport
import Testing

@testable import KilnCore

/// Reading a project: kustomizations, resource files, and what stays outside.
@Suite struct ProjectLoadingTests {
  @Test func filesOutsideTheProjectAreRefused() {
    var p = Fixtures.twoComponents()
    p.write("components/web/kustomization.yaml", "resources: [deployment.yaml, ../../../etc/passwd]\n")
    #expect(
      p.errors("dev") == [
        "components/web/kustomization.yaml:1:30: error: \"../../../etc/passwd\" is outside the project directory"
      ])
  }

  @Test func symlinksLeavingTheProjectAreRefused() {
    var p = Fixtures.twoComponents()
    p.writeOutside("/secrets/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stolen}\n")
    p.fileSystem.symlink("/project/components/web/stolen.yaml", to: "/secrets/cm.yaml")
    p.write("components/web/kustomization.yaml", "resources: [deployment.yaml, stolen.yaml]\n")
    let errors = p.errors("dev")
    #expect(errors.count == 1)
    #expect(errors.first?.contains("outside the project directory; kiln does not read it") == true)
  }

  /// A component directory without a kustomization is all its `*.yaml` files: a symlink among
  /// them that leads nowhere is an error, never an object quietly left out.
  @Test func aDanglingOrLoopingSymlinkInAComponentDirectoryIsAnError() throws {
    let project = try TemporaryDirectory(prefix: "kiln-links")
    try project.write("components/web/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n")
    try project.write("environments/dev.yaml", "web: {enabled: true}\n")
    for (link, target) in [("secret.yaml", "moved.yaml"), ("x.yaml", "y.yaml"), ("y.yaml", "x.yaml")] {
      try FileManager.default.createSymbolicLink(
        atPath: project.path + "/components/web/" + link, withDestinationPath: target)
    }
    do {
      _ = try Compiler.build(BuildRequest(projectDirectory: project.path, environment: "dev"))
      Issue.record("the build left the links' objects out without a word")
    } catch let error as DiagnosticError {
      #expect(
        error.diagnostics.map(\.description) == [
          "kiln: error: components/web/secret.yaml is a dangling symlink; its object cannot be read",
          "kiln: error: components/web/x.yaml is a symlink that loops; its object cannot be read",
          "kiln: error: components/web/y.yaml is a symlink that loops; its object cannot be read",
        ])
    }
  }

  @Test func unknownKustomizationField() {
    var p = Fixtures.twoComponents()
    p.write("components/web/kustomization.yaml", "resorces: [deployment.yaml]\n")
    let d = p.diagnostics("dev")
    #expect(
      d.map(\.description) == [
        "components/web/kustomization.yaml:1:1: error: unknown field \"resorces\" in kustomization"
      ])
    #expect(d.first?.hint == "did you mean \"resources\"?")
  }

  @Test func missingResource() {
    var p = Fixtures.twoComponents()
    p.write("components/web/kustomization.yaml", "resources: [deploymnet.yaml]\n")
    let d = p.diagnostics("dev")
    #expect(
      d.map(\.description) == [
        "components/web/kustomization.yaml:1:13: error: resource \"deploymnet.yaml\" does not exist"
      ])
    #expect(d.first?.hint == "did you mean \"deployment.yaml\"?")
  }

  @Test func listsAreFlattenedAndEmptyDocumentsDropped() throws {
    var p = ProjectHarness()
    p.write(
      "base/all.yaml",
      """
      ---
      # a comment-only document
      ---
      apiVersion: v1
      kind: List
      items:
      - {apiVersion: v1, kind: ConfigMap, metadata: {name: one}}
      - {apiVersion: v1, kind: ConfigMap, metadata: {name: two}}
      ---
      """)
    p.write("environments/dev.yaml", "")
    #expect(try p.result("dev").resources.map(\.name) == ["one", "two"])
  }

  @Test func objectsNeedKindAndName() {
    var p = ProjectHarness()
    p.write(
      "base/bad.yaml", "apiVersion: v1\nmetadata: {name: x}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {}\n")
    p.write("environments/dev.yaml", "")
    #expect(
      p.errors("dev") == [
        "base/bad.yaml:1:1: error: object has no kind",
        "base/bad.yaml:6:11: error: object has no metadata.name",
      ])
  }

  @Test func duplicateObjectsNameBothFiles() {
    var p = ProjectHarness()
    p.write("base/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}\n")
    p.write("base/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}\n")
    p.write("environments/dev.yaml", "")
    let d = p.diagnostics("dev")
    #expect(d.map(\.description) == ["base/b.yaml:1:1: error: ConfigMap same is defined twice"])
    #expect(d.first?.notes == ["first defined at base/a.yaml:1:1"])
  }

  @Test func aComponentListedAsResourceIsRefused() {
    var p = Fixtures.twoComponents()
    p.write("base/kustomization.yaml", "resources: [serviceaccount.yaml, ../components/worker]\n")
    #expect(
      p.errors("dev") == [
        "base/kustomization.yaml:1:34: error: \"../components/worker\" is a Component; list it under components, not resources"
      ])
  }

  @Test func nestedBasesAreBuiltFirst() throws {
    var p = ProjectHarness()
    p.write("base/kustomization.yaml", "resources: [shared]\ncommonAnnotations: {layer: base}\n")
    p.write("base/shared/kustomization.yaml", "resources: [cm.yaml]\nnamespace: inner\n")
    p.write("base/shared/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n")
    p.write("environments/dev.yaml", "")
    #expect(
      try p.build("dev") == """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          annotations:
            layer: base
          name: cm
          namespace: inner

        """)
  }
}
