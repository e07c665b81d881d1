import KilnYAML

/// `helmCharts`, `helmGlobals` and the deprecated `helmChartInflationGenerator`. kubectl inflates
/// charts only with `--enable-helm`; without it a kustomization that names a chart fails and one
/// with only `helmGlobals` builds as if the field were absent. kiln does the same (it renders no
/// charts), checking the entries' fields as kubectl reads them so a typo is still a typo.
extension KustomizationDecoder {
  static let helmChartKeys = [
    "name", "version", "repo", "releaseName", "namespace", "additionalValuesFiles", "valuesFile", "valuesInline",
    "valuesMerge", "includeCRDs", "skipHooks", "apiVersions", "kubeVersion", "nameTemplate", "skipTests", "debug",
  ]
  /// The fields of a `helmChartInflationGenerator` entry (Kustomize's HelmChartArgs).
  static let helmChartArgsKeys = [
    "chartName", "chartVersion", "chartRepoUrl", "chartHome", "chartRepoName", "helmBin", "helmHome", "values",
    "valuesLocal", "valuesMerge", "releaseName", "releaseNamespace", "extraArgs",
  ]

  mutating func helm(_ fields: StrictMapping) {
    if let globals = fields.mapping("helmGlobals", problems: &problems) {
      let entry = StrictMapping(globals, context: "helmGlobals", problems: &problems)
      entry.checkKeys(["chartHome", "configHome"], problems: &problems)
      for key in ["chartHome", "configHome"] { _ = entry.string(key, problems: &problems) }
    }
    for (key, known) in [("helmCharts", Self.helmChartKeys), ("helmChartInflationGenerator", Self.helmChartArgsKeys)] {
      for item in fields.sequence(key, problems: &problems) ?? [] {
        let before = problems.diagnostics.count
        let entry = StrictMapping(item, context: "\(key) entry", problems: &problems)
        entry.checkKeys(known, problems: &problems)
        guard problems.diagnostics.count == before else { continue }
        let chart = entry.string(key == "helmCharts" ? "name" : "chartName", problems: &problems) ?? ""
        problems.add(
          .error(
            "\(chart.isEmpty ? "a Helm chart" : "Helm chart \"\(chart)\"") is inflated only with --enable-helm, and kiln does not render Helm charts",
            at: item.location,
            hint: "render it with helm template and list the output under resources"))
      }
    }
  }
}
