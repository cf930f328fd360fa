#!/usr/bin/env bash
# Builds and runs the README's ten-line example in a new package outside this repository that
# depends on D2L by file:// URL and version tag, as another project would. SwiftPM refuses
# unsafe build flags in such a dependency, so this fails if D2L or CKernels ever has one.
#   scripts/try_as_dependency.sh [EPOCHS]    (D2L_DATA_DIR, if set, is passed through)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
epochs="${1:-30}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A clone of the committed main, tagged, as a dependency would see it.
git clone -q "$root" "$work/d2l-swift"
git -C "$work/d2l-swift" tag 1.0.0

mkdir -p "$work/TinyLSTM/Sources/TinyLSTM"
cat > "$work/TinyLSTM/Package.swift" <<MANIFEST
// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "TinyLSTM",
  dependencies: [.package(url: "file://$work/d2l-swift", from: "1.0.0")],
  targets: [.executableTarget(name: "TinyLSTM", dependencies: [.product(name: "D2L", package: "d2l-swift")])]
)
MANIFEST

# The README's example, taken from the README itself so that the two never drift apart.
awk '/^import D2L$/{on=1} on{print} on && /^print\(model.predict/{exit}' "$root/README.md" \
  | sed "s/for _ in 1...30 {/for _ in 1...$epochs {/" > "$work/TinyLSTM/Sources/TinyLSTM/main.swift"
echo "--- main.swift ($(wc -l < "$work/TinyLSTM/Sources/TinyLSTM/main.swift") lines)"
cat "$work/TinyLSTM/Sources/TinyLSTM/main.swift"
echo "---"
cd "$work/TinyLSTM"
swift build -c release 2>&1 | tail -3
.build/release/TinyLSTM
