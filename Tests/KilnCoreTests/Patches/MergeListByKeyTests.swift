import KilnCore
import Testing

/// Lists with one merge key (`containers`, `env`, `volumes` by `name`, `volumeMounts` by
/// `mountPath`, …): the elements the patch names first, in the patch's order, then the others.
@Suite struct MergeListByKeyTests {
  static func pod(env: String) -> String {
    """
    apiVersion: v1
    kind: Pod
    metadata:
      name: pod
    spec:
      containers:
      - name: app
        image: app:1
        env:
    \(env)
      - name: sidecar
        image: sidecar:1
    """
  }

  static func patch(_ containers: String) -> PatchSpec {
    PatchCheck.patch(
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod
      spec:
        containers:
      \(containers)
      """)
  }

  @Test func namedElementsComeFirstInThePatchOrder() throws {
    let input = Self.pod(
      env: """
            - {name: A, value: "1"}
            - {name: B, value: "2"}
            - {name: C, value: "3"}
            - {name: D, value: "4"}
        """)
    let patch = Self.patch(
      """
        - name: app
          env:
          - {name: D, value: "40"}
          - {name: B, value: "20"}
      """)
    #expect(
      try PatchCheck.apply(patch, to: input) == """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
        spec:
          containers:
          - env:
            - name: D
              value: "40"
            - name: B
              value: "20"
            - name: A
              value: "1"
            - name: C
              value: "3"
            image: app:1
            name: app
          - image: sidecar:1
            name: sidecar
        """)
  }

  @Test func newElementsJoinThePatchedOnesAndDeleteRemovesOne() throws {
    let input = Self.pod(env: "      - {name: A, value: \"1\"}")
    let patch = Self.patch(
      """
        - name: cache
          image: redis:7
        - name: sidecar
          $patch: delete
      """)
    #expect(
      try PatchCheck.apply(patch, to: input) == """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
        spec:
          containers:
          - image: redis:7
            name: cache
          - env:
            - name: A
              value: "1"
            image: app:1
            name: app
        """)
  }

  /// `$patch: replace` next to a key gives the patch's element, then the object's own
  /// element takes its place again: nothing changes (Kustomize does the same).
  @Test func replaceInsideAnElementOfTheObjectChangesNothing() throws {
    let input = Self.pod(env: "      - {name: A, value: \"1\"}")
    let patch = Self.patch(
      """
        - name: app
          $patch: replace
          image: other
      """)
    #expect(
      try PatchCheck.apply(patch, to: input)
        == (try PatchCheck.apply(PatchCheck.patch("apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod\n"), to: input)))
  }

  @Test func aNewListIsCleanedAsIfMergedWithItself() throws {
    let input = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod\nspec: {}\n"
    let patch = Self.patch(
      """
        - name: one
          image: first
          workingDir: null
        - name: one
          image: second
      """)
    #expect(
      try PatchCheck.apply(patch, to: input) == """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
        spec:
          containers:
          - image: second
            name: one
        """)
  }

  @Test func mountsMergeByMountPath() throws {
    let input = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod
      spec:
        containers:
        - name: app
          volumeMounts:
          - {name: a, mountPath: /a}
          - {name: b, mountPath: /b}
      """
    let patch = Self.patch(
      """
        - name: app
          volumeMounts:
          - {name: c, mountPath: /b}
      """)
    #expect(
      try PatchCheck.apply(patch, to: input) == """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
        spec:
          containers:
          - name: app
            volumeMounts:
            - mountPath: /b
              name: c
            - mountPath: /a
              name: a
        """)
  }
}
