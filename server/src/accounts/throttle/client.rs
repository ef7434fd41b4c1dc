//! Who is asking: the client's address, for throttling: the TCP peer. Without a socket
//! (requests through `oneshot`) it is unknown, and the attempt is throttled per account only.

use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, FromRequestParts},
    http::request::Parts,
};

/// The client's address when known, for a handler.
pub struct ClientAddr(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                // An IPv4 peer on an IPv6 socket is the same address.
                .map(|c| c.0.ip().to_canonical()),
        ))
    }
}
