//! Resolving TZIDs: IANA names, Windows names, path-prefixed TZIDs and VTIMEZONE rules.
