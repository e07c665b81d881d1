import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `commonAnnotations`: object metadata and pod templates, never selectors or claim
/// templates. Expected outputs are what `kubectl kustomize` (v5.5) printed.
@Suite struct AddAnnotationsTests {
  let owner = AddAnnotations(annotations: TransformCheck.pairs(["owner": "team-a", "note": "a: b"]))

  @Test func statefulSetPodTemplateIsAnnotatedButNotItsClaimTemplates() throws {
    let input = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        selector:
          matchLabels:
            app: db
        serviceName: db
        template:
          metadata:
            labels:
              app: db
        volumeClaimTemplates:
        - metadata:
            name: data
          spec:
            accessModes:
            - ReadWriteOnce
      """
    let expected = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        annotations:
          note: 'a: b'
          owner: team-a
        name: db
      spec:
        selector:
          matchLabels:
            app: db
        serviceName: db
        template:
          metadata:
            annotations:
              note: 'a: b'
              owner: team-a
            labels:
              app: db
        volumeClaimTemplates:
        - metadata:
            name: data
          spec:
            accessModes:
            - ReadWriteOnce
      """
    #expect(try TransformCheck.apply(owner, to: input) == expected)
  }

  @Test func aCronJobIsAnnotatedAtBothTemplateLevels() throws {
    let input = """
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
        schedule: 0 3 * * *
      """
    let expected = """
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        annotations:
          note: 'a: b'
          owner: team-a
        name: nightly
      spec:
        jobTemplate:
          metadata:
            annotations:
              note: 'a: b'
              owner: team-a
          spec:
            template:
              metadata:
                annotations:
                  note: 'a: b'
                  owner: team-a
              spec:
                restartPolicy: OnFailure
        schedule: 0 3 * * *
      """
    #expect(try TransformCheck.apply(owner, to: input) == expected)
  }

  @Test func bareWorkloadsGetTemplateAnnotationsCreatedButNoSelector() throws {
    let input = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        annotations:
          owner: someone
        name: agent
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
      """
    let expected = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        annotations:
          owner: team-a
        name: agent
      spec:
        template:
          metadata:
            annotations:
              owner: team-a
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        annotations:
          owner: team-a
        name: migrate
      spec:
        template:
          metadata:
            annotations:
              owner: team-a
      """
    let annotations = AddAnnotations(annotations: TransformCheck.pairs(["owner": "team-a"]))
    #expect(try TransformCheck.apply(annotations, to: input) == expected)
  }

  @Test func servicesAndCustomResourcesGetMetadataAnnotationsOnly() throws {
    let input = """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app: web
      ---
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: gadget
      spec:
        template:
          metadata:
            labels:
              app: gadget
      """
    let expected = """
      apiVersion: v1
      kind: Service
      metadata:
        annotations:
          owner: team-a
        name: web
      spec:
        selector:
          app: web
      ---
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        annotations:
          owner: team-a
        name: gadget
      spec:
        template:
          metadata:
            labels:
              app: gadget
      """
    let annotations = AddAnnotations(annotations: TransformCheck.pairs(["owner": "team-a"]))
    #expect(try TransformCheck.apply(annotations, to: input) == expected)
  }

  @Test func annotationsThatAreAListAreAnErrorAtThatNode() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        annotations:
        - owner
        name: settings
      """
    #expect(
      try TransformCheck.diagnostics(owner, on: input).map(\.description) == [
        "input.yaml:5:3: error: expected a mapping at metadata.annotations, found a sequence"
      ])
  }
}
