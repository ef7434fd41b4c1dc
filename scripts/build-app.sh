#!/usr/bin/env bash
# Builds the app into $OUT (default dist/): wasm (size profile) -> wasm-bindgen -> wasm-opt
# -> hashed assets, index.html, manifest, icons and a service worker whose precache list and
# version come from this build. Every file is also precompressed (brotli, gzip).
# BUILD_LABEL names the build (default: a hash of its assets); it is shown on the About page.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="${OUT:-$root/dist}"
work="$root/target/app-build"
mkdir -p "$work"

# optimize_for_size: std picks its smaller algorithms (sorting, formatting); panic messages
# stay. Only for this size build: the browser tests keep the default std.
(cd app && RUSTC_BOOTSTRAP=1 cargo build --profile wasm-release -Z build-std-features=optimize_for_size --quiet)
wasm-bindgen --target web --remove-name-section --no-typescript \
  --out-dir "$work" --out-name tradewinds \
  target/wasm32-unknown-unknown/wasm-release/tradewinds_app.wasm

hash() { sha256sum "$1" | cut -c1-16; }
# wasm-opt takes most of the time: reuse its output when its input has not changed.
in_hash=$(hash "$work/tradewinds_bg.wasm")
if [ ! -f "$work/opt-$in_hash.wasm" ]; then
  rm -f "$work"/opt-*.wasm
  "$root/.tools/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$work/tradewinds_bg.wasm" -o "$work/opt-$in_hash.wasm"
fi

rm -rf "$out" && mkdir -p "$out/assets" "$out/icons"
wasm="tradewinds-$(hash "$work/opt-$in_hash.wasm").wasm"
cp "$work/opt-$in_hash.wasm" "$out/assets/$wasm"
# The JavaScript the first screen waits for is minified (wasm-bindgen's glue, boot.js).
minify() { "$root/.tools/node_modules/.bin/esbuild" --minify --format=esm --target=es2020 --log-level=warning "$1" --outfile="$2"; }
minify "$work/tradewinds.js" "$work/tradewinds.min.js"
js="tradewinds-$(hash "$work/tradewinds.min.js").js"
cp "$work/tradewinds.min.js" "$out/assets/$js"
css="main-$(hash style/main.css).css"
cp style/main.css "$out/assets/$css"
sed -e "s/__JS__/$js/" -e "s/__WASM__/$wasm/" app/public/boot.js > "$work/boot.src.js"
minify "$work/boot.src.js" "$work/boot.js"
boot="boot-$(hash "$work/boot.js").js"
cp "$work/boot.js" "$out/assets/$boot"
cp app/public/icons/*.png "$out/icons/"
cp app/public/manifest.webmanifest "$out/"

label="${BUILD_LABEL:-$(cat "$out"/assets/* app/public/manifest.webmanifest app/index.html app/public/sw.js | sha256sum | cut -c1-12)}"
sed -e "s/{{CSS}}/$css/" -e "s/{{JS}}/$js/" -e "s/{{WASM}}/$wasm/" -e "s/{{BOOT}}/$boot/" \
  -e "s/{{BUILD}}/$label/" app/index.html > "$out/index.html"

precache="['/index.html', '/manifest.webmanifest'"
for f in "$out"/assets/* "$out"/icons/*; do precache+=", '/${f#"$out"/}'"; done
precache+="]"
sed -e "s|__VERSION__|$label|" -e "s|__PRECACHE__|$precache|" app/public/sw.js > "$out/sw.js"

find "$out" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' -o -name '*.webmanifest' \) |
  while read -r f; do
    brotli -f -q 11 -k "$f"
    gzip -f -9 -k "$f"
  done
echo "built $out (build $label): wasm $(stat -c %s "$out/assets/$wasm") B raw, $(stat -c %s "$out/assets/$wasm.br") B brotli"
