//! The store's one error type: a kind to match on and a message for people.

/// What kind of thing went wrong in a [`Store`](crate::Store).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoreErrorKind {
    /// The data directory or database file could not be created or opened.
    Open,
    /// The database could not be reached (PostgreSQL down, pool exhausted, connection lost).
    Connect,
    /// Bringing the schema up to date failed, or the database is newer than this binary.
    Migrate,
    /// A query failed (including SQLite's busy timeout running out).
    Query,
    /// A stored value could not be read back (a corrupt timestamp, a negative count).
    Corrupt,
    /// The blocking worker running a query panicked or was cancelled.
    Worker,
}

/// A failed store operation: the kind's prefix, then the detail.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", kind.what())]
pub struct StoreError {
    kind: StoreErrorKind,
    message: String,
}

impl StoreError {
    /// An error of `kind` described by `message`.
    pub fn new(kind: StoreErrorKind, message: impl Into<String>) -> Self {
        StoreError {
            kind,
            message: message.into(),
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> StoreErrorKind {
        self.kind
    }

    /// The detail, without the kind's prefix.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl StoreErrorKind {
    /// What failed, as an error message starts.
    fn what(self) -> &'static str {
        match self {
            StoreErrorKind::Open => "cannot open the store",
            StoreErrorKind::Connect => "cannot reach the database",
            StoreErrorKind::Migrate => "cannot migrate the store",
            StoreErrorKind::Query => "store query failed",
            StoreErrorKind::Corrupt => "store holds an unreadable value",
            StoreErrorKind::Worker => "store worker failed",
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::new(StoreErrorKind::Query, e.to_string())
    }
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> Self {
        // A closed connection is a reachability problem, not a bad query.
        let kind = if e.is_closed() {
            StoreErrorKind::Connect
        } else {
            StoreErrorKind::Query
        };
        StoreError::new(kind, with_causes(&e))
    }
}

/// An error's text followed by its causes' (`a: b: c`), each added only when the text so far
/// does not already end with it. tokio-postgres' and deadpool's Display is terse ("db error",
/// "error performing TLS handshake"); the causes carry the server's text or the certificate
/// problem.
pub(crate) fn with_causes(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let text = c.to_string();
        if !message.ends_with(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        cause = c.source();
    }
    message
}

impl From<tokio::task::JoinError> for StoreError {
    fn from(e: tokio::task::JoinError) -> Self {
        StoreError::new(StoreErrorKind::Worker, e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_failed_then_the_detail() {
        for (kind, text) in [
            (StoreErrorKind::Open, "cannot open the store: why"),
            (StoreErrorKind::Connect, "cannot reach the database: why"),
            (StoreErrorKind::Migrate, "cannot migrate the store: why"),
            (StoreErrorKind::Query, "store query failed: why"),
            (
                StoreErrorKind::Corrupt,
                "store holds an unreadable value: why",
            ),
            (StoreErrorKind::Worker, "store worker failed: why"),
        ] {
            let error = StoreError::new(kind, "why");
            assert_eq!(error.to_string(), text);
            assert_eq!((error.kind(), error.message()), (kind, "why"));
        }
    }
}
