import KilnTestSupport
import KilnYAML
import Testing

@testable import KilnCore

/// `Accumulation` runs plans in batches (labels and annotations queued and merged, replica
/// counts, images, replacements and var bindings through indexes kept across components). Random plans over random objects, arriving between the
/// steps as a kustomization's components make them arrive, must give what running each step in
/// turn gives (`BuildPlan.fold`), byte for byte, and fail where it fails.
struct BatchedPlanTests {
  private static let names = ["web", "api", "db", "cache"]
  private static let images = ["nginx", "redis:6", "example.com/app/api:1.0", "busybox"]

  private func object(_ random: inout SeededRandom, _ serial: Int) -> String {
    let name = Self.names.randomElement(using: &random)! + "-\(serial % 3)"
    let image = Self.images.randomElement(using: &random)!
    let labels = Bool.random(using: &random) ? "\n  labels:\n    tier: \(name)" : ""
    let annotations = Bool.random(using: &random) ? "\n  annotations:\n    note: \"\(serial)\"" : ""
    let metadata = "metadata:\n  name: \(name)\(labels)\(annotations)\n"
    switch Int.random(in: 0..<5, using: &random) {
    case 0:
      return "apiVersion: v1\nkind: ConfigMap\n\(metadata)data:\n  k: v\n"
    case 1:
      return "apiVersion: v1\nkind: Service\n\(metadata)spec:\n  selector:\n    app: \(name)\n"
    case 2:
      return """
        apiVersion: batch/v1
        kind: CronJob
        \(metadata)spec:
          schedule: "* * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                  - name: c
                    image: \(image)

        """
    default:
      let kind = Bool.random(using: &random) ? "Deployment" : "StatefulSet"
      let replicas = Bool.random(using: &random) ? "\n  replicas: 1" : ""
      return """
        apiVersion: apps/v1
        kind: \(kind)
        \(metadata)spec:\(replicas)
          selector:
            matchLabels:
              app: \(name)
          template:
            metadata:
              labels:
                app: \(name)
            spec:
              containers:
              - name: c
                image: \(image)

        """
    }
  }

  private func entries(_ random: inout SeededRandom) -> [MapEntry] {
    let keys = ["app", "team", "env", "tier", "note"].shuffled(using: &random).prefix(
      Int.random(in: 1...3, using: &random))
    return keys.map { MapEntry(key: $0, value: .string("v\(Int.random(in: 0..<4, using: &random))", at: .unknown)) }
  }

  private func step(_ random: inout SeededRandom) -> PlanStep {
    let transform: any Transform
    switch Int.random(in: 0..<16, using: &random) {
    case 0..<3:
      let reach = [AddLabels.Reach.metadataOnly, .templates, .selectors].randomElement(using: &random)!
      transform = AddLabels(labels: entries(&random), reach: reach)
    case 3:
      // Field specs of the user's own, overlapping the annotations' or the images'.
      let path = ["metadata/annotations", "spec/template/metadata", "metadata", "spec/template/spec/containers[]"]
        .randomElement(using: &random)!
      transform = AddLabels(labels: entries(&random), fieldSpecs: [FieldSpec(path: path, create: true)])
    case 4..<6:
      transform = AddAnnotations(annotations: entries(&random))
    case 6:
      let count = Node(.scalar(Scalar("\(Int.random(in: 2...5, using: &random))", tag: .int)))
      let name = Self.names.randomElement(using: &random)! + "-\(Int.random(in: 0..<3, using: &random))"
      transform = SetReplicas(counts: [SetReplicas.Count(name: name, count: count, at: .unknown)])
    case 7..<9:
      let image = Self.images.randomElement(using: &random)!
      let name = String(image.split(separator: ":")[0])
      transform = SetImages(overrides: [
        ImageOverride(
          name: name, newName: Bool.random(using: &random) ? "mirror/\(name)" : nil,
          newTag: "t\(Int.random(in: 0..<3, using: &random))")
      ])
    case 9...11:
      transform = ApplyReplacements(replacements: [replacement(&random)])
    case 12:
      let name = Self.names.randomElement(using: &random)! + "-\(Int.random(in: 0..<3, using: &random))"
      let kind = ["ConfigMap", "Service"].randomElement(using: &random)!
      let variable = Var(
        name: "V\(Int.random(in: 0..<1000, using: &random))", objref: .init(version: "v1", kind: kind, name: name),
        location: .unknown)
      transform = BindVars(vars: [variable])
    case 13:
      transform = SetNamespace(namespace: .string("ns\(Int.random(in: 0..<2, using: &random))", at: .unknown))
    default:
      transform = AddNamePrefix(prefix: .string("p\(Int.random(in: 0..<2, using: &random))-", at: .unknown))
    }
    return PlanStep("random", .init(kind: transform.name), transform)
  }

  /// A replacement as components write them: a value of one object copied into fields of
  /// others, some of them fields that queued labels, annotations, images or renames also touch.
  private func replacement(_ random: inout SeededRandom) -> Replacement {
    // Mostly the one object every run has, so that most runs get past the source.
    let name = Self.names.randomElement(using: &random)! + "-\(Int.random(in: 0..<3, using: &random))"
    let selector: Replacement.Selector =
      Int.random(in: 0..<4, using: &random) > 0
      ? .init(kind: "ConfigMap", name: "source")
      : .init(kind: ["ConfigMap", "Service", "Deployment"].randomElement(using: &random)!, name: name)
    let source = Replacement.Source(
      selector: selector,
      fieldPath: .init(["metadata.name", "data.k", "metadata.labels.tier"].randomElement(using: &random)!))
    let paths = [
      "spec.template.metadata.annotations.copied", "metadata.annotations.note", "metadata.labels.tier",
      "spec.template.spec.containers.[name=c].image", "spec.replicas", "metadata.name", "data.copied",
    ]
    let tier = Self.names.randomElement(using: &random)! + "-\(Int.random(in: 0..<3, using: &random))"
    let select: Replacement.Selector =
      Bool.random(using: &random)
      ? .init(kind: ["Deployment", "StatefulSet", "ConfigMap"].randomElement(using: &random)!)
      : .init(labelSelector: "tier=\(tier)")
    let target = Replacement.Target(
      select: select, fieldPaths: [.init(paths.randomElement(using: &random)!)],
      options: .init(create: Int.random(in: 0..<4, using: &random) > 0))
    return Replacement(source: source, targets: [target])
  }

  private enum Event {
    case objects([Resource])
    case plan(BuildPlan)
    /// A merging generator: queued steps must be applied first.
    case flush
  }

  private func events(seed: UInt64) throws -> [Event] {
    var random = SeededRandom(seed: seed)
    var events: [Event] = []
    var serial = 0
    events.append(
      .objects(
        try TransformHarness.resources(
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: source\n  labels:\n    tier: web-0\ndata:\n  k: v\n")))
    for _ in 0..<Int.random(in: 1...8, using: &random) {
      let yaml = (0..<Int.random(in: 0...20, using: &random)).map { _ in
        serial += 1
        return object(&random, serial)
      }.joined(separator: "---\n")
      events.append(.objects(yaml.isEmpty ? [] : try TransformHarness.resources(yaml)))
      events.append(.plan(BuildPlan((0..<Int.random(in: 0...4, using: &random)).map { _ in step(&random) })))
      if Int.random(in: 0..<6, using: &random) == 0 { events.append(.flush) }
    }
    return events
  }

  private func render(_ result: Result<[Resource], any Error>) -> String? {
    guard case .success(let resources) = result else { return nil }
    // The objects each var is tied to are part of the result too.
    let bindings = resources.map { "\($0.id): \($0.varNames)" }.joined(separator: "\n")
    return String(decoding: ManifestRenderer.render(resources, sources: false), as: UTF8.self) + bindings
  }

  @Test(arguments: 0..<300)
  func batchedExecutionIsTheFoldOfItsSteps(seed: Int) throws {
    let (batched, folded) = run(try events(seed: UInt64(seed)))
    #expect(batched == folded, "seed \(seed)")
  }

  /// A replacement that renames an object and rewrites its image, after replica counts, images
  /// and vars have indexed it: the steps after it find the object by its new name and image.
  @Test func replacementsRefreshTheIndexesTheyMayStale() throws {
    let objects = try TransformHarness.resources(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
            - name: c
              image: nginx
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: source
      data:
        name: api
        image: redis

      """)
    func copy(_ field: String, to path: String) -> Replacement {
      Replacement(
        source: .init(selector: .init(kind: "ConfigMap", name: "source"), fieldPath: .init("data." + field)),
        targets: [.init(select: .init(kind: "Deployment"), fieldPaths: [.init(path)])])
    }
    func count(_ name: String, _ n: Int) -> SetReplicas {
      SetReplicas(counts: [.init(name: name, count: Node(.scalar(Scalar("\(n)", tag: .int))), at: .unknown)])
    }
    let variable = Var(
      name: "API", objref: .init(group: "apps", version: "v1", kind: "Deployment", name: "api"), location: .unknown)
    let steps: [[any Transform]] = [
      [count("web", 2), SetImages(overrides: [ImageOverride(name: "nginx", newTag: "1")])],
      [
        ApplyReplacements(replacements: [
          copy("name", to: "metadata.name"), copy("image", to: "spec.template.spec.containers.[name=c].image"),
        ]),
        count("api", 3), SetImages(overrides: [ImageOverride(name: "redis", newTag: "7")]), BindVars(vars: [variable]),
      ],
    ]
    let (batched, folded) = run(
      [.objects(objects)] + steps.map { .plan(BuildPlan($0.map { PlanStep("step", .init(kind: $0.name), $0) })) })
    #expect(folded?.contains("replicas: 3") == true)
    #expect(folded?.contains("image: redis:7") == true)
    #expect(folded?.contains("[\"API\"]") == true)
    #expect(batched == folded)
  }

  /// The events run by `Accumulation` and by `BuildPlan.fold`, rendered (nil: it failed).
  private func run(_ events: [Event]) -> (batched: String?, folded: String?) {
    let folded = Result<[Resource], any Error> {
      var resources: [Resource] = []
      for event in events {
        switch event {
        case .objects(let new): resources += new
        case .plan(let plan): try plan.fold(&resources)
        case .flush: break
        }
      }
      return resources
    }
    let batched = Result<[Resource], any Error> {
      var accumulation = Accumulation()
      for event in events {
        switch event {
        case .objects(let new): accumulation.append(new)
        case .plan(let plan): try accumulation.run(plan)
        case .flush: try accumulation.generate({ _ in }, readsExisting: true)
        }
      }
      return try accumulation.finish()
    }
    return (render(batched), render(folded))
  }
}
