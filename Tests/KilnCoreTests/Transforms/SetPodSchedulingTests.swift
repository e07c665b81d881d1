import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// `<component>.nodeSelector` merges into the pod's; `.tolerations` and `.affinity` replace it.
@Suite struct SetPodSchedulingTests {
  static let environment = """
    api:
      nodeSelector:
        pool: batch
        disktype: null
      tolerations:
      - key: spot
        operator: Exists
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - podAffinityTerm:
              labelSelector:
                matchLabels:
                  app: api
              topologyKey: kubernetes.io/hostname
            weight: 100
    """

  func scheduling(_ field: SetPodScheduling.Field) throws -> SetPodScheduling {
    SetPodScheduling(field, try TransformCheck.setting("api", field.rawValue, in: Self.environment))
  }

  @Test func nodeSelectorMergesAndANullDeletesAKey() throws {
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            nodeSelector:
              disktype: ssd
              kubernetes.io/arch: amd64
              pool: general
      """
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            nodeSelector:
              kubernetes.io/arch: amd64
              pool: batch
      """
    #expect(try TransformCheck.apply(try scheduling(.nodeSelector), to: input) == expected)
  }

  @Test func tolerationsReplaceThePodsList() throws {
    let input = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: api-agent
      spec:
        template:
          spec:
            tolerations:
            - effect: NoSchedule
              key: dedicated
              operator: Equal
              value: api
      """
    let expected = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: api-agent
      spec:
        template:
          spec:
            tolerations:
            - key: spot
              operator: Exists
      """
    #expect(try TransformCheck.apply(try scheduling(.tolerations), to: input) == expected)
  }

  @Test func anEmptySettingLeavesTheFieldOutRatherThanEmpty() throws {
    let environment = "api:\n  nodeSelector: {}\n  tolerations: []\n  affinity: {}\n"
    let input = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            tolerations:
            - key: spot
              operator: Exists
      """
    let expected = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec: {}
      """
    var output = input
    for field in [SetPodScheduling.Field.nodeSelector, .tolerations, .affinity] {
      let setting = try TransformCheck.setting("api", field.rawValue, in: environment)
      output = try TransformCheck.apply(SetPodScheduling(field, setting), to: output)
    }
    #expect(output == expected)
  }

  @Test func affinityReplacesThePodsWhole() throws {
    let input = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: api
      spec:
        template:
          spec:
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                  - matchExpressions:
                    - key: kubernetes.io/arch
                      operator: In
                      values:
                      - amd64
      """
    let expected = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: api
      spec:
        template:
          spec:
            affinity:
              podAntiAffinity:
                preferredDuringSchedulingIgnoredDuringExecution:
                - podAffinityTerm:
                    labelSelector:
                      matchLabels:
                        app: api
                    topologyKey: kubernetes.io/hostname
                  weight: 100
      """
    #expect(try TransformCheck.apply(try scheduling(.affinity), to: input) == expected)
  }

  @Test func podsWithoutSchedulingFieldsGetThemCreatedInTheRightTemplate() throws {
    let input = """
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: api-cleanup
      spec:
        schedule: 0 3 * * *
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: api-debug
      """
    let expected = """
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: api-cleanup
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                tolerations:
                - key: spot
                  operator: Exists
        schedule: 0 3 * * *
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: api-debug
      spec:
        tolerations:
        - key: spot
          operator: Exists
      """
    #expect(try TransformCheck.apply(try scheduling(.tolerations), to: input) == expected)
  }

  @Test func aComponentThatRunsNoPodsIsAnErrorAtTheSetting() throws {
    let input = """
      apiVersion: v1
      kind: Service
      metadata:
        name: api
      """
    #expect(
      try TransformCheck.diagnostics(try scheduling(.nodeSelector), on: input).map(\.description) == [
        #"environments/dev.yaml:3:5: error: api.nodeSelector is set, but component "api" has no workloads that run pods"#
      ])
  }
}
