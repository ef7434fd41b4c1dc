//! Who is asking: the client's address, for throttling. It is the TCP peer, unless the peer
//! is one of the proxies named by `serve --trusted-proxy` (a TLS front end): then it is
//! what that proxy wrote in `X-Forwarded-For` (or, without it, `Forwarded: for=`). Those
//! headers from anyone else are ignored, since any client can send them.
//!
//! Behind a front end, every connection comes from the front end's address: counted per
//! address, everyone's failures would add up together and lock everyone out. So the front
//! end must be named, and an address is only used when it is known: when it is not (no
//! socket, or a trusted proxy that sent no usable header) the attempt is throttled per
//! account only. (A front end that is not named cannot be told from a client, so its
//! address is counted as one client's: the README says to name it.)

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::{
    extract::{ConnectInfo, FromRequestParts},
    http::{header::FORWARDED, request::Parts, HeaderMap},
};
use ipnet::IpNet;

use crate::AppState;

/// The proxies whose forwarding headers are believed (addresses or networks).
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Arc<[IpNet]>);

impl TrustedProxies {
    pub fn new(proxies: Vec<IpNet>) -> TrustedProxies {
        TrustedProxies(proxies.into())
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client's address when it is known: the peer, or if the peer is a trusted proxy,
    /// the right-most forwarded address that is not itself a trusted proxy (each proxy
    /// appends the address it was reached from, so everything left of that is only what
    /// the client claimed).
    pub fn client(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Option<IpAddr> {
        let peer = peer?.to_canonical();
        if !self.trusts(peer) {
            return Some(peer);
        }
        for hop in forwarded_for(headers).into_iter().rev() {
            match hop {
                Some(ip) if self.trusts(ip) => continue,
                // Not an address (`unknown`, an obfuscated name): nothing to its left can
                // be believed either.
                other => return other,
            }
        }
        None
    }
}

/// A `--trusted-proxy` value: an address (`10.0.0.2`, `::1`) or a network (`10.0.0.0/8`).
pub fn parse_proxy(s: &str) -> Result<IpNet, String> {
    let s = s.trim();
    s.parse::<IpNet>()
        .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
        .map(|net| net.trunc())
        .map_err(|_| format!("`{s}` is not an IP address or network (like 10.0.0.2 or 10.0.0.0/8)"))
}

/// The forwarded addresses, left (the client as first seen) to right (the last proxy's
/// peer): from every `X-Forwarded-For` line in order, or if there is none, from the `for=`
/// of every `Forwarded` element. `None` stands for an entry that is not an address.
fn forwarded_for(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let lines = |name| headers.get_all(name).iter().map(|v| v.to_str().ok());
    let mut hops: Vec<Option<IpAddr>> = lines("x-forwarded-for")
        .flat_map(|line| match line {
            Some(line) => line.split(',').map(parse_node).collect(),
            None => vec![None],
        })
        .collect();
    if hops.is_empty() {
        hops = lines(FORWARDED.as_str())
            .flat_map(|line| match line {
                Some(line) => line.split(',').map(forwarded_element_for).collect(),
                None => vec![None],
            })
            .collect();
    }
    hops
}

/// The `for=` of one `Forwarded` element (`for=192.0.2.60;proto=https;by=…`).
fn forwarded_element_for(element: &str) -> Option<IpAddr> {
    element.split(';').find_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("for")
            .then(|| parse_node(value))?
    })
}

/// A forwarded node: `192.0.2.60`, `192.0.2.60:4711`, `2001:db8::1`, `[2001:db8::1]:4711`,
/// quoted or not.
fn parse_node(node: &str) -> Option<IpAddr> {
    let node = node.trim().trim_matches('"');
    let ip = node
        .parse::<IpAddr>()
        .or_else(|_| node.parse::<SocketAddr>().map(|s| s.ip()))
        .or_else(|_| {
            node.strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
                .unwrap_or("")
                .parse::<IpAddr>()
        })
        .ok()?;
    Some(ip.to_canonical())
}

/// The client's address when known (see the module doc), for a handler.
pub struct ClientAddr(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(ClientAddr(
            state.throttle.proxies().client(peer, &parts.headers),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    fn proxies(list: &[&str]) -> TrustedProxies {
        TrustedProxies::new(list.iter().map(|s| parse_proxy(s).unwrap()).collect())
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let forged = headers(&[("x-forwarded-for", "1.2.3.4"), ("forwarded", "for=5.6.7.8")]);
        let none = TrustedProxies::default();
        assert_eq!(none.client(ip("203.0.113.7"), &forged), ip("203.0.113.7"));
        let some = proxies(&["10.0.0.1"]);
        assert_eq!(some.client(ip("203.0.113.7"), &forged), ip("203.0.113.7"));
        assert_eq!(none.client(None, &forged), None, "no socket: unknown");
        // An IPv4 peer on an IPv6 socket is the same address.
        assert_eq!(
            none.client(ip("::ffff:203.0.113.7"), &forged),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_right_most_untrusted_hop_is_the_client() {
        let proxies = proxies(&["10.0.0.0/8", "2001:db8::1"]);
        let proxy = ip("10.0.0.1");
        let one = headers(&[("x-forwarded-for", "198.51.100.4")]);
        assert_eq!(proxies.client(proxy, &one), ip("198.51.100.4"));
        // The client claimed 1.2.3.4; the proxy appended what it saw.
        let spoofed = headers(&[("x-forwarded-for", "1.2.3.4, 198.51.100.4")]);
        assert_eq!(proxies.client(proxy, &spoofed), ip("198.51.100.4"));
        // Two proxies, and the header over two lines.
        let chain = headers(&[
            ("x-forwarded-for", "1.2.3.4, 198.51.100.4"),
            ("x-forwarded-for", "10.1.2.3"),
        ]);
        assert_eq!(proxies.client(proxy, &chain), ip("198.51.100.4"));
        let v6 = headers(&[("x-forwarded-for", "[2001:db8::7]:4711, 2001:db8::1")]);
        assert_eq!(proxies.client(ip("2001:db8::1"), &v6), ip("2001:db8::7"));
        // Garbage where the client should be: unknown, not the left-hand claim.
        let garbage = headers(&[("x-forwarded-for", "1.2.3.4, unknown")]);
        assert_eq!(proxies.client(proxy, &garbage), None);
        // No header, or only proxies in it: unknown.
        assert_eq!(proxies.client(proxy, &HeaderMap::new()), None);
        let only = headers(&[("x-forwarded-for", "10.9.9.9")]);
        assert_eq!(proxies.client(proxy, &only), None);
    }

    #[test]
    fn forwarded_is_read_when_there_is_no_x_forwarded_for() {
        let proxies = proxies(&["10.0.0.1"]);
        let proxy = ip("10.0.0.1");
        let standard = headers(&[(
            "forwarded",
            "for=1.2.3.4, for=\"[2001:db8:cafe::17]:4711\";proto=https;by=10.0.0.1",
        )]);
        assert_eq!(proxies.client(proxy, &standard), ip("2001:db8:cafe::17"));
        let upper = headers(&[("forwarded", "proto=https;For=198.51.100.4")]);
        assert_eq!(proxies.client(proxy, &upper), ip("198.51.100.4"));
        let hidden = headers(&[("forwarded", "for=_hidden")]);
        assert_eq!(proxies.client(proxy, &hidden), None);
        let both = headers(&[("forwarded", "for=1.2.3.4"), ("x-forwarded-for", "5.6.7.8")]);
        assert_eq!(proxies.client(proxy, &both), ip("5.6.7.8"));
    }

    #[test]
    fn proxies_are_addresses_or_networks() {
        assert_eq!(parse_proxy("10.0.0.2").unwrap().to_string(), "10.0.0.2/32");
        assert_eq!(
            parse_proxy(" 10.1.2.3/8").unwrap().to_string(),
            "10.0.0.0/8"
        );
        assert_eq!(parse_proxy("::1").unwrap().to_string(), "::1/128");
        assert!(parse_proxy("proxy.example.org").is_err());
        assert!(parse_proxy("10.0.0.0/33").is_err());
    }
}
