import KilnTestSupport

/// A small two-component project used across the project tests.
enum Fixtures {
  static func twoComponents(scrambleSeed: UInt64? = nil) -> ProjectHarness {
    var p = ProjectHarness(scrambleSeed: scrambleSeed)
    p.write(
      "base/serviceaccount.yaml",
      """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: shop
      """)
    for (name, port) in [("web", 8080), ("worker", 9090)] {
      p.write(
        "components/\(name)/kustomization.yaml",
        """
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        resources:
        - deployment.yaml
        - service.yaml
        labels:
        - pairs:
            app.kubernetes.io/component: \(name)
          includeSelectors: true
        """)
      p.write(
        "components/\(name)/deployment.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop-\(name)
        spec:
          replicas: 1
          template:
            spec:
              serviceAccountName: shop
              containers:
              - name: \(name)
                image: shop/\(name):1.0
                ports:
                - containerPort: \(port)
        """)
      p.write(
        "components/\(name)/service.yaml",
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: shop-\(name)
        spec:
          ports:
          - port: 80
            targetPort: \(port)
        """)
    }
    p.write("environments/defaults.yaml", "web:\n  enabled: true\nworker:\n  enabled: false\n")
    p.write("environments/dev.yaml", "namespace: shop-dev\n")
    p.write(
      "environments/prod.yaml",
      """
      namespace: shop
      web:
        replicas: 3
        image: {tag: "2.0"}
      worker:
        enabled: true
      """)
    return p
  }
}
