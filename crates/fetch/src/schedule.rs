//! When each outside calendar is next due for a refresh. Pure: the clock and the jitter are
//! parameters, so the scheduler's behaviour is tested exactly.
//!
//! The delay after an attempt is the interval after a success, doubled for each consecutive
//! failure (15 min, 30 min, 1 h, 2 h, …) and capped at `max_backoff`; then it is spread by
//! ± `jitter` so many sources configured together do not all hit their servers in one second.

use jiff::{SignedDuration, Timestamp};

/// Refresh timing shared by every source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Schedule {
    /// The delay after a success (or a 304). Default 15 minutes.
    pub interval: SignedDuration,
    /// The spread, as a fraction of the delay: 0.1 makes a 15-minute delay anything from 13.5
    /// to 16.5 minutes. Clamped to 0..=1. Default 0.1.
    pub jitter: f64,
    /// The longest delay after failures (never below `interval`). Default 6 hours.
    pub max_backoff: SignedDuration,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            interval: SignedDuration::from_mins(15),
            jitter: 0.1,
            max_backoff: SignedDuration::from_hours(6),
        }
    }
}

impl Schedule {
    /// The delay before jitter after `failures` consecutive failures.
    pub fn delay(&self, failures: u32) -> SignedDuration {
        let cap = self.max_backoff.max(self.interval);
        // 2^20 intervals is far past any sane cap; stop doubling there to avoid overflow.
        let factor = 1i32 << failures.min(20);
        self.interval
            .checked_mul(factor)
            .map_or(cap, |delay| delay.min(cap))
    }

    /// When a source last checked at `checked_at`, after `failures` consecutive failures, is next
    /// due. `unit` in `0.0..=1.0` picks the point in the jitter range (0.5 is no jitter); pass a
    /// random number, or [`Schedule::jitter_for`] for a stable spread. A source never checked is due at `now`. A `checked_at` in the future (the clock
    /// went back) counts as `now`, so a source is never starved. The result may be in the past:
    /// the source is then due.
    pub fn next_due(
        &self,
        checked_at: Option<Timestamp>,
        failures: u32,
        now: Timestamp,
        unit: f64,
    ) -> Timestamp {
        let Some(checked_at) = checked_at else {
            return now;
        };
        let from = checked_at.min(now);
        let jitter = self.jitter.clamp(0.0, 1.0);
        let unit = if unit.is_nan() {
            0.5
        } else {
            unit.clamp(0.0, 1.0)
        };
        let delay = self
            .delay(failures)
            .mul_f64(1.0 + jitter * (2.0 * unit - 1.0));
        from.saturating_add(delay).unwrap_or(Timestamp::MAX)
    }

    /// Whether a source is due at `now` (see [`Schedule::next_due`]).
    pub fn is_due(
        &self,
        checked_at: Option<Timestamp>,
        failures: u32,
        now: Timestamp,
        unit: f64,
    ) -> bool {
        self.next_due(checked_at, failures, now, unit) <= now
    }

    /// A jitter unit in `0.0..1.0` derived from the source id and its last check: stable for
    /// one attempt (so asking twice gives one answer) and different across sources and
    /// attempts. FNV-1a, which is plenty for spreading load.
    pub fn jitter_for(id: &str, checked_at: Option<Timestamp>) -> f64 {
        use touchpoint_calendar::digest::{FNV_OFFSET, fnv1a};
        let micros = checked_at.map_or(0, |t| t.as_microsecond());
        let hash = fnv1a(fnv1a(FNV_OFFSET, id.as_bytes()), &micros.to_le_bytes());
        (hash >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    /// A source's last check and its consecutive failures.
    fn record(checked_at: Option<&str>, failures: u32) -> (Option<Timestamp>, u32) {
        (checked_at.map(t), failures)
    }

    #[test]
    fn can_be_due_at_once_when_never_checked() {
        let now = t("2026-03-01T12:00:00Z");
        assert_eq!(Schedule::default().next_due(None, 0, now, 0.9), now);
        assert!(Schedule::default().is_due(None, 0, now, 0.9));
    }

    #[test]
    fn can_wait_the_interval_after_success_without_jitter() {
        let s = Schedule::default();
        let now = t("2026-03-01T12:05:00Z");
        let r = record(Some("2026-03-01T12:00:00Z"), 0);
        assert_eq!(s.next_due(r.0, r.1, now, 0.5), t("2026-03-01T12:15:00Z"));
        assert!(!s.is_due(r.0, r.1, now, 0.5));
        assert!(s.is_due(r.0, r.1, t("2026-03-01T12:15:00Z"), 0.5));
    }

    #[test]
    fn can_spread_by_the_jitter_fraction() {
        let s = Schedule::default();
        let now = t("2026-03-01T12:00:00Z");
        let r = record(Some("2026-03-01T12:00:00Z"), 0);
        assert_eq!(s.next_due(r.0, r.1, now, 0.0), t("2026-03-01T12:13:30Z"));
        assert_eq!(s.next_due(r.0, r.1, now, 1.0), t("2026-03-01T12:16:30Z"));
        // Out-of-range inputs are clamped rather than trusted.
        assert_eq!(s.next_due(r.0, r.1, now, 7.0), t("2026-03-01T12:16:30Z"));
        assert_eq!(
            s.next_due(r.0, r.1, now, f64::NAN),
            t("2026-03-01T12:15:00Z")
        );
    }

    #[test]
    fn can_back_off_exponentially_up_to_the_cap() {
        let s = Schedule::default();
        let minutes: Vec<i64> = (0..8).map(|f| s.delay(f).as_mins()).collect();
        assert_eq!(minutes, [15, 30, 60, 120, 240, 360, 360, 360]);
        assert_eq!(s.delay(u32::MAX), SignedDuration::from_hours(6));
        let now = t("2026-03-01T12:00:00Z");
        let r = record(Some("2026-03-01T12:00:00Z"), 3);
        assert_eq!(s.next_due(r.0, r.1, now, 0.5), t("2026-03-01T14:00:00Z"));
    }

    #[test]
    fn can_count_from_now_when_the_last_check_is_in_the_future() {
        let s = Schedule::default();
        let now = t("2026-03-01T12:00:00Z");
        let r = record(Some("2027-01-01T00:00:00Z"), 0);
        assert_eq!(s.next_due(r.0, r.1, now, 0.5), t("2026-03-01T12:15:00Z"));
    }

    #[test]
    fn can_derive_a_stable_jitter_per_source_and_attempt() {
        let at = Some(t("2026-03-01T12:00:00Z"));
        let a = Schedule::jitter_for("openssf", at);
        assert_eq!(a, Schedule::jitter_for("openssf", at));
        assert_ne!(a, Schedule::jitter_for("chaoss", at));
        assert_ne!(
            a,
            Schedule::jitter_for("openssf", Some(t("2026-03-01T12:15:00Z")))
        );
        for id in ["a", "b", "openchain", "x".repeat(100).as_str()] {
            let u = Schedule::jitter_for(id, at);
            assert!((0.0..1.0).contains(&u), "{u}");
        }
    }
}
