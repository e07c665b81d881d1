import KilnCore
import Testing

/// How an `images:` entry matches and rewrites one image string (Kustomize's
/// `image.IsImageMatched` and `image.Split`).
@Suite struct ImageOverrideTests {
  @Test(arguments: [
    ("nginx", "nginx", true),
    ("nginx", "nginx:1.19", true),
    ("nginx", "nginx@sha256:abc", true),
    ("nginx", "nginx:1.19@sha256:abc", true),
    ("nginx", "nginx-extra:1", false),
    ("nginx", "docker.io/library/nginx:1.19", false),
    ("nginx", "nginx:1.19:extra", false),
    ("nginx", "nginx@sha512:abc", false),
    ("nginx.extra", "nginx-extra:1", true),
    ("ubuntu:20.04", "ubuntu:20.04", true),
    ("ubuntu:20.04", "ubuntu:18.04", false),
    ("my.registry:5000/team/app", "my.registry:5000/team/app:v1", true),
    ("ghcr.io/acme/api", "ghcr.io/acme/api:{{version}}", true),
    ("ngin[x]", "nginx:1.19", true),
    ("(nginx|redis)", "redis:6", true),
    // Go's MatchString on `^nginx|redis(:…)?(@…)?$`: each side of the `|` anchored at one end only.
    ("nginx|redis", "nginx-extra:1", true),
    ("nginx|redis", "my-redis", true),
    ("nginx|redis", "my-nginx", false),
    (#"\pL+x"#, "nginx:1", true),
    ("(a+)+b", String(repeating: "a", count: 40), false),
    ("ngin(x", "ngin(x", false),
  ])
  func matching(name: String, image: String, matches: Bool) {
    #expect(ImageOverride(name: name).matches(image) == matches)
  }

  @Test(
    arguments: [
      ("nginx", "nginx", nil, nil),
      ("nginx:1.19", "nginx", "1.19", nil),
      ("nginx@sha256:abc", "nginx", nil, "sha256:abc"),
      ("nginx:1.19@sha256:abc", "nginx", "1.19", "sha256:abc"),
      ("my.registry:5000/team/app", "my.registry:5000/team/app", nil, nil),
      ("my.registry:5000/team/app:v1", "my.registry:5000/team/app", "v1", nil),
      ("localhost:5000/app@sha256:abc", "localhost:5000/app", nil, "sha256:abc"),
    ] as [(String, String, String?, String?)])
  func splitting(image: String, name: String, tag: String?, digest: String?) {
    #expect(ImageReference(parsing: image) == ImageReference(name: name, tag: tag, digest: digest))
    #expect(ImageReference(parsing: image).text == image)
  }

  @Test func aSuffixWithoutATagMakesATagOfTheSuffix() {
    #expect(ImageOverride(name: "busybox", tagSuffix: "-musl").rewrite("busybox") == "busybox:-musl")
    #expect(
      ImageOverride(name: "busybox", tagSuffix: "-musl").rewrite("busybox:1.36@sha256:abc") == "busybox:1.36-musl")
  }
}
