# d2l-swift: the README's two commands.
#   make lesson   set up everything and walk through the Deep RNN chapter
#   make test     set up everything and run the test suite
# Both install the Debian packages they need when missing (apt-get; sudo when not root).

APT_PACKAGES := libcmark-dev libopenblas-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT ?= swift
LESSON ?= deep-rnn

.PHONY: lesson test deps build release bench docs clean

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
