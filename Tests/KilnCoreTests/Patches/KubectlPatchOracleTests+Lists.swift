extension KubectlPatchOracleTests {
  /// Lists with and without merge keys: order, multi-key ports, sets, directives, replaced lists.
  static let listTrees: [Tree] = [
    Tree(
      "smp-containers-env-merge-order",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": PatchFixture.deployment,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: app
                env:
                - name: D
                  value: "40"
                - name: B
                  value: "20"
                - name: E
                  value: "5"
              - name: cache
                image: redis:7
              - name: sidecar
                $patch: delete
        """,
      ]),
    Tree(
      "smp-container-ports-two-keys",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": PatchFixture.deployment,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: app
                ports:
                - containerPort: 53
                  protocol: UDP
                  name: resolver
                - containerPort: 53
                  protocol: TCP
                  name: dns-tcp
                - containerPort: 9090
                  name: metrics
        """,
      ]),
    Tree(
      "smp-service-ports-multi-key-trap",
      [
        "kustomization.yaml": """
        resources:
        - svc.yaml
        patches:
        - path: patch.yaml
        """,
        "svc.yaml": PatchFixture.service,
        "patch.yaml": """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
          - port: 80
            targetPort: 9999
          - port: 90
            targetPort: 9090
          - port: 53
            protocol: TCP
            targetPort: 5353
          - port: 70
            targetPort: 70
        """,
      ]),
    Tree(
      "smp-service-port-with-protocol-applies",
      [
        "kustomization.yaml": """
        resources:
        - svc.yaml
        patches:
        - path: patch.yaml
        """,
        "svc.yaml": PatchFixture.service,
        "patch.yaml": """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
          - port: 80
            protocol: TCP
            targetPort: 9999
          - port: 90
            protocol: TCP
            targetPort: 1
          - port: 53
            protocol: UDP
            $patch: delete
        """,
      ]),
    Tree(
      "smp-finalizers-merge-as-set",
      [
        "kustomization.yaml": """
        resources:
        - cm.yaml
        patches:
        - path: patch.yaml
        """,
        "cm.yaml": """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cm
          finalizers: [a, b, c]
          ownerReferences:
          - {apiVersion: v1, kind: Pod, name: p1, uid: "1"}
          - {apiVersion: v1, kind: Pod, name: p2, uid: "2"}
        """,
        "patch.yaml": """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cm
          finalizers: [d, b]
          ownerReferences:
          - {uid: "2", name: renamed}
          - {apiVersion: v1, kind: Pod, name: p3, uid: "3"}
        """,
      ]),
    Tree(
      "smp-pod-lists-by-their-keys",
      [
        "kustomization.yaml": """
        resources:
        - pod.yaml
        patches:
        - path: patch.yaml
        """,
        "pod.yaml": """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
        spec:
          imagePullSecrets:
          - name: one
          - name: two
          hostAliases:
          - ip: 10.0.0.1
            hostnames: [a.local]
          - ip: 10.0.0.2
            hostnames: [b.local]
          topologySpreadConstraints:
          - topologyKey: zone
            whenUnsatisfiable: DoNotSchedule
            maxSkew: 1
          - topologyKey: host
            whenUnsatisfiable: ScheduleAnyway
            maxSkew: 1
          initContainers:
          - name: init
            image: busybox
            volumeMounts:
            - {name: a, mountPath: /a}
            - {name: b, mountPath: /b}
          containers:
          - name: main
            image: main:1
            volumeDevices:
            - {name: raw, devicePath: /dev/xvda}
          volumes:
          - name: a
            emptyDir: {}
          - name: b
            configMap: {name: cm}
        """,
        "patch.yaml": """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
        spec:
          imagePullSecrets:
          - name: three
          hostAliases:
          - ip: 10.0.0.2
            hostnames: [c.local]
          topologySpreadConstraints:
          - topologyKey: zone
            whenUnsatisfiable: DoNotSchedule
            maxSkew: 3
          - topologyKey: zone
            whenUnsatisfiable: ScheduleAnyway
            maxSkew: 2
          initContainers:
          - name: init
            volumeMounts:
            - {name: c, mountPath: /b}
          containers:
          - name: main
            volumeDevices:
            - {name: raw2, devicePath: /dev/xvdb}
          volumes:
          - name: b
            configMap: {name: other}
        """,
      ]),
    Tree(
      "smp-lists-without-keys-are-replaced",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": PatchFixture.deployment,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: app
                args: [--verbose]
                command: [/bin/app]
                envFrom:
                - configMapRef:
                    name: extra
              tolerations:
              - key: spot
                operator: Exists
        """,
      ]),
    Tree(
      "smp-custom-resource-lists-are-replaced",
      [
        "kustomization.yaml": """
        resources:
        - widget.yaml
        patches:
        - path: patch.yaml
        """,
        "widget.yaml": """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w
          finalizers: [a, b]
        spec:
          containers:
          - name: one
            image: one:1
          - name: two
            image: two:1
          settings:
            color: blue
            size: 3
        """,
        "patch.yaml": """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w
          finalizers: [c]
        spec:
          containers:
          - name: two
            image: two:2
          settings:
            size: 4
        """,
      ]),
    Tree(
      "smp-embedded-object-in-custom-resource",
      [
        "kustomization.yaml": """
        resources:
        - wrapper.yaml
        patches:
        - path: patch.yaml
        """,
        "wrapper.yaml": """
        apiVersion: example.com/v1
        kind: Wrapper
        metadata:
          name: wrap
        spec:
          manifest:
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: inner
            spec:
              template:
                spec:
                  containers:
                  - name: a
                    image: a:1
                  - name: b
                    image: b:1
        """,
        "patch.yaml": """
        apiVersion: example.com/v1
        kind: Wrapper
        metadata:
          name: wrap
        spec:
          manifest:
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                  - name: b
                    image: b:2
        """,
      ]),
    Tree(
      "smp-list-directives",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": PatchFixture.deployment,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - $patch: replace
              - name: only
                image: only:1
              volumes:
              - $patch: delete
              tolerations:
              - $patch: replace
              - key: kept-as-written
        """,
      ]),
    Tree(
      "smp-kinds-outside-the-1-21-schema",
      [
        "kustomization.yaml": """
        resources:
        - hpa.yaml
        patches:
        - target:
            kind: HorizontalPodAutoscaler
          patch: |
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: x
              finalizers: [c]
        - target:
            kind: CronJob
          patch: |
            apiVersion: batch/v1beta1
            kind: CronJob
            metadata:
              name: x
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                      - name: b
                        image: b:2
                      ephemeralContainers:
                      - name: debug
                        ports:
                        - containerPort: 2
        """,
        "hpa.yaml": """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: v2
          finalizers: [a, b]
        ---
        apiVersion: autoscaling/v2beta2
        kind: HorizontalPodAutoscaler
        metadata:
          name: v2beta2
          finalizers: [a, b]
        ---
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata:
          name: old
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                  - name: a
                    image: a:1
                  - name: b
                    image: b:1
                  ephemeralContainers:
                  - name: debug
                    ports:
                    - containerPort: 1
        """,
      ]),
    Tree(
      "smp-new-lists-are-cleaned-like-merged-ones",
      [
        "kustomization.yaml": """
        resources:
        - pod.yaml
        patches:
        - path: patch.yaml
        """,
        "pod.yaml": """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
        spec:
          containers:
          - name: main
            image: main
        """,
        "patch.yaml": """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
        spec:
          initContainers:
          - name: one
            image: first
            workingDir: null
          - name: one
            image: second
          - name: two
            image: two
            env:
            - {name: X, value: a}
            - {name: X, value: b}
          containers:
          - name: main
            securityContext:
              privileged: null
              runAsUser: 1
        """,
      ]),
    Tree(
      "smp-webhooks-merge-by-name",
      [
        "kustomization.yaml": """
        resources:
        - hook.yaml
        patches:
        - patch: |
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: hooks
            webhooks:
            - name: b.example.com
              timeoutSeconds: 5
        """,
        "hook.yaml": """
        apiVersion: admissionregistration.k8s.io/v1
        kind: MutatingWebhookConfiguration
        metadata:
          name: hooks
        webhooks:
        - name: a.example.com
          sideEffects: None
        - name: b.example.com
          sideEffects: None
        """,
      ]),
    Tree(
      "smp-list-item-without-key-in-object",
      [
        "kustomization.yaml": """
        resources:
        - pod.yaml
        patches:
        - path: patch.yaml
        """,
        "pod.yaml": """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
        spec:
          containers:
          - name: a
            image: a
          - image: nameless
          - name: c
            image: c
        """,
        "patch.yaml": """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
        spec:
          containers:
          - name: c
            image: c2
          - name: d
            image: d
        """,
      ]),
    Tree(
      "smp-container-details",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": PatchFixture.deployment,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: null
        spec:
          $patch: merge
          template:
            spec:
              containers:
              - name: app
                ports:
                - containerPort: "8080"
                  protocol: TCP
                  name: renamed
                env:
                - name: A
                  value: null
                  valueFrom:
                    fieldRef:
                      fieldPath: metadata.name
                volumeMounts: []
              volumes:
              - name: data
                emptyDir: null
                configMap:
                  name: data
        """,
      ]),
    Tree(
      "smp-adds-lists-the-object-lacks",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: bare
        spec:
          template:
            spec:
              containers: null
        """,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: bare
          finalizers: [z, a, z]
        spec:
          template:
            spec:
              containers:
              - name: one
                image: one
                ports:
                - containerPort: 80
                - containerPort: 80
                  protocol: UDP
                volumeMounts:
                - {name: v, mountPath: /v}
                - {name: w, mountPath: /v}
              - $patch: replace
        """,
      ]),
    Tree(
      "smp-clears-lists-with-null",
      [
        "kustomization.yaml": """
        resources:
        - deploy.yaml
        patches:
        - path: patch.yaml
        """,
        "deploy.yaml": PatchFixture.deployment,
        "patch.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              volumes: null
              tolerations: null
              containers:
              - name: sidecar
                env: []
        """,
      ]),
    Tree(
      "smp-duplicate-keys-in-object",
      [
        "kustomization.yaml": """
        resources:
        - pod.yaml
        patches:
        - path: patch.yaml
        """,
        "pod.yaml": """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
          finalizers: [a, a, b]
        spec:
          containers:
          - name: dup
            image: first
          - name: other
            image: other
          - name: dup
            image: second
        """,
        "patch.yaml": """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
          finalizers: [b]
        spec:
          containers:
          - name: other
            image: other2
        """,
      ]),
    Tree(
      "smp-realistic-overlay",
      [
        "base/kustomization.yaml": """
        resources:
        - deploy.yaml
        - sts.yaml
        - ingress.yaml
        """,
        "base/deploy.yaml": PatchFixture.deployment,
        "base/sts.yaml": """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: db
          template:
            spec:
              containers:
              - name: db
                image: postgres:15
                resources:
                  requests: {cpu: 100m, memory: 128Mi}
                readinessProbe:
                  exec:
                    command: [pg_isready]
                  periodSeconds: 5
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests: {storage: 1Gi}
        """,
        "base/ingress.yaml": """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
        spec:
          rules:
          - host: a.example.com
          - host: b.example.com
        """,
        "kustomization.yaml": """
        resources:
        - ../base
        namespace: prod
        patches:
        - path: resources.yaml
        - path: sts.yaml
        - target:
            kind: Ingress
          patch: |
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: any
              annotations:
                cert-manager.io/cluster-issuer: letsencrypt
            spec:
              rules:
              - host: prod.example.com
              tls:
              - hosts: [prod.example.com]
                secretName: web-tls
        """,
        "resources.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 6
          template:
            spec:
              containers:
              - name: app
                resources:
                  limits:
                    cpu: "2"
                    memory: 1Gi
                livenessProbe:
                  httpGet: {path: /healthz, port: 8080}
              - name: log-shipper
                image: fluent-bit:2
                volumeMounts:
                - {name: logs, mountPath: /var/log/app}
              volumes:
              - name: logs
                emptyDir: {}
        """,
        "sts.yaml": """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            spec:
              containers:
              - name: db
                resources:
                  requests:
                    memory: 1Gi
                readinessProbe:
                  exec:
                    command: [pg_isready, -U, app]
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              resources:
                requests: {storage: 50Gi}
        """,
      ]),
  ]
}
