import Foundation
import KilnTestSupport
import Testing

/// configMapGenerator, secretGenerator, generatorOptions and name hashes against
/// `kubectl kustomize` (Kustomize v5.5): each tree is written to disk, built by kubectl and by
/// the kiln binary (`kiln kustomize DIR`), and the two outputs must be byte-identical. A tree
/// kubectl refuses must make kiln fail too (exit 1, nothing on stdout). kubectl's results are
/// read from Tests/OracleRecords/ (see `Kubectl`).
///
/// The trees keep references to generated names (envFrom, volumes…) and namePrefix/nameSuffix
/// out: those belong to the reference-update and rename steps.
@Suite struct KubectlGeneratorOracleTests {
  struct Tree: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [String: String]
    var bytes: [String: [UInt8]] = [:]
    /// Symlinks to create: link path → target (relative to the link's directory).
    var symlinks: [String: String] = [:]
    /// The directory to build, inside the tree.
    var build = "."
    var testDescription: String { name }
  }

  @Test(arguments: trees)
  func kilnPrintsWhatKubectlPrints(_ tree: Tree) throws {
    let (kubectl, kiln) = try Self.run(tree)
    Self.expectSame(kubectl, kiln)
  }

  /// Same bytes on success; on kubectl's failure, kiln fails too and prints nothing.
  static func expectSame(
    _ kubectl: ProcessResult, _ kiln: ProcessResult, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    if kubectl.status != 0 {
      #expect(
        kiln.status == 1, "kubectl failed (\(kubectl.stderr)) but kiln printed:\n\(kiln.stdout)",
        sourceLocation: sourceLocation)
      #expect(kiln.stdout.isEmpty, sourceLocation: sourceLocation)
      #expect(!kiln.stderr.isEmpty, sourceLocation: sourceLocation)
    } else {
      #expect(kiln.status == 0, "kiln failed: \(kiln.stderr)", sourceLocation: sourceLocation)
      #expect(
        kiln.stdout == kubectl.stdout, "\(firstDifferences(kiln.stdout, kubectl.stdout))",
        sourceLocation: sourceLocation)
    }
  }

  /// Writes `tree` to disk and builds it with kubectl kustomize and with kiln.
  static func run(_ tree: Tree) throws -> (kubectl: ProcessResult, kiln: ProcessResult) {
    let dir = try TemporaryDirectory(prefix: "kiln-generator-oracle")
    for (path, text) in tree.files { try dir.write(path, text) }
    for (path, bytes) in tree.bytes { try dir.write(path, bytes: bytes) }
    for (link, target) in tree.symlinks {
      try FileManager.default.createSymbolicLink(atPath: dir.path + "/" + link, withDestinationPath: target)
    }
    let target = tree.build == "." ? dir.path : dir.path + "/" + tree.build
    let kubectl = try Kubectl.kustomize(target, tree: dir.path)
    let kiln = try KilnBinary.run(["kustomize", target])
    return (kubectl, kiln)
  }

  @Test func atLeastTwentyFiveTrees() {
    #expect(Self.trees.count >= 25)
  }

  static func kustomization(_ text: String, _ files: [String: String] = [:]) -> [String: String] {
    var all = files
    all["kustomization.yaml"] = text
    return all
  }

  static let trees: [Tree] = [
    Tree(
      name: "one literal",
      files: kustomization(
        """
        configMapGenerator:
        - name: x
          literals: [a=b]
        """)),
    Tree(
      name: "literal quotes, spaces and equals signs",
      files: kustomization(
        #"""
        configMapGenerator:
        - name: q
          literals:
          - a="
          - b='x'
          - c="x'
          - d=""
          - e='
          - f=" a "
          - g=''x''
          - key3= spaced 
          - SPACED =x
          - url=http://x/?a=1&b=2
          - html=<a>&b
        """#)),
    Tree(
      name: "values that look like other YAML types stay strings",
      files: kustomization(
        #"""
        configMapGenerator:
        - name: types
          literals:
          - "t=true"
          - "f=1.0"
          - "o=0123"
          - "y=yes"
          - "on=on"
          - "n=null"
          - "tilde=~"
          - "e="
          - "d=2024-01-01"
          - "h=0x1F"
          - "star=*"
          - "colon=a: b"
          - "dash=- x"
          - "hash=a #b"
        """#)),
    Tree(
      name: "escapes, non-ASCII and long values",
      files: kustomization(
        #"""
        configMapGenerator:
        - name: esc
          literals:
          - "k=a\bb\u2028c\fdé<"
          - "tab=a\tb"
          - "ctl=a\x01b\x1bc\x85d\ufeffe"
          - "emoji=😀 ünï"
          - "long=Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua"
          - "ml=line one\nline two\n"
          - "cr=a\r\nb"
        """#)),
    Tree(
      name: "keys sort by bytes",
      files: kustomization(
        """
        configMapGenerator:
        - name: keys
          literals: [b=1, B=2, a.b=3, a-b=4, a_b=5, "1x=6", "yes=7", Z=8, é=9, "_=10", "-=11"]
        """)),
    Tree(
      name: "a key read back as a number fails",
      files: kustomization(
        """
        configMapGenerator:
        - name: keys
          literals: [a=1, "10=6"]
        """)),
    Tree(
      name: "an env key read back as a boolean fails",
      files: kustomization(
        "secretGenerator:\n- name: s\n  envs: [a.env]\n", ["a.env": "A=1\ntrue=x\n"])),
    Tree(
      name: "a label key read back as a number fails",
      files: kustomization(
        "configMapGenerator:\n- name: c\n  options:\n    labels:\n      \"10\": x\n")),
    Tree(
      name: "NEL in settings is folded like a YAML line break",
      files: kustomization(
        #"""
        configMapGenerator:
        - name: nel
          literals:
          - "one=a\x85b"
          - "two=a\x85\x85b"
          - "spaces=a \x85 b"
          - "ends=\x85a\x85"
          - "k\x85ey=v"
          options:
            labels:
              l: "x\x85y"
        """#)),
    Tree(
      name: "env file rules",
      files: kustomization(
        """
        configMapGenerator:
        - name: e
          envs: [a.env]
        """),
      bytes: [
        "a.env": [0xEF, 0xBB, 0xBF]
          + Array(
            """
            FIRST=1\r
              # comment\r
            \t LEAD=x \r
            =skipped
            NOEQ
            A=b=c
            BAZ="quoted value"
              SPACED = x y  
            export X=1
            EMPTY=
            \u{A0}NBSP=1
            LAST=end
            """.utf8)
      ]),
    Tree(
      name: "env file with invalid UTF-8 fails",
      files: kustomization("configMapGenerator:\n- name: e\n  envs: [a.env]\n"),
      bytes: ["a.env": Array("A=1\n# bad ".utf8) + [0xFF] + Array("\n".utf8)]),
    Tree(
      name: "env file line of 64 KiB ends the file",
      files: kustomization(
        "configMapGenerator:\n- name: l\n  envs: [a.env]\n",
        [
          "a.env": "A=1\nL=" + String(repeating: "x", count: 65_533) + "\nB=2\nM="
            + String(repeating: "y", count: 65_534) + "\nC=3\n"
        ])),
    Tree(
      name: "several env files and the deprecated env field",
      files: kustomization(
        """
        configMapGenerator:
        - name: e
          env: c.env
          envs: [a.env, b.env]
          literals: [lit=1]
        """, ["a.env": "A=1\n", "b.env": "B=1\n", "c.env": "C=1\n"])),
    Tree(
      name: "files: text, renamed, binary, in a subdirectory",
      files: kustomization(
        """
        configMapGenerator:
        - name: f
          files: [sub/a.txt, k=sub/a.txt, sub/bin, greeting.txt, renamed.txt=greeting.txt]
        """, ["sub/a.txt": "hello\n", "greeting.txt": "Hello, world"]),
      bytes: ["sub/bin": [0x00, 0x01, 0xFF]]),
    Tree(
      name: "long binary data is cut into lines",
      files: kustomization("configMapGenerator:\n- name: big\n  files: [blob.bin, small.bin]\n"),
      bytes: ["blob.bin": (0..<200).map { UInt8($0) } + [0xFF, 0xFE], "small.bin": [0x80]]),
    Tree(
      name: "file contents: BOM, CRLF, no final newline, empty",
      files: kustomization(
        "configMapGenerator:\n- name: c\n  files: [bom.txt, crlf.txt, nonl.txt, empty.txt, tabs.txt]\n",
        [
          "crlf.txt": "a\r\nb\r\n", "nonl.txt": "no newline", "empty.txt": "", "tabs.txt": "\tindented\n  spaced  \n",
        ]),
      bytes: ["bom.txt": [0xEF, 0xBB, 0xBF] + Array("bom\n".utf8)]),
    Tree(
      name: "file source with two equals signs fails",
      files: kustomization("configMapGenerator:\n- name: f\n  files: [a=b=c]\n")),
    Tree(
      name: "file source without a key fails",
      files: kustomization("configMapGenerator:\n- name: f\n  files: [=a.txt]\n", ["a.txt": "x"])),
    Tree(
      name: "file source without a path fails", files: kustomization("configMapGenerator:\n- name: f\n  files: [k=]\n")),
    Tree(name: "missing file fails", files: kustomization("configMapGenerator:\n- name: f\n  files: [missing.txt]\n")),
    Tree(
      name: "directory as a file source fails",
      files: kustomization("configMapGenerator:\n- name: f\n  files: [sub]\n", ["sub/a.txt": "x"])),
    Tree(
      name: "file outside the kustomization fails",
      files: [
        "app/kustomization.yaml": "configMapGenerator:\n- name: f\n  files: [../shared/data.txt]\n",
        "shared/data.txt": "x",
      ],
      build: "app"),
    Tree(
      name: "symlink pointing outside the kustomization fails",
      files: [
        "app/kustomization.yaml": "configMapGenerator:\n- name: f\n  envs: [link.env]\n", "shared/a.env": "A=1\n",
      ],
      symlinks: ["app/link.env": "../shared/a.env"],
      build: "app"),
    Tree(
      name: "secrets: Opaque, tls, base64 line boundaries",
      files: kustomization(
        """
        secretGenerator:
        - name: sec
          literals:
          - a51=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
          - a52=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
          - a105=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
          - e=
        - name: tls
          type: kubernetes.io/tls
          literals: [tls.crt=cert, tls.key=key]
        """)),
    Tree(
      name: "secret from files and env files, binary included",
      files: kustomization(
        """
        secretGenerator:
        - name: s
          envs: [s.env]
          files: [key.pem, bin=raw.bin]
        """,
        [
          "s.env": "USER=admin\nPASS=\"p@ss w0rd\"\n",
          "key.pem": "-----BEGIN KEY-----\n" + String(repeating: "QUJD", count: 40) + "\n-----END KEY-----\n",
        ]),
      bytes: ["raw.bin": [0xFF, 0x00, 0x10, 0x80]]),
    Tree(
      name: "secret options: immutable, labels, annotations, empty type",
      files: kustomization(
        """
        secretGenerator:
        - name: s
          type: ""
          literals: [k=v]
          options:
            immutable: true
            labels: {app: web, tier: "1"}
            annotations: {note: "yes", "example.com/x": "a: b"}
        """)),
    Tree(
      name: "generators without sources",
      files: kustomization("configMapGenerator:\n- name: e\nsecretGenerator:\n- name: s\n")),
    Tree(
      name: "generatorOptions merge into each generator",
      files: kustomization(
        """
        generatorOptions:
          labels: {g: global, both: global}
          annotations: {ga: "1"}
          immutable: true
        configMapGenerator:
        - name: a
          literals: [x=1]
          options:
            labels: {both: local}
            annotations: {la: "2"}
            immutable: false
        - name: b
          namespace: other
          literals: [x=1]
          options:
            disableNameSuffixHash: true
        secretGenerator:
        - name: s
          literals: [x=1]
        """)),
    Tree(
      name: "global disableNameSuffixHash cannot be turned off",
      files: kustomization(
        """
        generatorOptions:
          disableNameSuffixHash: true
        configMapGenerator:
        - name: a
          literals: [x=1]
          options:
            disableNameSuffixHash: false
        secretGenerator:
        - name: s
          literals: [x=1]
        """)),
    Tree(
      name: "a key repeated across env file and literal fails",
      files: kustomization(
        "configMapGenerator:\n- name: e\n  envs: [a.env]\n  literals: [A=2]\n", ["a.env": "A=1\n"])),
    Tree(
      name: "a key repeated across literal and file fails",
      files: kustomization(
        "secretGenerator:\n- name: s\n  literals: [a.txt=1]\n  files: [a.txt]\n", ["a.txt": "x"])),
    Tree(
      name: "invalid literal fails", files: kustomization("configMapGenerator:\n- name: x\n  literals: [novalue]\n")),
    Tree(
      name: "a generator colliding with a resource fails",
      files: kustomization(
        "resources: [cm.yaml]\nconfigMapGenerator:\n- name: a\n  literals: [x=1]\n",
        ["cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"])),
    Tree(
      name: "two generators with one name fail",
      files: kustomization(
        "configMapGenerator:\n- name: a\n  literals: [x=1]\n- name: a\n  literals: [y=1]\n")),
    Tree(
      name: "merge without a target fails",
      files: kustomization(
        "configMapGenerator:\n- name: a\n  behavior: merge\n  literals: [x=1]\n")),
    Tree(
      name: "replace without a target fails",
      files: kustomization(
        "secretGenerator:\n- name: a\n  behavior: replace\n  literals: [x=1]\n")),
    Tree(
      name: "merges in one kustomization, default namespace included",
      files: kustomization(
        """
        configMapGenerator:
        - name: a
          literals: [x=1]
        - name: a
          behavior: merge
          literals: [y=1]
        - name: a
          namespace: default
          behavior: merge
          literals: [z=1, x=2]
        """)),
    Tree(
      name: "overlay merge keeps the base's hash and metadata",
      files: [
        "base/kustomization.yaml": """
        configMapGenerator:
        - name: cfg
          literals: [a=1, b=2]
          options:
            labels: {l1: base, shared: base}
            annotations: {an: base}
        """,
        "ov/kustomization.yaml": """
        resources: [../base]
        configMapGenerator:
        - name: cfg
          behavior: merge
          literals: [b=20, c=3]
          options:
            labels: {shared: ov, l2: ov}
        """,
      ],
      build: "ov"),
    Tree(
      name: "overlay merge with the hash disabled on one side has no hash",
      files: [
        "base/kustomization.yaml":
          "configMapGenerator:\n- name: cfg\n  literals: [a=1]\n- name: other\n  literals: [a=1]\n  options: {disableNameSuffixHash: true}\n",
        "ov/kustomization.yaml": """
        resources: [../base]
        configMapGenerator:
        - name: cfg
          behavior: merge
          literals: [b=2]
          options: {disableNameSuffixHash: true}
        - name: other
          behavior: merge
          literals: [b=2]
        """,
      ],
      build: "ov"),
    Tree(
      name: "overlay replace: new data, old labels, new immutable and type",
      files: [
        "base/kustomization.yaml": """
        configMapGenerator:
        - name: cfg
          literals: [a=1]
          options: {labels: {keep: me}}
        secretGenerator:
        - name: long
          type: kubernetes.io/tls
          literals: [x=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]
        """,
        "ov/kustomization.yaml": """
        resources: [../base]
        generatorOptions:
          immutable: true
          labels: {gen: "yes"}
        configMapGenerator:
        - name: cfg
          behavior: replace
          literals: [b=2]
        secretGenerator:
        - name: long
          behavior: replace
          literals: [z=1]
        """,
      ],
      build: "ov"),
    Tree(
      name: "merge into a ConfigMap from resources adds no hash",
      files: kustomization(
        "resources: [cm.yaml]\nconfigMapGenerator:\n- name: plain\n  behavior: merge\n  literals: [b=2]\n  options: {labels: {new: label}}\n",
        [
          "cm.yaml":
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n  labels: {keep: me}\ndata:\n  a: \"1\"\n"
        ])),
    Tree(
      name: "overlay merge finds a base object moved to another namespace",
      files: [
        "base/kustomization.yaml": "namespace: base-ns\nconfigMapGenerator:\n- name: cfg\n  literals: [a=1]\n",
        "ov/kustomization.yaml":
          "resources: [../base]\nconfigMapGenerator:\n- name: cfg\n  behavior: merge\n  literals: [b=2]\n",
      ],
      build: "ov"),
    Tree(
      name: "same name in different namespaces, and transformers over generated objects",
      files: kustomization(
        """
        namespace: prod
        commonLabels:
          app: demo
        commonAnnotations:
          owner: team
        configMapGenerator:
        - name: cfg
          literals: [a=1]
        - name: cfg2
          namespace: other
          literals: [a=1]
        secretGenerator:
        - name: cfg
          literals: [a=1]
        """)),
    Tree(
      name: "a component merges into the base's generated ConfigMap",
      files: [
        "base/kustomization.yaml": "configMapGenerator:\n- name: cfg\n  literals: [a=1]\n",
        "comp/kustomization.yaml": """
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        configMapGenerator:
        - name: cfg
          behavior: merge
          literals: [feature=on]
        secretGenerator:
        - name: comp-secret
          literals: [k=v]
        """,
        "app/kustomization.yaml": "resources: [../base]\ncomponents: [../comp]\n",
      ],
      build: "app"),
    Tree(
      name: "DEL in a literal fails",
      files: kustomization("configMapGenerator:\n- name: c\n  literals:\n  - \"k=a\\x7fb\"\n")),
    Tree(
      name: "U+FFFF in a label fails",
      files: kustomization(
        "configMapGenerator:\n- name: c\n  options:\n    labels:\n      a: \"x\\uffff\"\n")),
  ]
}
