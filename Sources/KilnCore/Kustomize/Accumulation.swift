import KilnYAML

/// The objects a kustomization accumulates, and the transforms that can wait.
///
/// Kustomize runs a component's transformers over everything accumulated before it, so a tree
/// of N components that each label their objects makes N passes over up to N components'
/// objects. Labels and annotations only set keys, and touch nothing else, so kiln queues them
/// with the number of objects present when they ran, and applies the queue when something must
/// see them (a patch, a rename, a merging generator, the end of the directory): each object gets
/// the entries of every queued transform that came after it, merged, in one pass. Replica counts
/// and images find their objects through indexes instead of a scan. The result is the same as
/// running every transform in turn; only the work is linear.
struct Accumulation {
  private(set) var resources: [Resource] = []
  /// The `vars` of the kustomization and of everything it includes.
  var vars = VarSet()
  private var labels = PendingEntries()
  private var annotations = PendingEntries()
  private var replicaIndex = SetReplicas.NameIndex()
  private var imageIndex = ImageIndex()
  private var varIndex = BindVars.NameIndex()

  init() {}

  var count: Int { resources.count }

  mutating func append(_ new: [Resource]) {
    resources += new
  }

  /// Runs the generators of a kustomization on the objects. Merging and replacing generators
  /// read what they merge into, so queued labels and annotations are applied first.
  mutating func generate(_ run: (inout [Resource]) throws -> Void, readsExisting: Bool) throws {
    if readsExisting { try flush() }
    try run(&resources)
    // A merging or replacing generator may have changed what it merged into.
    if readsExisting { varIndex = BindVars.NameIndex() }
  }

  /// Runs `transform`, now or, for labels and annotations, when its effect is needed.
  mutating func apply(_ transform: any Transform) throws {
    switch transform {
    case let t as AddLabels:
      labels.add(t.labels, specs: t.fieldSpecs, transform: t.name, watermark: resources.count)
    case let t as AddAnnotations:
      annotations.add(t.annotations, specs: t.fieldSpecs, transform: t.name, watermark: resources.count)
    case let t as SetReplicas:
      replicaIndex.add(resources, from: replicaIndex.covered)
      try t.apply(to: &resources, index: replicaIndex)
    case let t as BindVars:
      // It reads ids only, which queued labels and annotations do not change, and changes
      // no object's content: nothing to flush, no index to drop.
      varIndex.add(resources, from: varIndex.covered)
      try t.apply(to: &resources, index: varIndex)
    case let t as SetImages where t.extraFieldSpecs.isEmpty:
      try imageIndex.apply(t, to: &resources)
    default:
      try flush()
      try transform.apply(to: &resources)
      // It may have renamed, moved, added or deleted anything.
      replicaIndex = SetReplicas.NameIndex()
      imageIndex = ImageIndex()
      varIndex = BindVars.NameIndex()
    }
  }

  /// Changes every object outside its content (what `buildMetadata` records).
  mutating func updateEach(_ body: (inout Resource) -> Void) {
    for index in resources.indices { body(&resources[index]) }
  }

  /// Applies what is queued.
  mutating func flush() throws {
    try labels.apply(to: &resources)
    try annotations.apply(to: &resources)
  }

  /// Everything, with every queued transform applied.
  mutating func finish() throws -> [Resource] {
    try flush()
    return resources
  }
}

/// Queued label (or annotation) transforms, each with the number of objects it applies to.
private struct PendingEntries {
  struct Step {
    var entries: [MapEntry]
    var specs: [FieldSpec]
    var transform: String
    var watermark: Int
  }

  private var steps: [Step] = []

  mutating func add(_ entries: [MapEntry], specs: [FieldSpec], transform: String, watermark: Int) {
    steps.append(Step(entries: entries, specs: specs, transform: transform, watermark: watermark))
  }

  /// Objects `[w(k-1), w(k))` get steps k… in order. Walking the steps backwards builds that
  /// suffix once: consecutive steps with the same field specs merge (a later value wins), so the
  /// usual queue (every component labelling the same way) collapses to one step per object.
  /// Each range of objects is its own work, so the ranges are done on every core; the first
  /// failing step, in the order of the walk, is what is thrown.
  mutating func apply(to resources: inout [Resource]) throws {
    guard !steps.isEmpty else { return }
    defer { steps.removeAll() }
    var suffix: [Run] = []
    var specSets: [[FieldSpec]] = []
    var segments: [Segment] = []
    for k in stride(from: steps.count - 1, through: 0, by: -1) {
      let step = steps[k]
      if let first = suffix.first, specSets[first.specSet] == step.specs {
        let later = Set(first.entries.map(\.key))
        suffix[0].entries = step.entries.filter { !later.contains($0.key) } + first.entries
      } else {
        let specSet = specSets.firstIndex(of: step.specs) ?? specSets.count
        if specSet == specSets.count { specSets.append(step.specs) }
        suffix.insert(Run(entries: step.entries, specSet: specSet, transform: step.transform), at: 0)
      }
      let lower = k == 0 ? 0 : min(steps[k - 1].watermark, resources.count)
      let upper = min(step.watermark, resources.count)
      // Long ranges are cut, so that one transform over many objects is shared out too.
      for start in stride(from: lower, to: upper, by: 16) {
        segments.append(Segment(range: k, objects: start..<min(start + 16, upper), runs: suffix))
      }
    }
    let failures = InParallel.changing(&resources, items: segments.count, minimum: 2) {
      [segments, specSets] pieces, resources in
      var applicable = specSets.map(ApplicableSpecs.init)
      var failures: [Failure] = []
      for segment in segments[pieces] {
        for (number, run) in segment.runs.enumerated() {
          var problems = DiagnosticCollector()
          for index in segment.objects {
            FieldPath.setEntries(
              run.entries, at: &applicable[run.specSet], in: &resources[index], transform: run.transform,
              problems: &problems)
          }
          if problems.hasErrors {
            failures.append(Failure(range: segment.range, run: number, problems: problems))
            break
          }
        }
      }
      return failures
    }.flatMap { $0 }
    // What running the transforms in turn would have thrown: every problem of the first run to
    // fail, over the whole range of objects it covers.
    guard let range = failures.first?.range else { return }
    let run = failures.filter { $0.range == range }.map(\.run).min()
    var problems = DiagnosticCollector()
    for failure in failures where failure.range == range && failure.run == run {
      failure.problems.diagnostics.forEach { problems.add($0) }
    }
    try problems.throwIfErrors()
  }

  /// Entries to set with one set of field specs.
  private struct Run: Sendable {
    var entries: [MapEntry]
    var specSet: Int
    var transform: String
  }

  /// Objects of range `range` (the objects of step `range` and no later one), and the runs
  /// they get, in order.
  private struct Segment: Sendable {
    var range: Int
    var objects: Range<Int>
    var runs: [Run]
  }

  private struct Failure: Sendable {
    var range: Int
    var run: Int
    var problems: DiagnosticCollector
  }
}
