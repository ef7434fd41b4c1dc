#!/usr/bin/env bash
# Prints the transfer size of the app shell in dist/ (what a first visit downloads before
# any data): raw, gzip -9 and brotli -q 11, as the server serves them precompressed.
set -euo pipefail
dist="${1:-$(cd "$(dirname "$0")/.." && pwd)/dist}"
printf '| file | raw | gzip | brotli |\n|---|---:|---:|---:|\n'
total=(0 0 0)
for f in "$dist/index.html" "$dist"/assets/*.{js,wasm,css} "$dist/sw.js" "$dist/manifest.webmanifest"; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(stat -c %s "$f.gz"); br=$(stat -c %s "$f.br")
  total=($((total[0] + raw)) $((total[1] + gz)) $((total[2] + br)))
  printf '| %s | %s | %s | %s |\n' "${f#"$dist"/}" "$raw" "$gz" "$br"
done
printf '| **total** | **%s** | **%s** | **%s** |\n' "${total[@]}"
