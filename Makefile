# kiln: build, test and deploy the repository's own stack.
#
#   make deps             set-up only: Swift present, libyaml-dev installed (every build runs it)
#   make build            release binary at .build/release/kiln
#   make test             the whole test suite (what CI runs); needs no kubectl
#   make install          binary, completions and man pages under PREFIX (default /usr/local)
#   make dist             dist/kiln-VERSION-OS-ARCH.tar.gz: stripped static binary, completions, man pages
#   make venv             .venv with the Python oracles pinned in Tests/requirements.txt
#   make oracle           the kubectl-backed tests against live kubectl (Kustomize v5.5.x): drift fails
#   make oracle-record    re-record what kubectl prints (then review `git diff`)
#   make golden           re-record golden files, then fail so recording is never silent
#   make bench            kiln vs kubectl kustomize, side by side, on the same tree
#   make k8s-preview      render ENV (default dev) to stdout
#   make k8s-dry-run      render, kiln check, validate offline, then server-side dry-run if a cluster answers
#   make k8s-deploy-dev   render dev and apply it (NAMESPACE=… overrides the namespace)
#   make k8s-deploy-prod  render prod and apply it
#   make k8s-diff         every environment against BASE_REF (default origin/main), for CI
#   make fuzz             each libFuzzer target for FUZZ_SECONDS (default 60); fails on any finding
#   make lint             swift-format's lint, strict, with .swift-format (CI runs it)
#   make format           rewrite the sources as swift-format lays them out

SWIFT ?= swift
BUILD_DIR ?= .build
KILN := $(BUILD_DIR)/release/kiln
ENV ?= dev
NAMESPACE ?=
KUBECTL ?= kubectl
KUBE_VERSION ?= 1.30
BASE_REF ?= origin/main
FORMAT ?= text

PREFIX ?= /usr/local
DESTDIR ?=

SET_NAMESPACE := $(if $(NAMESPACE),--set namespace=$(NAMESPACE),)

# stdout is for what kiln prints: `make k8s-preview > dev.yaml` must hold only YAML, on the
# first run too. Build logs go to stderr (`>&2` below), and sub-makes print no "Entering
# directory" lines. (`make -C DIR` and a make started by another make still print theirs:
# add --no-print-directory there.)
MAKEFLAGS += --no-print-directory

# The version baked into the binary: `git describe`, a leading v dropped; outside a git
# checkout, the fallback in Sources/CKilnVersion/version.c.
VERSION := $(patsubst v%,%,$(shell git describe --tags --always --dirty 2>/dev/null))
OS := $(shell uname -s | tr A-Z a-z)
ARCH := $(shell uname -m)
VERSION_HEADER := Sources/CKilnVersion/version.h

.PHONY: deps version-header build test venv oracle oracle-record golden bench install dist k8s-preview k8s-dry-run k8s-deploy-dev k8s-deploy-prod k8s-diff

# What a fresh machine needs before any Swift runs: a toolchain, and libyaml (installed when
# missing as root, else the command to run is printed). Every target that builds runs it.
deps:
	@SWIFT="$(SWIFT)" sh Scripts/deps.sh

# Rewritten only when the version changes; touching version.c recompiles that one file.
version-header:
	@v='$(VERSION)'; [ -n "$$v" ] || exit 0; \
	printf '#define KILN_VERSION "%s"\n' "$$v" > $(VERSION_HEADER).new; \
	if cmp -s $(VERSION_HEADER).new $(VERSION_HEADER); then rm -f $(VERSION_HEADER).new; \
	else mv $(VERSION_HEADER).new $(VERSION_HEADER); touch Sources/CKilnVersion/version.c; fi

# A fully static executable: no dynamic loader resolving libc and libyaml at every start,
# which is most of the time kiln takes on a small tree.
RELEASE := --scratch-path $(BUILD_DIR) -c release --product kiln --static-swift-stdlib -Xswiftc -static-executable
build: deps version-header
	@echo "$(SWIFT) build $(RELEASE)" >&2
	@$(SWIFT) build $(RELEASE) >&2

test: deps version-header venv
	$(SWIFT) build --scratch-path $(BUILD_DIR) --build-tests
	$(SWIFT) test --scratch-path $(BUILD_DIR)

# The Python oracles (jsonschema, Helm's SDK, kubernetes-validate, RE2) in a project-local
# environment, made when missing and again when the pins change; the tests use nothing else.
PYTHON ?= python3
venv: .venv/requirements.txt

.venv/requirements.txt: Tests/requirements.txt
	@test -x .venv/bin/python3 || $(PYTHON) -m venv .venv || \
	  { echo "make venv: '$(PYTHON) -m venv .venv' failed (Debian: apt-get install python3-venv)" >&2; exit 1; }
	.venv/bin/python3 -m pip install --quiet --disable-pip-version-check -r Tests/requirements.txt
	@cp Tests/requirements.txt $@

# What `kubectl kustomize` printed for every tree the tests build is committed beside the corpus
# cases (Tests/KustomizeCorpus/*/kubectl.*) and in Tests/OracleRecords/; `make test` reads it.
# `make oracle` runs those tests against live kubectl and fails on any drift from the records;
# `make oracle-record` rewrites them, and after a green run removes those no test read. Both
# first check that $(KUBECTL)'s Kustomize is v5.5.x (KUBECTL=/path/to/kubectl picks another).
# `make oracle` also asks RE2 (google-re2, pinned in the venv) again for the regex cases and tables.
ORACLE_TESTS := KustomizeCorpusTests|Kubectl|KustomizeEquivalenceTests

oracle: deps venv
	.venv/bin/python3 Scripts/record-re2-cases.py --check
	.venv/bin/python3 Scripts/generate-regex-tables.py --check
	$(SWIFT) build --build-tests
	KILN_ORACLE=live KUBECTL=$(KUBECTL) $(SWIFT) test --skip-build --filter OracleRecordTests/kubectlIsKustomizeV55
	KILN_ORACLE=live KUBECTL=$(KUBECTL) $(SWIFT) test --skip-build --filter '$(ORACLE_TESTS)'

oracle-record: deps venv
	$(SWIFT) build --build-tests
	KILN_ORACLE=record KUBECTL=$(KUBECTL) $(SWIFT) test --skip-build --filter OracleRecordTests/kubectlIsKustomizeV55
	@set -e; stamp=$$(mktemp); trap 'rm -f $$stamp' EXIT; \
	KILN_ORACLE=record KUBECTL=$(KUBECTL) $(SWIFT) test --skip-build --filter '$(ORACLE_TESTS)'; \
	find Tests/OracleRecords -type f ! -newer $$stamp -print -delete; \
	echo "kubectl records rewritten: review 'git diff Tests/KustomizeCorpus Tests/OracleRecords', then commit"

golden: deps version-header
	$(SWIFT) build --build-tests
	KILN_RECORD=1 $(SWIFT) test --filter GoldenTests; \
	echo "golden files re-recorded: review 'git diff Tests/Golden', commit, then run 'make test'"; exit 1

bench: build
	python3 Benchmarks/bench.py --kiln $(KILN)

# Completions come from the built binary; man pages, one per subcommand, from
# swift-argument-parser's generate-manual tool. Its plugin (`swift package plugin
# generate-manual`) runs offline too, but first rebuilds every target of the package graph in
# release mode without --static-swift-stdlib, so the next `make build` recompiles everything;
# the tool alone is a 20-second debug build, run on the binary already built. Pages are dated
# by the last commit, so they are the same bytes on every machine.
PARSER_DIR := $(BUILD_DIR)/checkouts/swift-argument-parser
MANUAL_TOOL := $(BUILD_DIR)/manual-tool/debug/generate-manual
MANUAL_DIR := $(BUILD_DIR)/manual
install: build
	@set -e; bin="$(DESTDIR)$(PREFIX)/bin"; share="$(DESTDIR)$(PREFIX)/share"; \
	echo "installing kiln $(VERSION) under $(DESTDIR)$(PREFIX)" >&2; \
	$(SWIFT) build --package-path $(PARSER_DIR) --scratch-path $(BUILD_DIR)/manual-tool --product generate-manual >&2; \
	rm -rf $(MANUAL_DIR); mkdir -p $(MANUAL_DIR); \
	$(MANUAL_TOOL) $(KILN) --multi-page --output-directory $(MANUAL_DIR) \
	  --date "$$(git log -1 --format=%cs 2>/dev/null || date +%F)"; \
	install -d "$$bin" "$$share/man/man1" "$$share/bash-completion/completions" \
	  "$$share/zsh/site-functions" "$$share/fish/vendor_completions.d"; \
	install -m 755 $(KILN) "$$bin/kiln"; \
	install -m 644 $(MANUAL_DIR)/*.1 "$$share/man/man1/"; \
	$(KILN) --generate-completion-script bash > "$$share/bash-completion/completions/kiln"; \
	$(KILN) --generate-completion-script zsh > "$$share/zsh/site-functions/_kiln"; \
	$(KILN) --generate-completion-script fish > "$$share/fish/vendor_completions.d/kiln.fish"

# The release tarball: the install tree with the binary stripped, plus LICENSE and README.
DIST_NAME := kiln-$(or $(VERSION),unknown)-$(OS)-$(ARCH)
dist: install-dist
	@set -e; stage=dist/$(DIST_NAME); \
	strip "$$stage/bin/kiln"; cp LICENSE README.md CHANGELOG.md "$$stage/"; \
	tar -C dist --owner=0 --group=0 --numeric-owner -czf dist/$(DIST_NAME).tar.gz $(DIST_NAME); \
	rm -rf "$$stage"; echo "dist/$(DIST_NAME).tar.gz" >&2

.PHONY: install-dist
install-dist:
	@rm -rf dist/$(DIST_NAME)
	@$(MAKE) install DESTDIR= PREFIX=$(CURDIR)/dist/$(DIST_NAME)

k8s-preview: build
	@$(KILN) build $(ENV) $(SET_NAMESPACE)

k8s-dry-run: build
	@set -e; out=$$(mktemp); trap 'rm -f $$out' EXIT; \
	$(KILN) build $(ENV) $(SET_NAMESPACE) -o $$out; \
	echo "rendered $$(grep -c '^kind:' $$out) objects for $(ENV)"; \
	$(KILN) check $(ENV) $(SET_NAMESPACE) --kube-version $(KUBE_VERSION); \
	if command -v kubernetes-validate >/dev/null; then kubernetes-validate --strict --quiet -k $(KUBE_VERSION) $$out && echo "schema: valid for Kubernetes $(KUBE_VERSION)"; \
	else echo "schema: skipped (pip install kubernetes-validate)"; fi; \
	if $(KUBECTL) version --request-timeout=5s >/dev/null 2>&1; then \
	  $(KUBECTL) apply --server-side --field-manager=kiln --dry-run=server -f $$out; \
	else echo "no cluster reachable: stopped after the offline checks"; fi

k8s-deploy-dev:
	@$(MAKE) --no-print-directory k8s-apply ENV=dev

k8s-deploy-prod:
	@$(MAKE) --no-print-directory k8s-apply ENV=prod

.PHONY: k8s-apply
k8s-apply: build
	@set -e; out=$$(mktemp); trap 'rm -f $$out' EXIT; \
	$(KILN) build $(ENV) $(SET_NAMESPACE) -o $$out; \
	$(KUBECTL) apply --server-side --field-manager=kiln -f $$out

# What a change does to the rendered manifests of every environment, against BASE_REF: the
# diff of each (FORMAT=markdown for a pull-request comment). Differences are the point, not a
# failure; only an environment that does not render fails the target.
# The build's log goes to stderr: stdout is the diff alone (a pull-request comment).
k8s-diff:
	@$(MAKE) --no-print-directory build >&2
	@KILN=$(KILN) Scripts/manifest-diff.sh $(BASE_REF) $(FORMAT)

# libFuzzer targets (Fuzzing/, a package of its own so the main build never sees
# -sanitize=fuzzer), built with AddressSanitizer and run one after another, FUZZ_SECONDS each.
# Each starts from its seed corpus (Fuzzing/Corpus, in git) and grows a working corpus in
# Fuzzing/.corpus (ignored); a finding is written to Fuzzing/.artifacts and fails the target.
# Inputs are capped at FUZZ_MAX_LEN bytes (--set arguments at 512), one input at 10 s, the
# process at 2 GiB. Swift's own backtracer is off so that libFuzzer reports crashes itself.
# AddressSanitizer halves the executions per second, and catches what Swift does not check:
# reads and writes through the unsafe buffers of the YAML reader and emitter
# (FUZZ_SANITIZE=fuzzer trades it for speed).
FUZZ_SECONDS ?= 60
FUZZ_SANITIZE ?= fuzzer,address
FUZZ_MAX_LEN ?= 4096
FUZZ_SCRATCH ?= .build-fuzz
# target:seed folder:dictionary:longest input
FUZZ_TARGETS := FuzzYAMLParser:yaml:yaml:$(FUZZ_MAX_LEN) FuzzYAMLRoundTrip:yaml:yaml:$(FUZZ_MAX_LEN) \
	FuzzJSONReader:json:json:$(FUZZ_MAX_LEN) FuzzSetParser:set:set:512

.PHONY: fuzz
fuzz: deps
	@$(SWIFT) build --package-path Fuzzing --scratch-path $(FUZZ_SCRATCH) -c release \
	  -Xswiftc -sanitize=$(FUZZ_SANITIZE) >&2
	@failed=""; bin=$$($(SWIFT) build --package-path Fuzzing --scratch-path $(FUZZ_SCRATCH) -c release --show-bin-path); \
	mkdir -p Fuzzing/.artifacts; \
	for spec in $(FUZZ_TARGETS); do \
	  set -- $$(echo $$spec | tr : ' '); target=$$1; seeds=$$2; dict=$$3; maxlen=$$4; \
	  mkdir -p Fuzzing/.corpus/$$target; \
	  echo "== fuzz $$target for $(FUZZ_SECONDS) s" >&2; \
	  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 $$bin/$$target \
	    Fuzzing/.corpus/$$target Fuzzing/Corpus/$$seeds -dict=Fuzzing/$$dict.dict \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=$$maxlen -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=Fuzzing/.artifacts/$$target- -print_final_stats=1 || failed="$$failed $$target"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: findings in$$failed (inputs in Fuzzing/.artifacts)" >&2; exit 1; fi

# One layout for every Swift file, as .swift-format sets it (swift-format ships with the toolchain).
FORMAT_PATHS := Package.swift Sources Tests Fuzzing
.PHONY: lint format
lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

format:
	$(SWIFT) format format --in-place --recursive --parallel $(FORMAT_PATHS)
