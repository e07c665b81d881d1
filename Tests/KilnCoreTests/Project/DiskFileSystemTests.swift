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

  /// A file named by a user (`-f`, `--against`, a resource) may be anything: only regular
  /// files are read, and none bigger than `maxFileSize`.
  @Test(arguments: ["/dev/zero", "/dev/null", "/dev/urandom"])
  func devicesAreRefused(path: String) {
    #expect(
      throws: FileSystemError(
        path: path, reason: "is a character device, not a regular file; kiln reads regular files only")
    ) {
      try DiskFileSystem().readFile(path)
    }
  }

  @Test func aFIFOIsRefusedEvenWithAWriterAndDataWaiting() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-disk")
    let fifo = tree.path + "/values.yaml"
    #expect(mkfifo(fifo, 0o600) == 0)
    // A writer holds the FIFO open with data in it, so that reading it would not block.
    let writer = open(fifo, O_RDWR | O_NONBLOCK)
    defer { close(writer) }
    #expect(write(writer, "a: 1\n", 5) == 5)
    #expect(throws: FileSystemError(path: fifo, reason: "is a FIFO, not a regular file; kiln reads regular files only"))
    {
      try DiskFileSystem().readFile(fifo)
    }
  }

  @Test func aFileOverTheSizeLimitIsRefusedUnread() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-disk")
    let path = tree.path + "/huge.yaml"
    let fd = open(path, O_WRONLY | O_CREAT, 0o644)
    #expect(ftruncate(fd, off_t(DiskFileSystem.maxFileSize + 1)) == 0)  // sparse: costs no disk
    close(fd)
    #expect(throws: FileSystemError(path: path, reason: "is larger than 64 MiB, the most kiln reads")) {
      try DiskFileSystem().readFile(path)
    }
  }

  @Test func filesThatSayTheyAreEmptyAreReadToTheirEnd() throws {
    // Files under /proc report a size of 0.
    let bytes = try DiskFileSystem().readFile("/proc/self/status")
    #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("Name:"))
  }

  @Test func aSymlinkTheUserNamedIsFollowed() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-disk")
    try tree.write("real.yaml", "a: 1\n")
    try FileManager.default.createSymbolicLink(atPath: tree.path + "/link.yaml", withDestinationPath: "real.yaml")
    #expect(try DiskFileSystem().readFile(tree.path + "/link.yaml") == Array("a: 1\n".utf8))
  }

  @Test func kindsComeFromListingsAndSymlinksAreFollowed() throws {
    let tree = try TemporaryDirectory(prefix: "kiln-disk")
    try tree.write("base/kustomization.yaml", "resources: []\n")
    try FileManager.default.createSymbolicLink(atPath: tree.path + "/link", withDestinationPath: "base")
    try FileManager.default.createSymbolicLink(
      atPath: tree.path + "/file-link", withDestinationPath: "base/kustomization.yaml")
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
