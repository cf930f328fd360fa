# d2l-swift: the README's two commands.
#   make lesson   set up everything and walk through the Deep RNN chapter
#   make test     set up everything and run the test suite
# Both install the Debian packages they need when missing (apt-get; sudo when not root).
#   make install [PREFIX=~/.local]   the `lessons` tool on PATH, for workspaces anywhere
#   make uninstall [PREFIX=…]        removes exactly what install wrote

APT_PACKAGES := libcmark-dev libopenblas-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT ?= swift
LESSON ?= deep-rnn

.PHONY: lesson test deps build release bench docs clean install uninstall

## Install the C libraries (cmark, OpenBLAS) when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists libcmark openblas 2>/dev/null; then \
	  echo "Installing $(APT_PACKAGES) ..."; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi

## The release build of the `lessons` tool (training runs in release mode).
release: deps
	$(SWIFT) build -c release --product lessons

lesson: release
	.build/release/lessons run $(LESSON)

## The test suite in the build configuration SwiftPM defaults to (debug). D2L_KERNELS=portable
## (or avx2) forces lower kernels than the CPU runs; .ci/run runs the suite both ways.
test: deps
	$(SWIFT) test $(TEST_FLAGS)

## DocC documentation of the D2L library, as a static site in docs/api (open index.html).
docs: deps
	$(SWIFT) package --allow-writing-to-directory docs/api generate-documentation --target D2L \
	  --disable-indexing --transform-for-static-hosting --output-path docs/api

bench: release
	.build/release/lessons bench --json

clean:
	rm -rf .build

## make install: the release binary in PREFIX/bin; under PREFIX/share/d2l-swift the sources a
## learner's workspace builds against offline (Package.swift, Sources/, lessons/, and the
## playground/ template `lessons init` copies; the exercises package is made from Sources/); shell completions and the man
## page from swift-argument-parser's generators. `lessons` finds the sources from its own
## place (bin/../share/d2l-swift). BUILD-INFO records the commit for `lessons --version`.
PREFIX ?= /usr/local
BINDIR := $(PREFIX)/bin
SHAREDIR := $(PREFIX)/share/d2l-swift
MANDIR := $(PREFIX)/share/man/man1
BASHDIR := $(PREFIX)/share/bash-completion/completions
ZSHDIR := $(PREFIX)/share/zsh/site-functions
FISHDIR := $(PREFIX)/share/fish/vendor_completions.d
## What a learner's packages need, as tracked by git (never .build/, a learner's edits, data).
SOURCE_PATHS := Package.swift Sources lessons playground docs/glossary.md
MANUAL := .build/plugins/GenerateManual/outputs/Lessons/lessons.1

install: release
	@$(MAKE) --no-print-directory $(MANUAL)
	install -d $(BINDIR) $(SHAREDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	rm -rf $(SHAREDIR)/Sources $(SHAREDIR)/lessons $(SHAREDIR)/exercises $(SHAREDIR)/playground
	git ls-files -z -- $(SOURCE_PATHS) | tar --null -T - -cf - | tar -xf - -C $(SHAREDIR)
	{ echo "commit $$(git rev-parse --short=12 HEAD)$$(git diff --quiet HEAD -- $(SOURCE_PATHS) || echo ' (with uncommitted changes)')"; \
	  echo "installed $$(date -u +%Y-%m-%dT%H:%M:%SZ)"; \
	  echo "swift $$($(SWIFT) --version 2>/dev/null | head -1)"; } > $(SHAREDIR)/BUILD-INFO
	install -m 755 .build/release/lessons $(BINDIR)/lessons
	.build/release/lessons --generate-completion-script bash > $(BASHDIR)/lessons
	.build/release/lessons --generate-completion-script zsh > $(ZSHDIR)/_lessons
	.build/release/lessons --generate-completion-script fish > $(FISHDIR)/lessons.fish
	install -m 644 $(MANUAL) $(MANDIR)/lessons.1
	@echo "Installed lessons in $(BINDIR) (sources in $(SHAREDIR))."
	@echo "Next: lessons init ~/d2l-workspace   (make sure $(BINDIR) is on your PATH)"

## The man page, by swift-argument-parser's generate-manual plugin (it builds the products in
## release mode, then asks `lessons --experimental-dump-help` for its commands).
$(MANUAL): release
	$(SWIFT) package plugin generate-manual --configuration release

uninstall:
	rm -f $(BINDIR)/lessons $(MANDIR)/lessons.1 $(BASHDIR)/lessons $(ZSHDIR)/_lessons $(FISHDIR)/lessons.fish
	rm -rf $(SHAREDIR)
