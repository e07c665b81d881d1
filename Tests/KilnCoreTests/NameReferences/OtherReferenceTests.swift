import KilnCore
import KilnTestSupport
import KilnYAML
import Testing

/// The rest of the reference table: scale targets, volumes and storage, priority classes,
/// RBAC resource names, node config sources and admission policies.
@Suite struct OtherReferenceTests {
  @Test func horizontalPodAutoscalersFollowTheirTarget() throws {
    let input = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: db
      spec:
        scaleTargetRef:
          apiVersion: apps/v1
          kind: StatefulSet
          name: db
      """
    let output = try TransformCheck.apply(NameReferenceCheck.prefix("p-"), UpdateNameReferences(), to: input)
    #expect(output.hasSuffix("kind: StatefulSet\n    name: p-db"))
  }

  @Test func claimsVolumesStorageClassesAndPriorityClassesFollow() throws {
    let input = """
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: fast
      ---
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: high
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata:
        name: disk
      spec:
        storageClassName: fast
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
      spec:
        storageClassName: fast
        volumeName: disk
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        template:
          spec:
            priorityClassName: high
            volumes:
            - name: data
              persistentVolumeClaim:
                claimName: data
        volumeClaimTemplates:
        - spec:
            storageClassName: fast
      """
    let expected = """
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: p-fast
      ---
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: p-high
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata:
        name: p-disk
      spec:
        storageClassName: p-fast
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: p-data
      spec:
        storageClassName: p-fast
        volumeName: p-disk
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: p-db
      spec:
        template:
          spec:
            priorityClassName: p-high
            volumes:
            - name: data
              persistentVolumeClaim:
                claimName: p-data
        volumeClaimTemplates:
        - spec:
            storageClassName: p-fast
      """
    let output = try TransformCheck.apply(NameReferenceCheck.prefix("p-"), UpdateNameReferences(), to: input)
    #expect(output == expected, "\(firstDifferences(output, expected))")
  }

  /// A Role's `resourceNames` are read for ConfigMaps, then for Secrets (table order), each
  /// pass reading what the previous one wrote: `a` becomes the ConfigMap's `q-a`, which was
  /// the Secret's name before the prefix, so it becomes `q-q-a`.
  @Test func resourceNamesAreReadOnceForEachKindInTableOrder() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: a
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: q-a
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: reader
      rules:
      - resourceNames:
        - a
        - ~
        resources:
        - configmaps
      """
    let output = try TransformCheck.apply(NameReferenceCheck.prefix("q-"), UpdateNameReferences(), to: input)
    #expect(output.hasSuffix("- resourceNames:\n  - q-q-a\n  - null\n  resources:\n  - configmaps"))
  }

  /// A node's config source is a `{name, namespace}` pair.
  @Test func aNodeConfigSourceGetsNameAndNamespace() throws {
    let input = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: kubelet
      ---
      apiVersion: v1
      kind: Node
      metadata:
        name: n1
      spec:
        configSource:
          configMap:
            kubeletConfigKey: kubelet
            name: kubelet
            namespace: default
      """
    let output = try TransformCheck.apply(
      NameReferenceCheck.namespace("kube-system"), NameReferenceCheck.prefix("p-"), UpdateNameReferences(), to: input)
    #expect(
      output.hasSuffix(
        """
              kubeletConfigKey: kubelet
              name: p-kubelet
              namespace: kube-system
        """))
  }

  /// Kustomize v5.5's table names IngressClass with the group "networking.k8s.io/v1", which
  /// matches nothing: `ingressClassName` is never rewritten. A policy binding follows its policy.
  @Test func ingressClassesAreNotFollowedButAdmissionPoliciesAre() throws {
    let input = """
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata:
        name: nginx
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
      spec:
        ingressClassName: nginx
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicy
      metadata:
        name: policy
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicyBinding
      metadata:
        name: binding
      spec:
        policyName: policy
      """
    let output = try TransformCheck.apply(NameReferenceCheck.prefix("p-"), UpdateNameReferences(), to: input)
    #expect(output.contains("ingressClassName: nginx\n"))
    #expect(output.hasSuffix("policyName: p-policy"))
  }
}
