#!/usr/bin/env bash
# Prints the transfer size of the app in dist/ (what a first visit downloads before any
# data): raw, gzip -9 and brotli -q 11, as the server serves them precompressed. The shell
# is what the first screen waits for; the chunks (app/src/chunks.rs) come after it, when a
# screen needs them or when the service worker precaches them.
set -euo pipefail
dist="${1:-$(cd "$(dirname "$0")/.." && pwd)/dist}"
table() {
  local label=$1
  shift
  local total=(0 0 0)
  for f in "$@"; do
    [ -f "$f" ] || continue
    raw=$(stat -c %s "$f"); gz=$(stat -c %s "$f.gz"); br=$(stat -c %s "$f.br")
    total=($((total[0] + raw)) $((total[1] + gz)) $((total[2] + br)))
    printf '| %s | %s | %s | %s |\n' "${f#"$dist"/}" "$raw" "$gz" "$br"
  done
  printf '| **%s** | **%s** | **%s** | **%s** |\n' "$label" "${total[@]}"
}
printf '| file | raw | gzip | brotli |\n|---|---:|---:|---:|\n'
shell=("$dist/index.html" "$dist"/assets/boot-*.js "$dist"/assets/tradewinds-*.{js,wasm} \
  "$dist"/assets/split-*.js "$dist"/assets/*.css "$dist/sw.js" "$dist/manifest.webmanifest")
table "shell (the first screen waits for these)" "${shell[@]}"
table "languages, first screens' part (the first screen waits for one)" "$dist"/assets/lang-*-first-*.json
# What a first visit downloads before its first screen, in the language whose part weighs most.
shell_br=0
for f in "${shell[@]}"; do
  [ -f "$f" ] && shell_br=$((shell_br + $(stat -c %s "$f.br")))
done
most=0
for f in "$dist"/assets/lang-*-first-*.json; do
  b=$(stat -c %s "$f.br"); [ "$b" -gt "$most" ] && most=$b
done
printf '| **shell + the heaviest first part** | | | **%s** |\n' "$((shell_br + most))"
table "languages, later screens' part (with the first later screen)" "$dist"/assets/lang-*-later-*.json
table "chunks (fetched after the first screen)" "$dist"/assets/split_*.wasm "$dist"/assets/chunk_*.wasm
