import KilnYAML

/// The objects a kustomization accumulates, and the plan steps that can wait.
///
/// Kustomize runs a component's transformers over everything accumulated before it, so a tree
/// of N components that each label their objects makes N passes over up to N components'
/// objects. A step whose batching is `setEntries` (labels, annotations) only sets keys, and
/// touches nothing else, so kiln queues it with the number of objects present when it ran, and
/// applies the queue when something must see it (a step that may read or change what it
/// wrote, a merging generator, the end of the directory): each object gets the entries of
/// every queued step that came after it, merged, in one pass. Replica counts and images find
/// their objects through indexes instead of a scan, and so do replacements, which wait for the
/// queue only when their fields meet it. The result is that of `BuildPlan.fold`
/// (every step in turn; `BatchedPlanTests` checks it on random plans); only the work is linear.
struct Accumulation {
  private(set) var resources: [Resource] = []
  /// The `vars` of the kustomization and of everything it includes.
  var vars = VarSet()
  /// The transformer configuration of the kustomization and of everything it includes
  /// (Kustomize's accumulated `TransformerConfig`): its transformers read their field specs here.
  /// It starts empty, as Kustomize's does: merging a configuration into it drops each spec that
  /// an earlier one (in sorted order) already stands for, so a configured `metadata/name` spec
  /// for one kind replaces the kind-less default (see `TransformerConfig.merged(with:)`).
  var config = TransformerConfig()
  /// `kiln kustomize`: labels and annotations share values as Kustomize's nodes do
  /// (`SharedEntry`).
  var sharesEntries = false
  private var pending = PendingEntries()
  private var replicaIndex = SetReplicas.NameIndex()
  private var imageIndex = ImageIndex()
  private var varIndex = BindVars.NameIndex()
  private var replacementIndex = ReplacementIndex()

  init() {}

  var count: Int { resources.count }

  mutating func append(_ new: [Resource]) {
    resources += new
  }

  /// Runs the generators of a kustomization on the objects. Merging and replacing generators
  /// read what they merge into, so queued steps are applied first.
  mutating func generate(_ run: (inout [Resource]) throws -> Void, readsExisting: Bool) throws {
    if readsExisting { try flush() }
    try run(&resources)
    // A merging or replacing generator may have changed what it merged into.
    if readsExisting {
      varIndex = BindVars.NameIndex()
      replacementIndex = ReplacementIndex()
    }
  }

  /// Runs every step of `plan`, in order.
  mutating func run(_ plan: BuildPlan) throws {
    for step in plan.steps { try apply(step.transform) }
  }

  /// Runs `transform`, now or, when its batching allows, when its effect is needed.
  mutating func apply(_ transform: any Transform) throws {
    switch transform.batching {
    case .setEntries(let entries, let specs):
      let lane = Footprint(entries, specs)
      if pending.lanesOverlapping(lane).count > 1 { try flush() }
      pending.add(entries, specs: specs, footprint: lane, transform: transform.name, watermark: resources.count)
    case .replicaCounts(let replicas):
      if pending.conflicts(with: .replicaCounts) { try flush() }
      replicaIndex.add(resources, from: replicaIndex.covered)
      try replicas.apply(to: &resources, index: replicaIndex)
    case .varBinding(let binding):
      // It reads ids only and changes no object's content: queued steps are applied first
      // only when they could change an id.
      if pending.conflicts(with: .ids) { try flush() }
      varIndex.add(resources, from: varIndex.covered)
      try binding.apply(to: &resources, index: varIndex)
    case .images(let images):
      if pending.conflicts(with: .images) { try flush() }
      try imageIndex.apply(images, to: &resources)
    case .replacements(let replacements):
      // Queued labels and annotations wait unless a replacement reads or writes their fields.
      if pending.conflicts(with: replacements.footprint) { try flush() }
      let images = try replacements.apply(to: &resources, index: &replacementIndex)
      if replacements.mayChangeIDs {
        replicaIndex = SetReplicas.NameIndex()
        varIndex = BindVars.NameIndex()
      }
      if images || replacements.mayChangeIDs { imageIndex = ImageIndex() }
    case .none:
      try flush()
      try transform.apply(to: &resources)
      // It may have renamed, moved, added or deleted anything.
      replicaIndex = SetReplicas.NameIndex()
      imageIndex = ImageIndex()
      varIndex = BindVars.NameIndex()
      replacementIndex = ReplacementIndex()
    }
  }

  /// Changes every object outside its content (what `buildMetadata` records).
  mutating func updateEach(_ body: (inout Resource) -> Void) {
    for index in resources.indices { body(&resources[index]) }
  }

  /// Applies what is queued. Queued steps that could have changed what the indexes hold
  /// (names, kinds, images) make them start again.
  mutating func flush() throws {
    let stale = (
      pending.conflicts(with: .replicaCounts), pending.conflicts(with: .images), pending.conflicts(with: .ids)
    )
    try pending.apply(to: &resources, sharing: sharesEntries)
    if stale.0 { replicaIndex = SetReplicas.NameIndex() }
    if stale.1 { imageIndex = ImageIndex() }
    if stale.2 {
      varIndex = BindVars.NameIndex()
      replacementIndex = ReplacementIndex()
    }
  }

  /// Everything, with every queued step applied.
  mutating func finish() throws -> [Resource] {
    try flush()
    return resources
  }
}

/// The fields a step may read or write, as paths of keys. Two steps whose footprints do not
/// overlap (no path of one is a prefix of a path of the other, and none crosses a key the other
/// watches anywhere) give the same result in either order.
struct Footprint {
  var paths: [[String]]
  /// Keys that matter at any depth (containers lists, for images).
  var anywhere: Set<String> = []

  /// A `setEntries` step: the mappings it writes into, and each key it writes there.
  init(_ entries: [MapEntry], _ specs: [FieldSpec]) {
    paths = specs.flatMap { spec in
      let path = spec.path.map(\.name)
      return [path] + entries.map { path + [$0.key] }
    }
  }

  init(paths: [[String]], anywhere: Set<String> = []) {
    self.paths = paths
    self.anywhere = anywhere
  }

  /// Replica counts: found by kind and name, written at `spec.replicas`.
  static let replicaCounts = Footprint(paths: [["kind"], ["metadata", "name"], ["spec", "replicas"]])
  /// An object's id.
  static let ids = Footprint(paths: [["apiVersion"], ["kind"], ["metadata", "name"], ["metadata", "namespace"]])
  /// Images: objects by kind, then every containers list at any depth.
  static let images = Footprint(paths: [["kind"]], anywhere: ["containers", "initContainers", "image"])

  /// Adds the paths of `other` that are not here yet: a lane that every component's labels
  /// join keeps one copy of each path, so checking a step against it does not grow with the
  /// number of components (it did: N components made the checks quadratic).
  mutating func formUnion(_ other: Footprint) {
    var known = Set(paths)
    for path in other.paths where known.insert(path).inserted { paths.append(path) }
    anywhere.formUnion(other.anywhere)
  }

  func overlaps(_ other: Footprint) -> Bool {
    for path in paths {
      if path.contains(where: other.anywhere.contains) { return true }
      for theirs in other.paths where Self.isPrefix(path, of: theirs) || Self.isPrefix(theirs, of: path) {
        return true
      }
    }
    return other.paths.contains { $0.contains(where: anywhere.contains) }
  }

  private static func isPrefix(_ a: [String], of b: [String]) -> Bool {
    a.count <= b.count && zip(a, b).allSatisfy { $0 == $1 }
  }
}

/// Queued `setEntries` steps, each with the number of objects it applies to, in lanes: steps
/// whose footprints overlap share a lane (and keep their order there); steps of different
/// lanes write different mappings, so only the order in which they create a missing mapping
/// matters, and each object gets the lanes' runs in the order of their first step.
private struct PendingEntries {
  struct Step {
    var entries: [MapEntry]
    var specs: [FieldSpec]
    var transform: String
    var watermark: Int
    var lane: Int
  }

  private var steps: [Step] = []
  private var lanes: [Footprint] = []

  func lanesOverlapping(_ footprint: Footprint) -> [Int] {
    lanes.indices.filter { lanes[$0].overlaps(footprint) }
  }

  func conflicts(with footprint: Footprint) -> Bool {
    lanes.contains { $0.overlaps(footprint) }
  }

  /// Queues a step; its footprint overlaps at most one lane.
  mutating func add(
    _ entries: [MapEntry], specs: [FieldSpec], footprint: Footprint, transform: String, watermark: Int
  ) {
    let lane: Int
    if let overlapping = lanesOverlapping(footprint).first {
      lane = overlapping
      lanes[lane].formUnion(footprint)
    } else {
      lane = lanes.count
      lanes.append(footprint)
    }
    steps.append(Step(entries: entries, specs: specs, transform: transform, watermark: watermark, lane: lane))
  }

  /// Objects `[w(k-1), w(k))` get steps k… in order. Walking the steps backwards builds that
  /// suffix once, per lane: consecutive steps of a lane with the same field specs merge into one
  /// run (keys in the order the steps first set them, a later value winning), so the usual
  /// queue (every component labelling the same way) collapses to one run per lane and object.
  /// Each range of objects is its own work, so the ranges are done on every core; the first
  /// failing step, in the order of the walk, is what is thrown.
  mutating func apply(to resources: inout [Resource], sharing: Bool) throws {
    guard !steps.isEmpty else { return }
    defer {
      steps.removeAll()
      lanes.removeAll()
    }
    var suffixes: [[Run]] = Array(repeating: [], count: lanes.count)
    var specSets: [[FieldSpec]] = []
    var segments: [Segment] = []
    for k in stride(from: steps.count - 1, through: 0, by: -1) {
      let step = steps[k]
      if let first = suffixes[step.lane].first, specSets[first.specSet] == step.specs {
        suffixes[step.lane][0].entries = Self.merged(step.entries, then: first.entries)
        suffixes[step.lane][0].firstStep = k
      } else {
        let specSet = specSets.firstIndex(of: step.specs) ?? specSets.count
        if specSet == specSets.count { specSets.append(step.specs) }
        suffixes[step.lane].insert(
          Run(entries: step.entries, specSet: specSet, transform: step.transform, firstStep: k), at: 0)
      }
      let runs =
        suffixes.count == 1 ? suffixes[0] : suffixes.joined().sorted { $0.firstStep < $1.firstStep }
      let lower = k == 0 ? 0 : min(steps[k - 1].watermark, resources.count)
      let upper = min(step.watermark, resources.count)
      // Long ranges are cut, so that one transform over many objects is shared out too.
      for start in stride(from: lower, to: upper, by: 16) {
        segments.append(Segment(range: k, objects: start..<min(start + 16, upper), runs: runs))
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
              problems: &problems, sharing: sharing)
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

  /// `earlier` then `later` set in turn, as one list: the keys in the order they are first set,
  /// each with its last value.
  private static func merged(_ earlier: [MapEntry], then later: [MapEntry]) -> [MapEntry] {
    var last: [String: Int] = [:]
    for (i, entry) in later.enumerated() { last[entry.key] = i }
    var result = earlier.map { entry in last[entry.key].map { later[$0] } ?? entry }
    let known = Set(earlier.map(\.key))
    result += later.filter { !known.contains($0.key) }
    return result
  }

  /// Entries to set with one set of field specs.
  private struct Run: Sendable {
    var entries: [MapEntry]
    var specSet: Int
    var transform: String
    /// The earliest step merged into the run.
    var firstStep: Int
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
