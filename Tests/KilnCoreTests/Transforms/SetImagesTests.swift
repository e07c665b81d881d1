import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `images:`. Expected outputs are what `kubectl kustomize` (v5.5) printed for the same input.
@Suite struct SetImagesTests {
  func images(_ overrides: ImageOverride...) -> SetImages { SetImages(overrides: overrides) }

  @Test func newNameReplacesTheNameAndKeepsTagAndDigest() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: postgres:14@sha256:feed
          name: web
        - image: postgres
          name: worker
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: registry.example.com/db/postgres:14@sha256:feed
          name: web
        - image: registry.example.com/db/postgres
          name: worker
      """
    let transform = images(ImageOverride(name: "postgres", newName: "registry.example.com/db/postgres"))
    #expect(try TransformCheck.apply(transform, to: input) == expected)
  }

  @Test func newTagReplacesTheTagAndDropsADigest() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: nginx:1.19
          name: web
        - image: nginx@sha256:abc123
          name: worker
        - image: nginx:1.19@sha256:abc123
          name: batch
        - image: nginx
          name: cron
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: nginx:1.25
          name: web
        - image: nginx:1.25
          name: worker
        - image: nginx:1.25
          name: batch
        - image: nginx:1.25
          name: cron
      """
    let transform = images(ImageOverride(name: "nginx", newTag: "1.25"))
    #expect(try TransformCheck.apply(transform, to: input) == expected)
  }

  @Test func aDigestAloneReplacesTheTag() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: postgres:14@sha256:feed
          name: web
        - image: postgres:14
          name: worker
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: postgres@sha256:beef
          name: web
        - image: postgres@sha256:beef
          name: worker
      """
    let transform = images(ImageOverride(name: "postgres", digest: "sha256:beef"))
    #expect(try TransformCheck.apply(transform, to: input) == expected)
  }

  @Test func newTagAndDigestAreBothWritten() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: nginx:1.19
          name: web
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: nginx:1.25@sha256:feed
          name: web
      """
    let transform = images(ImageOverride(name: "nginx", newTag: "1.25", digest: "sha256:feed"))
    #expect(try TransformCheck.apply(transform, to: input) == expected)
  }

  @Test func newTagWinsOverTagSuffix() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: redis:6
          name: web
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: redis:7
          name: web
      """
    let transform = images(ImageOverride(name: "redis", newTag: "7", tagSuffix: "-alpine"))
    #expect(try TransformCheck.apply(transform, to: input) == expected)
  }

  @Test func tagSuffixIsAddedTwiceOnStandardPathsAndOnceOnPathsOnlyTheWalkFinds() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
            - image: redis:6
              name: cache
            - image: busybox
              name: shell
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                - image: redis:6
                  name: backup
        schedule: 0 3 * * *
      """
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
            - image: redis:6-alpine-alpine
              name: cache
            - image: busybox:-alpine-alpine
              name: shell
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                - image: redis:6-alpine
                  name: backup
        schedule: 0 3 * * *
      """
    let suffix = images(
      ImageOverride(name: "redis", tagSuffix: "-alpine"), ImageOverride(name: "busybox", tagSuffix: "-alpine"))
    #expect(try TransformCheck.apply(suffix, to: input) == expected)
  }

  @Test func aRegistryPortIsPartOfTheNameNotATag() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: my.registry:5000/team/app:v1
          name: web
        - image: my.registry:5000/team/app
          name: worker
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: my.registry:5000/team/app:v2
          name: web
        - image: my.registry:5000/team/app:v2
          name: worker
      """
    let transform = images(ImageOverride(name: "my.registry:5000/team/app", newTag: "v2"))
    #expect(try TransformCheck.apply(transform, to: input) == expected)
  }

  @Test func theNameMustMatchTheWholeRepository() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: docker.io/library/nginx:1.19
          name: web
        - image: nginx-extra:1
          name: worker
        - image: nginx:1.19
          name: batch
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: docker.io/library/nginx:1.19
          name: web
        - image: nginx-extra:1
          name: worker
        - image: nginx:1.25
          name: batch
      """
    let transform = images(ImageOverride(name: "nginx", newTag: "1.25"))
    #expect(try TransformCheck.apply(transform, to: input) == expected)
  }

  @Test func aDotInTheNameActsAsARegexWildcard() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: nginx-extra:1
          name: web
        - image: nginx.extra:2
          name: worker
        - image: nginx-extras:1
          name: batch
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: registry.example.com/extra:1
          name: web
        - image: registry.example.com/extra:2
          name: worker
        - image: nginx-extras:1
          name: batch
      """
    let transform = images(ImageOverride(name: "nginx.extra", newName: "registry.example.com/extra"))
    #expect(try TransformCheck.apply(transform, to: input) == expected)
  }

  @Test func aNameWithATagMatchesOnlyThatTag() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: ubuntu:20.04
          name: web
        - image: ubuntu:18.04
          name: worker
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: ubuntu:22.04
          name: web
        - image: ubuntu:18.04
          name: worker
      """
    let transform = images(ImageOverride(name: "ubuntu:20.04", newTag: "22.04"))
    #expect(try TransformCheck.apply(transform, to: input) == expected)
  }

  @Test func entriesApplyInOrderEachSeeingThePreviousResult() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: alpine
          name: web
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: alpine2:3
          name: web
      """
    let transform = images(
      ImageOverride(name: "alpine", newName: "alpine2"), ImageOverride(name: "alpine2", newTag: "3"))
    #expect(try TransformCheck.apply(transform, to: input) == expected)
  }

  @Test func initContainersAreRewrittenAndEphemeralContainersAreNot() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: debug
      spec:
        containers:
        - image: nginx:1.19
          name: web
        ephemeralContainers:
        - image: nginx:1.19
          name: debugger
        initContainers:
        - image: nginx@sha256:abc123
          name: init
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: debug
      spec:
        containers:
        - image: nginx:1.25
          name: web
        ephemeralContainers:
        - image: nginx:1.19
          name: debugger
        initContainers:
        - image: nginx:1.25
          name: init
      """
    let transform = images(ImageOverride(name: "nginx", newTag: "1.25"))
    #expect(try TransformCheck.apply(transform, to: input) == expected)
  }

  @Test func customResourceContainerListsAreFoundAtAnyDepthButBareImageFieldsAreNot() throws {
    let input = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: gadget
      spec:
        deep:
          containers:
          - image: redis:6
            name: helper
        image: redis:6
      ---
      apiVersion: v1
      data:
        image: redis:6
      kind: ConfigMap
      metadata:
        name: settings
      """
    let expected = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: gadget
      spec:
        deep:
          containers:
          - image: redis:6-alpine
            name: helper
        image: redis:6
      ---
      apiVersion: v1
      data:
        image: redis:6
      kind: ConfigMap
      metadata:
        name: settings
      """
    let transform = images(ImageOverride(name: "redis", tagSuffix: "-alpine"))
    #expect(try TransformCheck.apply(transform, to: input) == expected)
  }

  @Test func customResourceDefinitionsAreSkipped() throws {
    let input = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      spec:
        containers:
        - image: nginx:1.19
          name: example
        versions:
        - name: v1
          schema:
            openAPIV3Schema:
              properties:
                spec:
                  default:
                    containers:
                    - image: nginx:1.19
                      name: sidecar
      """
    #expect(try TransformCheck.apply(images(ImageOverride(name: "nginx", newTag: "1.25")), to: input) == input)
  }

  @Test func anEmptyNewTagMeansNoNewTag() throws {
    // Kustomize reads `newTag: ""` as unset (Go's zero value): the digest stays, no ":" is added.
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: redis@sha256:abc
          name: web
        - image: nginx:1.19
          name: worker
      """
    let expected = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
      spec:
        containers:
        - image: redis@sha256:abc
          name: web
        - image: nginx2:1.19
          name: worker
      """
    let output = try TransformCheck.apply(
      images(ImageOverride(name: "redis", newTag: ""), ImageOverride(name: "nginx", newName: "nginx2", newTag: "")),
      to: input)
    #expect(output == expected)
  }
}
