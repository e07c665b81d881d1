import Testing

@testable import KilnCore

/// `files:` entries: `path` or `key=path`.
@Suite struct FileSourceTests {
  @Test(arguments: [
    ("greeting.txt", "greeting.txt", "greeting.txt"),
    ("sub/dir/a.txt", "a.txt", "sub/dir/a.txt"),
    ("sub/dir/", "dir", "sub/dir/"),
    ("renamed.txt=greeting.txt", "renamed.txt", "greeting.txt"),
    ("k=a.txt&x", "k", "a.txt&x"),
  ])
  func theKeyIsTheBaseNameUnlessGiven(_ text: String, _ key: String, _ path: String) throws {
    let source = try FileSource.parse(text)
    #expect(source.key == key)
    #expect(source.path == path)
  }

  @Test func errorsForEachMalformedEntry() {
    #expect(throws: FileSource.Invalid.missingKey(path: "a.txt")) { try FileSource.parse("=a.txt") }
    #expect(throws: FileSource.Invalid.missingPath(key: "k")) { try FileSource.parse("k=") }
    #expect(throws: FileSource.Invalid.moreThanOneEquals) { try FileSource.parse("a=b=c") }
    #expect(throws: FileSource.Invalid.moreThanOneEquals) { try FileSource.parse("k=a.txt&x=1") }
  }

  @Test func baseNameIsGosPathBase() {
    #expect(FileSource.baseName("") == ".")
    #expect(FileSource.baseName("///") == "/")
    #expect(FileSource.baseName("a//") == "a")
    #expect(FileSource.baseName("../x/y.txt") == "y.txt")
  }
}
