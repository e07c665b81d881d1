import Foundation
import KilnTestSupport
import Testing

/// `kiln build prod` prints exactly what `kubectl kustomize` prints for the equivalent
/// Kustomize tree (each component wrapped so its labels stay its own, the environment's
/// replicas, images and namespace at the top): the transforms kiln shares with Kustomize
/// behave as Kustomize's do.
@Suite struct KustomizeEquivalenceTests {
  @Test func prodMatchesKubectlKustomize() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-equivalent")
    let python = try Python.interpreter()
    let written = try ProcessRunner.run(
      python, [KilnBinary.repositoryRoot + "/Benchmarks/bench.py", "--tree", tree.path + "/t"])
    #expect(written.status == 0, "\(written.stderr)")
    let kustomize = try Kubectl.kustomize(tree.path + "/t")
    #expect(kustomize.status == 0, "\(kustomize.stderr)")
    let kiln = try KilnBinary.run(["build", "prod"])
    #expect(kiln.status == 0)
    expectSameText(
      kiln.stdout, kustomize.stdout, "kiln build prod differs from kubectl kustomize of the equivalent tree")
  }

  /// A tree of many services (the benchmark's generated tree, 40 services: 125 objects in
  /// nested bases with patches, generators and name references) is parsed and written in
  /// parallel pieces; the joined output must still be kubectl's, byte for byte.
  @Test func largeGeneratedTreeMatchesKubectlKustomize() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-generated")
    let python = try Python.interpreter()
    let written = try ProcessRunner.run(
      python, [KilnBinary.repositoryRoot + "/Benchmarks/bench.py", "--generate", tree.path + "/t", "--sizes", "40"])
    #expect(written.status == 0, "\(written.stderr)")
    let kustomize = try Kubectl.kustomize(tree.path + "/t")
    #expect(kustomize.status == 0, "\(kustomize.stderr)")
    let kiln = try KilnBinary.run(["kustomize", tree.path + "/t"])
    #expect(kiln.status == 0, "\(kiln.stderr)")
    #expect(kiln.stdout.components(separatedBy: "\n---\n").count > 100)
    expectSameText(kiln.stdout, kustomize.stdout, "kiln kustomize differs from kubectl kustomize on the generated tree")
  }
}
