import Foundation
import KilnTestSupport
import Testing

@testable import KilnCore

/// The disk as kiln reads it: whole files of any size, and what a directory listing says each
/// entry is (files, directories, symlinks followed to what they name).
@Suite struct DiskFileSystemTests {
  @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 300_000])
  func readsWholeFiles(size: Int) throws {
    let tree = try TemporaryDirectory(prefix: "kiln-disk")
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try tree.write("f.bin", bytes: bytes)
    #expect(try DiskFileSystem().readFile(tree.path + "/f.bin") == bytes)
  }

  @Test func kindsComeFromListingsAndSymlinksAreFollowed() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-disk")
    try tree.write("base/kustomization.yaml", "resources: []\n")
    try FileManager.default.createSymbolicLink(atPath: tree.path + "/link", withDestinationPath: "base")
    try FileManager.default.createSymbolicLink(atPath: tree.path + "/file-link", withDestinationPath: "base/kustomization.yaml")
    let files = try ProjectFiles(fileSystem: DiskFileSystem(), root: tree.path, displayPrefix: "")
    #expect(files.kind(of: "base") == .directory)
    #expect(files.kind(of: "base/kustomization.yaml") == .file)
    #expect(files.kind(of: "link") == .directory)
    #expect(files.kind(of: "file-link") == .file)
    #expect(files.kind(of: "missing") == nil)
    #expect(files.kind(of: "base/missing.yaml") == nil)
    #expect(files.kind(of: "base/kustomization.yaml/below") == nil)
    #expect(try files.resolvedDirectory("link") == files.root + "/base")
  }
}
