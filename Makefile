# The project's one task runner. README: `make run` and `make test`.
ADDR ?= 127.0.0.1:8080
DB ?= sqlite://tradewinds.db
export RUSTC_BOOTSTRAP := 1
export CHROMEDRIVER := /usr/bin/chromedriver

.PHONY: setup dist server run test test-shared test-server test-server-postgres test-browser test-e2e lint bench

setup:
	scripts/setup.sh

dist: setup
	scripts/build-app.sh

server:
	cargo build --release -p tradewinds-server

run: dist server
	./target/release/tradewinds serve --addr $(ADDR) --database $(DB) --dist dist --demo

lint: setup
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

test-shared:
	cargo test -p tradewinds-shared

test-server:
	cargo test -p tradewinds-server

# The same server tests on PostgreSQL: pg_virtualenv starts a throwaway cluster around them
# (and removes it after); each test makes its own database in it.
test-server-postgres: setup
	pg_virtualenv -- env TRADEWINDS_TEST_DATABASE=postgres cargo test -p tradewinds-server --test tests

test-browser: setup
	cd app && cargo test

test-e2e: dist server
	cd tests/e2e && node --test

test: setup lint test-shared test-server test-server-postgres test-browser test-e2e

# Benchmarks print figures (docs/benchmarks.md); not part of `make test`. The server's
# run on SQLite, then on a throwaway PostgreSQL with one and two instances. `cargo bench`
# builds the release binary it loads (target/release/tradewinds, which initial-sync.mjs and
# edit-bytes.mjs run too); the browser benchmarks need the built app (dist/, built if
# absent) and the npm packages of tests/bench (installed if absent). `wide_record` is a
# one-field edit of a record with 1,000 past writers: natively, against the binary, and in
# Chromium (app/tests/wide_record.rs, built only with the app's `bench` feature).
bench:
	cargo bench -p tradewinds-server --bench sync_load
	cargo bench -p tradewinds-server --bench wide_record
	cargo bench -p tradewinds-server --bench bootstrap_bytes
	pg_virtualenv -- env TW_BENCH_DATABASE=postgres TW_BENCH_INSTANCES=1 TW_BENCH_RUNS=200,200 TW_BENCH_PULL_SECS=5 cargo bench -p tradewinds-server --bench sync_load
	pg_virtualenv -- env TW_BENCH_DATABASE=postgres TW_BENCH_INSTANCES=2 TW_BENCH_RUNS=200,200 TW_BENCH_PULL_SECS=5 cargo bench -p tradewinds-server --bench sync_load
	pg_virtualenv -- env TW_BENCH_DATABASE=postgres cargo bench -p tradewinds-server --bench big_catalogue
	test -f dist/index.html || $(MAKE) dist
	cd app && cargo test --profile wasm-bench --features bench --test wide_record -- --nocapture
	cd tests/bench && { test -d node_modules/lighthouse || npm ci; } && node initial-sync.mjs && node edit-bytes.mjs && node lighthouse.mjs && node slow-link.mjs && node keystroke.mjs && node import.mjs && node file-slow-link.mjs
