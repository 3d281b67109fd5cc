//! Deterministic synthetic calendars for benchmarks and tests.
