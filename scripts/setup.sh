#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine; fast when all is there.
# See ../shared/TOOLCHAIN.md for why each piece is needed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Debian packages: a rustc with the wasm backend and std sources, the wasm linker,
#    Chromium for browser tests, brotli for precompressed assets, openssl for the
#    edit-bytes benchmark's TLS certificate, PostgreSQL 15 for the server tests on
#    PostgreSQL (pg_virtualenv runs a throwaway cluster; nothing is started for good).
packages=(rustc-web cargo-web rust-web-src lld-19 chromium chromium-driver brotli openssl postgresql-15 postgresql-common libxml2-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. Debian's rustc as the rustup toolchain "web" (app/rust-toolchain.toml names it).
if ! rustup toolchain list | grep -q '^web'; then
  say "linking Debian's rustc as the 'web' toolchain"
  rustup toolchain link web /usr
fi

# 3. wasm-bindgen CLI, exactly the version in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (a few minutes)"
  cargo install wasm-bindgen-cli --version "$want" --quiet
fi

# 3b. wasm-split-cli (cuts the lazily loaded chunks out of the app's wasm, see
#     app/src/chunks.rs), of the release that matches Cargo.lock's wasm_split_helpers.
split_want=0.2.3
if ! cargo install --list | grep -q "^wasm_split_cli_support v$split_want:"; then
  say "installing wasm-split-cli $split_want"
  cargo install wasm_split_cli_support --version "$split_want" --features build-binary --locked --quiet
fi

# 4. wasm-opt from npm's binaryen (Debian's is too old), esbuild (minifies the app's
#    JavaScript), Playwright's driver and axe-core for e2e tests.
if [ ! -x .tools/node_modules/.bin/wasm-opt ]; then
  say "installing binaryen (wasm-opt)"
  mkdir -p .tools
  (cd .tools && npm install --silent --no-audit --no-fund binaryen@132 >/dev/null)
fi
if [ ! -x .tools/node_modules/.bin/esbuild ]; then
  say "installing esbuild"
  mkdir -p .tools
  (cd .tools && npm install --silent --no-audit --no-fund esbuild@0.28.2 >/dev/null)
fi
if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ]; then
  say "installing the end-to-end test driver"
  (cd tests/e2e && npm install --silent --no-audit --no-fund >/dev/null)
fi
