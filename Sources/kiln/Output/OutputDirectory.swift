import KilnCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--output-dir DIR`: one file per object, named by what the object is, so that a directory
/// of rendered manifests kept in git changes only where objects change. The files are written
/// into a new directory beside DIR, which then takes DIR's place: files of objects gone since
/// the last run are gone with it, and an error or a signal leaves DIR as it was.
enum OutputDirectory {
  /// `<kind>[.<group>]_[<namespace>_]<name>.yaml`, the kind lowercased. Kubernetes names
  /// never hold `_`, so no two objects share a file.
  static func fileName(_ resource: Resource) -> String {
    let kind = resource.kind.lowercased() + (resource.group.isEmpty ? "" : "." + resource.group)
    let namespace = resource.namespace.map { $0.isEmpty ? "" : $0 + "_" } ?? ""
    return "\(kind)_\(namespace)\(resource.name).yaml"
  }

  static func write(_ resources: [Resource], sources: Bool, to path: String, display: String) throws {
    var files: [(name: String, bytes: [UInt8])] = []
    var seen: Set<String> = []
    for resource in resources {
      let name = fileName(resource)
      guard !name.contains("/"), seen.insert(name).inserted else {
        throw Diagnostic.error("--output-dir: two objects would share the file \(name)", at: nil)
      }
      files.append((name, ManifestRenderer.render([resource], sources: sources)))
    }
    try checkReplaceable(path, display: display)
    // Signals wait until the directory is in place or removed: nothing half-written is left.
    var blocked = sigset_t()
    var previous = sigset_t()
    sigemptyset(&blocked)
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&blocked, signal) }
    if getenv("KILN_TEST_INTERRUPT_WRITE") != nil {
      // The test runner starts kiln with these blocked: as a user's shell would not.
      sigprocmask(SIG_UNBLOCK, &blocked, nil)
    }
    sigprocmask(SIG_BLOCK, &blocked, &previous)
    SignalCleanup.blocking = true
    defer {
      SignalCleanup.blocking = false
      sigprocmask(SIG_SETMASK, &previous, nil)
    }
    let parent = Path.directory(of: path)
    let fresh = "\(parent)/.\(Path.fileName(path)).kiln-\(getpid()).new"
    let old = "\(parent)/.\(Path.fileName(path)).kiln-\(getpid()).old"
    guard mkdir(fresh, 0o755) == 0 else {
      throw OutputFile.failure(display, "cannot create a directory in \(parent): \(String(cString: strerror(errno)))")
    }
    do {
      for file in files {
        let fd = open(fresh + "/" + file.name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0, Terminal.writeAll(fd: fd, file.bytes), close(fd) == 0 else {
          throw OutputFile.failure(display, String(cString: strerror(errno)))
        }
      }
      SignalCleanup.testInterruption()
      let existed = access(path, F_OK) == 0
      if existed, rename(path, old) != 0 { throw OutputFile.failure(display, String(cString: strerror(errno))) }
      guard rename(fresh, path) == 0 else {
        let reason = String(cString: strerror(errno))
        if existed { rename(old, path) }
        throw OutputFile.failure(display, reason)
      }
      if existed { removeFlat(old) }
    } catch {
      removeFlat(fresh)
      throw error
    }
  }

  /// DIR may be replaced when it is new, or holds only regular `*.yaml` files (what an
  /// earlier run wrote): never a directory with anything else in it.
  private static func checkReplaceable(_ path: String, display: String) throws {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    guard (info.st_mode & S_IFMT) == S_IFDIR else {
      throw OutputFile.failure(display, "it exists and is not a directory")
    }
    for name in try entries(path, display: display) {
      var entry = stat()
      guard name.hasSuffix(".yaml"), lstat(path + "/" + name, &entry) == 0, (entry.st_mode & S_IFMT) == S_IFREG else {
        throw Diagnostic.error(
          "--output-dir \(display) holds \(name), which kiln did not write; kiln replaces only a directory of .yaml files",
          at: nil, hint: "give a new or empty directory")
      }
    }
  }

  private static func entries(_ path: String, display: String) throws -> [String] {
    do {
      return try DiskFileSystem().listDirectory(path).sorted()
    } catch {
      throw OutputFile.failure(display, error.reason)
    }
  }

  /// Removes a directory of files (no subdirectories: kiln writes none).
  private static func removeFlat(_ path: String) {
    for name in (try? DiskFileSystem().listDirectory(path)) ?? [] { unlink(path + "/" + name) }
    rmdir(path)
  }
}
