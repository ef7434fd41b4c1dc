#!/usr/bin/env bash
# Builds the app into dist/: wasm (size profile) -> wasm-bindgen -> wasm-opt -> hashed
# assets + index.html, each precompressed with brotli and gzip for the server to serve.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="$root/dist"
work="$root/target/app-build"
rm -rf "$work" && mkdir -p "$work"

(cd app && RUSTC_BOOTSTRAP=1 cargo build --profile wasm-release --quiet)
wasm-bindgen --target web --remove-name-section --no-typescript \
  --out-dir "$work" --out-name tradewinds \
  target/wasm32-unknown-unknown/wasm-release/tradewinds_app.wasm
"$root/.tools/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$work/tradewinds_bg.wasm" -o "$work/tradewinds_bg.opt.wasm"

hash() { sha256sum "$1" | cut -c1-16; }
rm -rf "$out" && mkdir -p "$out/assets"
wasm="tradewinds-$(hash "$work/tradewinds_bg.opt.wasm").wasm"
cp "$work/tradewinds_bg.opt.wasm" "$out/assets/$wasm"
js="tradewinds-$(hash "$work/tradewinds.js").js"
cp "$work/tradewinds.js" "$out/assets/$js"
css="main-$(hash style/main.css).css"
cp style/main.css "$out/assets/$css"
cat > "$work/boot.js" <<JS
import init from "/assets/$js";
init({ module_or_path: "/assets/$wasm" });
JS
boot="boot-$(hash "$work/boot.js").js"
cp "$work/boot.js" "$out/assets/$boot"
sed -e "s/{{CSS}}/$css/" -e "s/{{JS}}/$js/" -e "s/{{WASM}}/$wasm/" -e "s/{{BOOT}}/$boot/" \
  app/index.html > "$out/index.html"

for f in "$out"/index.html "$out"/assets/*; do
  brotli -f -q 11 -k "$f"
  gzip -f -9 -k "$f"
done
echo "built dist/: $(du -sh "$out/assets/$wasm" | cut -f1) wasm ($wasm)"
