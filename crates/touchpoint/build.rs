//! Link settings of the `touchpoint` binary.

fn main() {
    let target = |key: &str| std::env::var(key).unwrap_or_default();
    // Relative relocations packed as DT_RELR (glibc 2.36 and later; GNU ld leaves them as they
    // were where libc does not offer it): the loader reads a few kilobytes instead of 640 KB of
    // RELA entries at every start, measured in BENCHMARKS.md ("The occurrences command", sixth
    // round). The binary stays position-independent.
    if target("CARGO_CFG_TARGET_OS") == "linux" && target("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo::rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
