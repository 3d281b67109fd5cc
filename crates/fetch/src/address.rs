//! Which addresses a `url =` feed may reach: public ones only, unless the operator allows more.
//!
//! A feed URL or a redirect naming `127.0.0.1`, `10.0.0.5`, `169.254.169.254` (a cloud's metadata
//! service) or a host name resolving there would turn the feed-health page into a probe of the
//! server's own network. The check runs on the addresses the connection will really use: host
//! names go through [`PublicResolver`] (so a name that resolves to a private address is refused,
//! whatever its spelling), and IP literals, which skip resolution, are checked on the first URL
//! and on every redirect hop ([`refusal`]).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

/// Why an address was refused; found again in reqwest's error chain to report
/// [`FetchErrorKind::Forbidden`](crate::FetchErrorKind::Forbidden).
#[derive(Debug, thiserror::Error)]
#[error("refused a non-public address: {detail}")]
pub(crate) struct Refused {
    /// The host as written and the address refused, for the log.
    pub detail: String,
}

/// Whether `ip` is an address on the public internet: not loopback, private (RFC 1918, IPv6
/// unique-local), link-local, carrier-grade NAT shared space, unspecified, broadcast or
/// multicast. IPv4 addresses mapped or translated into IPv6 are judged as IPv4.
pub(crate) fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || a == 0
        // 100.64.0.0/10, carrier-grade NAT: inside a provider's network.
        || (a == 100 && (64..128).contains(&b)))
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    let nat64 = ip.segments()[..6] == [0x64, 0xff9b, 0, 0, 0, 0];
    if nat64 {
        let [.., a, b, c, d] = ip.octets();
        return is_public_v4(Ipv4Addr::new(a, b, c, d));
    }
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        // fc00::/7 unique-local, fe80::/10 link-local, fec0::/10 (old site-local).
        || (first & 0xfe00) == 0xfc00
        || (first & 0xffc0) == 0xfe80
        || (first & 0xffc0) == 0xfec0)
}

/// The refusal for `url` when its host is an IP literal that is not public; `None` for public
/// literals and for host names (which [`PublicResolver`] checks once resolved).
pub(crate) fn refusal(url: &Url) -> Option<Refused> {
    let ip = match url.host()? {
        Host::Ipv4(v4) => IpAddr::V4(v4),
        Host::Ipv6(v6) => IpAddr::V6(v6),
        Host::Domain(_) => return None,
    };
    (!is_public(ip)).then(|| Refused {
        detail: format!("{ip}"),
    })
}

/// The system resolver, keeping only public addresses; a name with none left is refused.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PublicResolver;

impl Resolve for PublicResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let all: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let public: Vec<SocketAddr> =
                all.iter().copied().filter(|a| is_public(a.ip())).collect();
            if public.is_empty() {
                let seen: Vec<String> = all.iter().map(|a| a.ip().to_string()).collect();
                return Err(Box::new(Refused {
                    detail: format!("{host} resolves to {}", seen.join(", ")),
                })
                    as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_which_address_was_refused() {
        let refused = Refused {
            detail: "localhost (127.0.0.1)".to_owned(),
        };
        assert_eq!(
            refused.to_string(),
            "refused a non-public address: localhost (127.0.0.1)"
        );
    }

    #[test]
    fn can_tell_public_addresses_from_loopback_private_and_link_local() {
        for private in [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in [
            "93.184.216.34",
            "8.8.8.8",
            "172.32.0.1",
            "100.128.0.1",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn can_refuse_ip_literals_in_urls_and_leave_names_to_the_resolver() {
        for refused in [
            "http://127.0.0.1:8080/a.ics",
            "http://[::1]/a.ics",
            "http://169.254.169.254/latest/meta-data/",
            "https://[::ffff:192.168.0.1]/",
            "http://2130706433/",
            "http://0x7f.1/",
        ] {
            assert!(
                refusal(&Url::parse(refused).unwrap()).is_some(),
                "{refused}"
            );
        }
        for passed in [
            "https://93.184.216.34/",
            "https://example.org/",
            "http://localhost/",
        ] {
            assert!(refusal(&Url::parse(passed).unwrap()).is_none(), "{passed}");
        }
    }
}
