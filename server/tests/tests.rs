//! The server's tests, one binary: the REST API and the sync endpoint through
//! `app().oneshot(..)`, and the built `tradewinds` binary over a real socket.

mod accounts;
mod adversarial;
mod api;
mod binary;
mod bootstrap;
mod carried;
mod common;
mod copy;
mod crash;
mod files;
mod hardening;
mod import;
mod instances;
mod languages;
mod ops;
mod restore;
mod simulation;
mod sync;
mod throttle;
mod wire_bytes;
