//! A stable 64-bit digest, FNV-1a: the same on every machine, build and run (std's hasher makes
//! no such promise). Generated UIDs, event fingerprints, the server's ETags and the refresh
//! jitter all use this one; it spreads values and detects changes, it is not a defence against
//! someone forging collisions.

/// FNV-1a's starting value: `fnv1a(FNV_OFFSET, bytes)` is the digest of `bytes`.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits, carried on from `hash` over `bytes`, so a digest can be fed piece by piece.
pub fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The digest of `bytes`.
pub fn digest(bytes: &[u8]) -> u64 {
    fnv1a(FNV_OFFSET, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_give_the_published_fnv1a_values() {
        // The reference values of the FNV-1a 64-bit specification.
        assert_eq!(digest(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(digest(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(digest(b"foo"), b"bar"), digest(b"foobar"));
    }
}
