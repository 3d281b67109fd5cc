//! Copies kept in memory, for the refresh tests: the promises of `touchpoint_fetch::Copies`
//! (a success replaces the copy and bumps the version only when the body changed; a failure
//! touches only the attempt's fields) over a map, so these tests need no database. The binary's
//! implementation over touchpoint-store is tested with the store itself.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Mutex;

use jiff::Timestamp;
use touchpoint_fetch::{Copies, NewCopy, Saved, Validators};

/// What is kept for one source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(dead_code, reason = "each test file reads the fields it checks")]
pub struct Record {
    pub body: Option<Vec<u8>>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub summary: Option<String>,
    pub version: i64,
    pub fetched_at: Option<Timestamp>,
    pub checked_at: Option<Timestamp>,
    pub last_error: Option<String>,
    pub failures: u32,
}

/// Every source's [`Record`], by id.
#[derive(Default)]
pub struct MemoryCopies(Mutex<HashMap<String, Record>>);

impl MemoryCopies {
    /// The record of `id`, if anything was recorded for it.
    pub fn get(&self, id: &str) -> Option<Record> {
        self.0.lock().unwrap().get(id).cloned()
    }

    fn update<T>(&self, id: &str, change: impl FnOnce(&mut Record) -> T) -> T {
        change(self.0.lock().unwrap().entry(id.to_owned()).or_default())
    }
}

impl Copies for MemoryCopies {
    type Error = Infallible;

    async fn validators(&self, id: &str) -> Result<Option<Validators>, Infallible> {
        Ok(self
            .get(id)
            .filter(|r| r.body.is_some())
            .map(|r| Validators {
                etag: r.etag,
                last_modified: r.last_modified,
            }))
    }

    async fn save_success(
        &self,
        id: &str,
        copy: NewCopy,
        at: Timestamp,
    ) -> Result<Saved, Infallible> {
        Ok(self.update(id, |r| {
            let changed = r.body.as_deref() != Some(copy.body.as_slice());
            if changed {
                r.version += 1;
            }
            r.body = Some(copy.body);
            r.etag = copy.etag;
            r.last_modified = copy.last_modified;
            r.summary = Some(copy.summary);
            r.fetched_at = Some(at);
            r.checked_at = Some(at);
            r.last_error = None;
            r.failures = 0;
            Saved {
                version: r.version,
                changed,
            }
        }))
    }

    async fn save_not_modified(&self, id: &str, at: Timestamp) -> Result<(), Infallible> {
        self.update(id, |r| {
            r.fetched_at = Some(at);
            r.checked_at = Some(at);
            r.last_error = None;
            r.failures = 0;
        });
        Ok(())
    }

    async fn save_failure(&self, id: &str, error: &str, at: Timestamp) -> Result<u32, Infallible> {
        Ok(self.update(id, |r| {
            r.checked_at = Some(at);
            r.last_error = Some(error.to_owned());
            r.failures += 1;
            r.failures
        }))
    }
}
