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
# `split`: the sync engine and the screens after the first are split-off chunks
# (app/src/chunks.rs); wasm-split-cli cuts them out of cargo's output, using the
# relocations the link keeps (app/.cargo/config.toml).
# Panic messages name the source file: shorten the paths of std and of the registry's
# crates to `std/src/…` and `leptos-0.8.23/src/…` (added to app/.cargo/config.toml's flags).
remap="\"--remap-path-prefix=$(cd app && rustc --print sysroot)/lib/rustlib/src/rust/library/=\""
for d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do if [ -d "$d" ]; then remap+=", \"--remap-path-prefix=$d=\""; fi; done
(cd app && RUSTC_BOOTSTRAP=1 cargo build --profile wasm-release -Z build-std-features=optimize_for_size --features split --quiet \
  --config "target.wasm32-unknown-unknown.rustflags=[$remap]")
split="$work/split"
rm -rf "$split"
wasm-split-cli target/wasm32-unknown-unknown/wasm-release/tradewinds_app.wasm "$split" --out-name tradewinds
wasm-bindgen --target web --keep-lld-exports --no-demangle --remove-name-section --no-typescript \
  --out-dir "$work" --out-name tradewinds "$split/tradewinds.wasm"

hash() { cat "$@" | sha256sum | cut -c1-16; }
# --converge repeats -Oz while it still shrinks the module; --low-memory-unused lets it fold
# constant offsets into loads and stores, since Rust's wasm32 puts the stack first (growing
# down from 1 MB) and nothing lives in the first kilobyte. Together about 1.6 KB brotli off
# the main module (docs/benchmarks.md, "App shell size").
opt_flags=(-Oz --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue)
# wasm-opt takes most of the time: reuse its output when its input (and flags) have not changed.
optimise() {
  local in_hash
  in_hash=$(cat "$1" <(echo "${opt_flags[*]}") | sha256sum | cut -c1-16)
  if [ ! -f "$work/opt/$in_hash.wasm" ]; then
    mkdir -p "$work/opt"
    "$root/.tools/node_modules/.bin/wasm-opt" "${opt_flags[@]}" \
      "$1" -o "$work/opt/$in_hash.wasm.tmp" 2> >(grep -v 'unknown name subsection' >&2)
    mv "$work/opt/$in_hash.wasm.tmp" "$work/opt/$in_hash.wasm"
  fi
  echo "$work/opt/$in_hash.wasm"
}
# The JavaScript is minified (wasm-bindgen's glue, boot.js, the service worker).
minify() { "$root/.tools/node_modules/.bin/esbuild" --minify --format=esm --target=es2020 --log-level=warning --log-override:duplicate-object-key=silent "$1" --outfile="$2"; }

rm -rf "$out" && mkdir -p "$out/assets" "$out/icons"
main_opt=$(optimise "$work/tradewinds_bg.wasm")
used=("$main_opt")
# Which modules the first screens run, for cutting each language's messages in two (below):
# the main module, the sync engine, the start page and the chunks any of them loads run
# first; the other screens and the importer (and chunks only they load) come later.
modules=("first:$main_opt")
# The files only later screens use: a first install of the service worker fetches them after
# it runs (app/public/sw.js).
later_files=()
phase() {
  case "$1" in
    split_screens | split_importer) echo later ;;
    split_*) echo first ;;
    chunk_*)
      local users
      users=$(grep -B1 "^const __$1 = " "$split/__wasm_split.js" | sed -n 's|^/\* \(.*\) \*/$|\1|p')
      [ -n "$users" ] || { echo "build-app: the wasm-split loader names no users of $1" >&2; return 1; }
      if echo "$users" | tr ',' '\n' | grep -qvE '^ *(screens|importer) *$'; then echo first; else echo later; fi ;;
    *) echo "build-app: $1 is not a module the build knows" >&2; return 1 ;;
  esac
}
wasm="tradewinds-$(hash "$main_opt").wasm"
cp "$main_opt" "$out/assets/$wasm"
# Each chunk is named by its content; the loader (wasm-split's __wasm_split.js) names them.
cp "$split/__wasm_split.js" "$work/split.src.js"
for f in "$split"/*.wasm; do
  stem=$(basename "$f" .wasm)
  [ "$stem" = tradewinds ] && continue
  opt=$(optimise "$f")
  runs=$(phase "$stem")
  modules+=("$runs:$opt")
  named="$stem-$(hash "$opt").wasm"
  if [ "$runs" = later ]; then later_files+=("/assets/$named"); fi
  cp "$opt" "$out/assets/$named"
  sed -i "s|\"\./$stem\.wasm\"|\"./$named\"|" "$work/split.src.js"
  grep -q "\"./$named\"" "$work/split.src.js" ||
    { echo "build-app: the wasm-split loader does not name $stem.wasm" >&2; exit 1; }
  used+=("$opt")
done
# Keep only this build's wasm-opt outputs.
for f in "$work"/opt/*; do
  case " ${used[*]} " in *" $f "*) ;; *) rm -f "$f" ;; esac
done
minify "$work/tradewinds.js" "$work/tradewinds.min.js"
minify "$work/split.src.js" "$work/split.min.js"
# The glue imports the loader and the loader imports the glue: both are named by one hash
# of both (and of the main module the chunks were cut from).
pair=$(hash "$work/tradewinds.min.js" "$work/split.min.js" "$out/assets/$wasm")
js="tradewinds-$pair.js"
loader="split-$pair.js"
# Only the `import … from` statements: the wasm still names its import module
# "./__wasm_split.js", and so must the glue's imports object.
sed "s|from\"\./__wasm_split\.js\"|from\"./$loader\"|g" "$work/tradewinds.min.js" > "$out/assets/$js"
sed "s|from\"\./tradewinds\.js\"|from\"./$js\"|g" "$work/split.min.js" > "$out/assets/$loader"
grep -q "$loader" "$out/assets/$js" && grep -q "$js" "$out/assets/$loader" &&
  ! grep -q 'from"./__wasm_split.js"' "$out/assets/$js" ||
  { echo "build-app: the wasm-split loader and the glue do not name each other" >&2; exit 1; }
css="main-$(hash style/main.css).css"
cp style/main.css "$out/assets/$css"
# Each language's messages (shared/lang/<code>/*.ftl), in the form the app reads (JSON, so the
# app needs no Fluent parser), in two parts named by content: the first screens' words,
# which boot.js fetches with the app, and the later screens' (app/src/i18n.rs). The service
# worker keeps them all for offline use.
cargo build --quiet -p tradewinds-shared --bin compile-language
langs="{"
for dir in shared/lang/*/; do
  code=$(basename "$dir")
  target/debug/compile-language "$code" --split "$work/lang-$code-first.json" "$work/lang-$code-later.json" "${modules[@]}"
  first="lang-$code-first-$(hash "$work/lang-$code-first.json").json"
  later="lang-$code-later-$(hash "$work/lang-$code-later.json").json"
  cp "$work/lang-$code-first.json" "$out/assets/$first"
  cp "$work/lang-$code-later.json" "$out/assets/$later"
  later_files+=("/assets/$later")
  langs+="$code:['/assets/$first','/assets/$later'],"
  # The installed app's name and description in the language (boot.js links the one in use).
  target/debug/compile-language "$code" --manifest app/public/manifest.webmanifest > "$out/manifest-$code.webmanifest"
done
langs="${langs%,}}"
# The main module's size, so that the first screen can say how much of it has arrived.
wasm_size=$(stat -c %s "$out/assets/$wasm")
sed -e "s/__JS__/$js/" -e "s/__WASM__/$wasm/" -e "s/__WASM_SIZE__/$wasm_size/" -e "s|__LANGS__|$langs|" \
  app/public/boot.js > "$work/boot.src.js"
minify "$work/boot.src.js" "$work/boot.js"
boot="boot-$(hash "$work/boot.js").js"
cp "$work/boot.js" "$out/assets/$boot"
# The page's icon is the SVG (342 B: on a 2G first visit the 4 KB PNG competed with the app).
cp app/public/icons/*.png app/public/icons/icon.svg "$out/icons/"
# The large icons (the installed app's splash screen) are not needed to open it offline.
later_files+=("/icons/icon-512.png" "/icons/maskable-512.png")
cp "$out/manifest-en.webmanifest" "$out/manifest.webmanifest"

label="${BUILD_LABEL:-$(cat "$out"/assets/* "$out"/manifest-*.webmanifest app/index.html app/public/sw.js | sha256sum | cut -c1-12)}"
sed -e "s/{{CSS}}/$css/" -e "s/{{JS}}/$js/" -e "s/{{LOADER}}/$loader/" -e "s/{{WASM}}/$wasm/" -e "s/{{BOOT}}/$boot/" \
  -e "s/{{BUILD}}/$label/" app/index.html > "$out/index.html"

# Every file of the build, in two lists: what opening the app needs, and the later screens'.
first_list="['/index.html', '/manifest.webmanifest'"
for f in "$out"/manifest-*.webmanifest "$out"/assets/* "$out"/icons/*; do
  case " ${later_files[*]} " in *" /${f#"$out"/} "*) ;; *) first_list+=", '/${f#"$out"/}'" ;; esac
done
first_list+="]"
later_list="["
for f in "${later_files[@]}"; do later_list+="'$f', "; done
later_list="${later_list%, }]"
sed -e "s|__VERSION__|$label|" -e "s|__FIRST__|$first_list|" -e "s|__LATER__|$later_list|" app/public/sw.js > "$work/sw.src.js"
minify "$work/sw.src.js" "$out/sw.js"

find "$out" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' -o -name '*.webmanifest' -o -name '*.json' \) |
  while read -r f; do
    brotli -f -q 11 -k "$f"
    gzip -f -9 -k "$f"
  done
echo "built $out (build $label): wasm $(stat -c %s "$out/assets/$wasm") B raw, $(stat -c %s "$out/assets/$wasm.br") B brotli"
