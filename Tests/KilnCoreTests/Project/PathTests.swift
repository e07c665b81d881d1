import KilnCore
import Testing

/// Joining and taking apart `/`-separated paths, read as bytes.
@Suite struct PathTests {
  @Test func directoryAndFileName() {
    #expect(Path.directory(of: "components/api/deployment.yaml") == "components/api")
    #expect(Path.fileName("components/api/deployment.yaml") == "deployment.yaml")
    #expect(Path.directory(of: "kustomization.yaml") == ".")
    #expect(Path.fileName("kustomization.yaml") == "kustomization.yaml")
    #expect(Path.directory(of: "/etc") == "/")
    #expect(Path.fileName("/etc") == "etc")
    #expect(Path.directory(of: "/") == "/")
    #expect(Path.directory(of: "café/déjà.yaml") == "café")
    #expect(Path.fileName("café/déjà.yaml") == "déjà.yaml")
  }

  @Test func normalizeFoldsDotsAndEmptySegments() {
    #expect(Path.normalize("base/deployment.yaml") == "base/deployment.yaml")
    #expect(Path.normalize("base/./deployment.yaml") == "base/deployment.yaml")
    #expect(Path.normalize("base//deployment.yaml") == "base/deployment.yaml")
    #expect(Path.normalize("base/") == "base")
    #expect(Path.normalize("a/../../b") == "../b")
    #expect(Path.normalize("/a/../../b") == "/b")
    #expect(Path.normalize("a/b/..") == "a")
    #expect(Path.normalize("...") == "...")
    #expect(Path.normalize(".hidden/x") == ".hidden/x")
  }
}
