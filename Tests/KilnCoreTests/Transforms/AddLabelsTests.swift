import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `commonLabels` / `labels`: which fields each reach touches, per kind. Every expected
/// output below is what `kubectl kustomize` (v5.5) printed for the same input.
@Suite struct AddLabelsTests {
  let team = TransformCheck.pairs(["team": "payments"])

  @Test func commonLabelsReachMetadataTemplateSelectorAffinityAndSpread() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        labels:
          app: web
        name: web
      spec:
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            affinity:
              podAntiAffinity:
                preferredDuringSchedulingIgnoredDuringExecution:
                - podAffinityTerm:
                    labelSelector:
                      matchLabels:
                        app: web
                    topologyKey: kubernetes.io/hostname
                  weight: 100
            containers:
            - image: nginx:1.25
              name: web
            topologySpreadConstraints:
            - labelSelector:
                matchLabels:
                  app: web
              maxSkew: 1
              topologyKey: topology.kubernetes.io/zone
              whenUnsatisfiable: DoNotSchedule
      """
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        labels:
          app: web
          team: payments
        name: web
      spec:
        selector:
          matchLabels:
            app: web
            team: payments
        template:
          metadata:
            labels:
              app: web
              team: payments
          spec:
            affinity:
              podAntiAffinity:
                preferredDuringSchedulingIgnoredDuringExecution:
                - podAffinityTerm:
                    labelSelector:
                      matchLabels:
                        app: web
                        team: payments
                    topologyKey: kubernetes.io/hostname
                  weight: 100
            containers:
            - image: nginx:1.25
              name: web
            topologySpreadConstraints:
            - labelSelector:
                matchLabels:
                  app: web
                  team: payments
              maxSkew: 1
              topologyKey: topology.kubernetes.io/zone
              whenUnsatisfiable: DoNotSchedule
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .selectors), to: input) == expected)
  }

  @Test func aBareDaemonSetGetsSelectorAndTemplateLabelsCreated() throws {
    let input = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      """
    let expected = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        labels:
          team: payments
        name: agent
      spec:
        selector:
          matchLabels:
            team: payments
        template:
          metadata:
            labels:
              team: payments
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .selectors), to: input) == expected)
  }

  @Test func aJobWithoutSelectorGetsTemplateLabelsButNoSelector() throws {
    let input = """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
      """
    let expected = """
      apiVersion: batch/v1
      kind: Job
      metadata:
        labels:
          team: payments
        name: migrate
      spec:
        template:
          metadata:
            labels:
              team: payments
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .selectors), to: input) == expected)
  }

  @Test func aJobWithASelectorHasItLabelled() throws {
    let input = """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: pinned
      spec:
        manualSelector: true
        selector:
          matchLabels:
            job: pinned
        template:
          metadata:
            labels:
              job: pinned
      """
    let expected = """
      apiVersion: batch/v1
      kind: Job
      metadata:
        labels:
          team: payments
        name: pinned
      spec:
        manualSelector: true
        selector:
          matchLabels:
            job: pinned
            team: payments
        template:
          metadata:
            labels:
              job: pinned
              team: payments
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .selectors), to: input) == expected)
  }

  @Test func aCronJobLabelsItsJobTemplateAndPodTemplateButCreatesNoSelector() throws {
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
                containers:
                - image: postgres:16
                  name: backup
                restartPolicy: OnFailure
        schedule: 0 3 * * *
      """
    let expected = """
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        labels:
          team: payments
        name: nightly
      spec:
        jobTemplate:
          metadata:
            labels:
              team: payments
          spec:
            template:
              metadata:
                labels:
                  team: payments
              spec:
                containers:
                - image: postgres:16
                  name: backup
                restartPolicy: OnFailure
        schedule: 0 3 * * *
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .selectors), to: input) == expected)
  }

  @Test func statefulSetClaimTemplatesAreLabelled() throws {
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
        labels:
          team: payments
        name: db
      spec:
        selector:
          matchLabels:
            app: db
            team: payments
        serviceName: db
        template:
          metadata:
            labels:
              app: db
              team: payments
        volumeClaimTemplates:
        - metadata:
            labels:
              team: payments
            name: data
          spec:
            accessModes:
            - ReadWriteOnce
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .selectors), to: input) == expected)
  }

  @Test func networkPolicyEmptyPodSelectorStaysEmptyWhilePeerSelectorsAreLabelled() throws {
    let input = """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: web
      spec:
        egress:
        - to:
          - podSelector:
              matchLabels:
                app: db
        ingress:
        - from:
          - podSelector:
              matchLabels:
                role: frontend
          - namespaceSelector:
              matchLabels:
                team: ops
        podSelector: {}
      """
    let expected = """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        labels:
          team: payments
        name: web
      spec:
        egress:
        - to:
          - podSelector:
              matchLabels:
                app: db
                team: payments
        ingress:
        - from:
          - podSelector:
              matchLabels:
                role: frontend
                team: payments
          - namespaceSelector:
              matchLabels:
                team: ops
        podSelector: {}
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .selectors), to: input) == expected)
  }

  @Test func anExternalNameServiceGetsASelectorCreated() throws {
    let input = """
      apiVersion: v1
      kind: Service
      metadata:
        name: external
      spec:
        externalName: db.example.com
        type: ExternalName
      """
    let expected = """
      apiVersion: v1
      kind: Service
      metadata:
        labels:
          team: payments
        name: external
      spec:
        externalName: db.example.com
        selector:
          team: payments
        type: ExternalName
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .selectors), to: input) == expected)
  }

  @Test func aReplicationControllerGetsAFlatSelectorCreated() throws {
    let input = """
      apiVersion: v1
      kind: ReplicationController
      metadata:
        name: legacy
      spec:
        template:
          metadata:
            labels:
              app: legacy
      """
    let expected = """
      apiVersion: v1
      kind: ReplicationController
      metadata:
        labels:
          team: payments
        name: legacy
      spec:
        selector:
          team: payments
        template:
          metadata:
            labels:
              app: legacy
              team: payments
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .selectors), to: input) == expected)
  }

  @Test func aDisruptionBudgetWithoutSelectorGetsNone() throws {
    let input = """
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: all
      spec:
        maxUnavailable: 1
      """
    let expected = """
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        labels:
          team: payments
        name: all
      spec:
        maxUnavailable: 1
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .selectors), to: input) == expected)
  }

  @Test func customResourcesGetMetadataLabelsOnly() throws {
    let input = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: gadget
      spec:
        selector:
          matchLabels:
            app: gadget
        template:
          metadata:
            labels:
              app: gadget
      """
    let expected = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        labels:
          team: payments
        name: gadget
      spec:
        selector:
          matchLabels:
            app: gadget
        template:
          metadata:
            labels:
              app: gadget
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .selectors), to: input) == expected)
  }

  @Test func existingKeysAreOverwrittenAndValuesStayStrings() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        labels:
          app: web
          team: old
        name: web
      spec:
        selector:
          matchLabels:
            app: web
            team: old
        template:
          metadata:
            labels:
              app: web
              team: old
      """
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        labels:
          app: web
          team: payments
          version: "1"
        name: web
      spec:
        selector:
          matchLabels:
            app: web
            team: payments
            version: "1"
        template:
          metadata:
            labels:
              app: web
              team: payments
              version: "1"
      """
    let labels = AddLabels(labels: TransformCheck.pairs(["team": "payments", "version": "1"]), reach: .selectors)
    #expect(try TransformCheck.apply(labels, to: input) == expected)
  }

  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      labels:
        app: web
      name: web
    spec:
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          affinity:
            podAntiAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
              - labelSelector:
                  matchLabels:
                    app: web
                topologyKey: kubernetes.io/hostname
    """

  @Test func includeTemplatesLabelsPodTemplatesButNoSelector() throws {
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        labels:
          app: web
          team: payments
        name: web
      spec:
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
              team: payments
          spec:
            affinity:
              podAntiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                - labelSelector:
                    matchLabels:
                      app: web
                  topologyKey: kubernetes.io/hostname
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .templates), to: Self.deployment) == expected)
  }

  @Test func plainLabelsTouchObjectMetadataOnly() throws {
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        labels:
          app: web
          team: payments
        name: web
      spec:
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            affinity:
              podAntiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                - labelSelector:
                    matchLabels:
                      app: web
                  topologyKey: kubernetes.io/hostname
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .metadataOnly), to: Self.deployment) == expected)
  }

  @Test func plainLabelsOnABareDaemonSetCreateNothingButMetadataLabels() throws {
    let input = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      """
    let expected = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        labels:
          team: payments
        name: agent
      """
    #expect(try TransformCheck.apply(AddLabels(labels: team, reach: .metadataOnly), to: input) == expected)
  }

  @Test func extraFieldSpecsReachCustomResourceFields() throws {
    let input = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: gadget
      spec:
        template:
          metadata:
            labels:
              app: gadget
      ---
      apiVersion: example.com/v1
      kind: Gizmo
      metadata:
        name: other
      """
    let expected = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        labels:
          team: payments
        name: gadget
      spec:
        extra:
          labels:
            team: payments
        template:
          metadata:
            labels:
              app: gadget
              team: payments
      ---
      apiVersion: example.com/v1
      kind: Gizmo
      metadata:
        labels:
          team: payments
        name: other
      """
    let labels = AddLabels(
      labels: team, reach: .metadataOnly,
      extraFields: [
        FieldSpec(kind: "Widget", path: "spec/template/metadata/labels", create: false),
        FieldSpec(kind: "Widget", path: "spec/extra/labels", create: true),
      ])
    #expect(try TransformCheck.apply(labels, to: input) == expected)
  }

  @Test func labelsThatAreNotAMappingAreAnErrorAtThatNode() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        labels: app=web
        name: settings
      """
    let diagnostics = try TransformCheck.diagnostics(AddLabels(labels: team, reach: .metadataOnly), on: input)
    #expect(
      diagnostics.map(\.description) == [
        "input.yaml:4:11: error: expected a mapping at metadata.labels, found a string"
      ])
  }

  @Test func createdMapsSayWhichTransformMadeThem() throws {
    var list = try TransformHarness.resources(
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      """)
    try AddLabels(labels: team, reach: .selectors).apply(to: &list)
    #expect(list[0].node.value(at: ["spec", "selector"])?.location == .generated(by: "AddLabels"))
    #expect(list[0].node.value(at: ["metadata", "name"])?.location.description == "input.yaml:4:9")
  }
}
