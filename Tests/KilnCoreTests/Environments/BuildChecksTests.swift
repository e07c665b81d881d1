import Testing

@testable import KilnCore

/// `kiln check`: what a build allows but a cluster would not run.
@Suite struct BuildChecksTests {
  static let api = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: api
    spec:
      selector:
        matchLabels: {app: api}
      template:
        metadata:
          labels: {app: api}
        spec:
          serviceAccountName: api
          containers:
          - name: main
            image: example.com/api:1
            envFrom:
            - configMapRef: {name: api-settings}
            - secretRef: {name: api-extra, optional: true}
            env:
            - name: TOKEN
              valueFrom:
                secretKeyRef: {name: api-token, key: token}
          volumes:
          - name: data
            persistentVolumeClaim: {claimName: api-data}

    """

  func check(_ files: [String: String], environments: [String] = [], kubeVersion: KubeVersion = .default) throws
    -> [String]
  {
    let request = CheckRequest(
      projectDirectory: ProjectCheck.root, environments: environments, kubeVersion: kubeVersion)
    return try BuildChecks.run(request, fileSystem: ProjectCheck.fileSystem(files)).diagnostics.map(\.description)
  }

  @Test func podsNeedWhatTheyNameFromTheBuildOrExternal() throws {
    let files = [
      "components/api/deployment.yaml": Self.api,
      "components/api/serviceaccount.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n",
      "environments/dev.yaml": "namespace: shop-dev\napi: {enabled: true}\n",
      "environments/prod.yaml": "namespace: shop\napi: {enabled: true}\nexternal:\n- {kind: Secret, name: api-token}\n",
    ]
    #expect(
      try check(files) == [
        "components/api/deployment.yaml:17:32: error: Deployment api needs ConfigMap api-settings, which neither the build nor external: provides (dev, prod)",
        "components/api/deployment.yaml:22:34: error: Deployment api needs Secret api-token, which neither the build nor external: provides (dev)",
        "components/api/deployment.yaml:25:44: error: Deployment api needs PersistentVolumeClaim api-data, which neither the build nor external: provides (dev, prod)",
      ])
  }

  @Test func aFindingSharedByEnvironmentsIsReportedOnceNamingThem() throws {
    let files = [
      "components/web/service.yaml":
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: wbe}\n  ports: [{port: 80}]\n",
      "components/web/deployment.yaml": ProjectCheck.deployment("web"),
      "environments/dev.yaml": "web: {enabled: true}\n",
      "environments/prod.yaml": "web: {enabled: true}\n",
    ]
    #expect(
      try check(files) == [
        "components/web/service.yaml:6:13: warning: Service web selects no pods of this build (app=wbe) (dev, prod)"
      ])
  }

  @Test func apiVersionsTheReleaseNoLongerServesAreErrors() throws {
    let files = [
      "base/cron.yaml": """
      apiVersion: batch/v1beta1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "0 1 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{name: job, image: busybox}]
      """,
      "environments/prod.yaml": "{}\n",
    ]
    #expect(
      try check(files) == [
        "base/cron.yaml:1:13: error: batch/v1beta1 CronJob is no longer served since Kubernetes 1.25 (checked for 1.30) (prod)"
      ])
    #expect(try check(files, kubeVersion: KubeVersion(major: 1, minor: 24)) == [])
  }

  @Test func selectorsThatDifferBetweenEnvironmentsAreWarned() throws {
    let files = [
      "components/web/deployment.yaml": ProjectCheck.deployment("web"),
      "environments/dev.yaml": "web: {enabled: true}\ncommonLabels: {track: canary}\n",
      "environments/prod.yaml": "web: {enabled: true}\nlabels: {track: stable}\n",
    ]
    #expect(
      try check(files) == [
        "components/web/deployment.yaml:1:1: warning: the selector of Deployment web differs between dev ({app=web, track=canary}) and prod ({app=web})"
      ])
  }

  @Test func anEnvironmentThatDoesNotBuildIsReportedAndTheOthersStillChecked() throws {
    let files = [
      "components/web/deployment.yaml": ProjectCheck.deployment("web"),
      "environments/dev.yaml": "web: {enabled: true, replcias: 2}\n",
      "environments/prod.yaml": "web: {enabled: true}\n",
    ]
    #expect(
      try check(files) == [
        "environments/dev.yaml:1:22: error: unknown field \"replcias\" in component \"web\" (dev)"
      ])
  }
}
