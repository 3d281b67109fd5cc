//! Wall clock and instants for the expansion, in whole seconds: the offset cache that spares a
//! zone lookup for most instances of a series, event durations, and [`Stamp`], the plain-number
//! form of a start or end that an occurrence holds until it is shown.
//!
//! "Wall" values are civil seconds on a zone's clock (module `recur`); instants are seconds since
//! the Unix epoch. Sub-second parts are not kept: iCalendar writes none.

use std::cell::Cell;
use std::sync::Arc;

use jiff::tz::{Offset, TimeZone};
use jiff::{Span, Timestamp, civil};

use crate::model::{End, Time, Tz};
use crate::recur::{DAY, FIRST_SECOND, LAST_SECOND, from_secs, to_secs};

/// The value type of an event's start, which its occurrences keep.
#[derive(Clone, Copy)]
pub(crate) enum Kind<'a> {
    Date,
    Floating,
    Zoned(&'a Tz),
}

impl<'a> Kind<'a> {
    pub(crate) fn of(t: &'a Time) -> Kind<'a> {
        match t {
            Time::Date(_) => Kind::Date,
            Time::Floating(_) => Kind::Floating,
            Time::Zoned(_, tz) => Kind::Zoned(tz),
        }
    }

    /// The zone the wall clock is read in (`floating` for dates and floating times).
    pub(crate) fn zone<'z>(self, floating: &'z TimeZone) -> &'z TimeZone
    where
        'a: 'z,
    {
        match self {
            Kind::Zoned(tz) => &tz.zone,
            _ => floating,
        }
    }

    /// A value of this type at wall-clock `dt`.
    pub(crate) fn at(self, dt: civil::DateTime) -> Time {
        match self {
            Kind::Date => Time::Date(dt.date()),
            Kind::Floating => Time::Floating(dt),
            Kind::Zoned(tz) => Time::Zoned(dt, tz.clone()),
        }
    }
}

/// A start or end as the engine finds it: the instant (seconds), its wall clock as the value
/// holds it, and the zone's offset at that instant. Shown, a zoned value is the instant's own
/// wall clock (`at + offset`), which differs from the held one only in a DST gap. Sixteen bytes,
/// so that an occurrence is one cache line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Stamp {
    pub(crate) at: i64,
    /// The held wall clock minus `at`: an offset, plus a gap's length (under two days).
    wall_from_at: i32,
    pub(crate) offset: i32,
}

impl Stamp {
    /// `None` when `wall` is more than a few days from `at` (no zone does that).
    #[inline]
    pub(crate) fn new(wall: i64, at: i64, offset: i32) -> Option<Stamp> {
        Some(Stamp {
            at,
            wall_from_at: i32::try_from(wall.checked_sub(at)?).ok()?,
            offset,
        })
    }

    /// A stamp at instant `at` held on its own wall clock, `offset` away.
    #[inline]
    pub(crate) fn on_own_clock(at: i64, offset: i32) -> Stamp {
        Stamp {
            at,
            wall_from_at: offset,
            offset,
        }
    }

    /// The wall clock as the value holds it (civil seconds).
    #[inline]
    pub(crate) fn wall(self) -> i64 {
        self.at + i64::from(self.wall_from_at)
    }

    /// The wall clock of an instant-resolved value, as shown: `at` on the zone's clock.
    #[inline]
    pub(crate) fn shown(self) -> i64 {
        self.at + i64::from(self.offset)
    }

    /// The value of kind `kind` this stamp stands for; `fold_offset` keeps the offset of an end
    /// whose wall clock repeats and which is the later instant (the wall clock alone would read
    /// back as the earlier one, an hour off).
    pub(crate) fn value(self, kind: Kind<'_>, fold_offset: bool, last: &LastDay) -> Time {
        let dt = last.datetime(self.wall()).unwrap_or(civil::DateTime::MAX);
        match kind {
            Kind::Zoned(tz) if fold_offset => Time::Zoned(
                dt,
                Tz {
                    name: tz.name.clone(),
                    zone: TimeZone::fixed(Offset::from_seconds(self.offset).unwrap_or(Offset::UTC)),
                },
            ),
            _ => kind.at(dt),
        }
    }
}

/// The last day [`Stamp::value`] made a date of: an occurrence's start, end and RECURRENCE-ID
/// nearly always share a day, so its date is worked out (and checked by jiff) once for the three.
#[derive(Debug, Default)]
pub(crate) struct LastDay(Cell<Option<(i64, civil::Date)>>);

impl LastDay {
    /// [`from_secs`], with the date of the last day remembered.
    fn datetime(&self, secs: i64) -> Option<civil::DateTime> {
        let day = secs.div_euclid(DAY);
        let date = match self.0.get() {
            Some((known, date)) if known == day => date,
            _ => {
                let date = from_secs(day * DAY)?.date();
                self.0.set(Some((day, date)));
                date
            }
        };
        let second_of_day = secs - day * DAY;
        let time = civil::Time::new(
            (second_of_day / 3_600) as i8,
            (second_of_day / 60 % 60) as i8,
            (second_of_day % 60) as i8,
            0,
        )
        .ok()?;
        Some(date.to_datetime(time))
    }
}

/// Remembers the span of instants between two transitions of one zone, and the offset in force
/// there, so converting the many instances of a series between wall clock and instant skips the
/// zone's transition search: within a span the conversion is one subtraction. Within two days of
/// either transition it asks the zone itself, so a gap or a fold is always resolved by jiff (no
/// two offsets of a zone differ by two days).
pub(crate) struct Offsets {
    /// The zone (a handle: cloning one shares its rules).
    zone: TimeZone,
    /// The zone's spans around the window, found once for every series in it ([`spans_around`]):
    /// learning a span there is a search in a few, not two transition searches of the zone.
    known: Arc<[OffsetSpan]>,
    /// The offset (seconds) of the span last learnt; after each conversion, the offset at the
    /// instant converted.
    off: i64,
    /// The instants `[safe_lo, safe_hi)` (seconds) where `off` is trusted: in its span, two
    /// days from either transition, inside jiff's range, and their wall clocks too. So one
    /// comparison stands for every check of the common case.
    safe_lo: i64,
    safe_hi: i64,
}

/// The margin kept from a transition before the cached offset is trusted.
const MARGIN: i64 = 2 * DAY;

// The small conversions here and on `Stamp` and `Dur` run a few times per occurrence from
// another module (another codegen unit in a release build): `#[inline]` lets them be inlined
// there, 1.1 M of 60.1 M instructions on the 600-series feed for 2026 (BENCHMARKS.md, "The
// occurrences command").

impl Offsets {
    /// For `zone`, with the spans [`spans_around`] found for it.
    pub(crate) fn new(zone: &TimeZone, known: Arc<[OffsetSpan]>) -> Offsets {
        Offsets {
            zone: zone.clone(),
            known,
            off: 0,
            safe_lo: 0,
            safe_hi: 0,
        }
    }

    /// The zone's offset at the instant last converted.
    #[inline]
    pub(crate) fn offset(&self) -> i32 {
        // A zone's offset is under 26 hours.
        self.off as i32
    }

    /// Takes `span`'s offset, trusted between the `safe_lo` and `safe_hi` it works out.
    fn set(&mut self, span: &OffsetSpan) {
        let (first, last) = (Timestamp::MIN.as_second(), Timestamp::MAX.as_second());
        self.off = span.off;
        self.safe_lo = span
            .lo
            .saturating_add(MARGIN)
            .max(first)
            .max(FIRST_SECOND - span.off);
        self.safe_hi = span
            .hi
            .saturating_sub(MARGIN)
            .min(last + 1)
            .min(LAST_SECOND + 1 - span.off);
    }

    /// Caches the span around instant `at`.
    fn learn(&mut self, at: Timestamp) {
        let secs = at.as_second();
        let i = self.known.partition_point(|span| span.hi <= secs);
        match self.known.get(i).copied().filter(|span| span.lo <= secs) {
            Some(span) => self.set(&span),
            None => self.set(&OffsetSpan::around(&self.zone, at)),
        }
    }

    #[inline]
    fn trusted(&self, at: i64) -> bool {
        self.safe_lo <= at && at < self.safe_hi
    }

    /// Wall clock to instant with RFC 5545 §3.3.5 semantics ([`resolve`]); `None` outside
    /// jiff's range.
    #[inline]
    pub(crate) fn instant(&mut self, wall: i64) -> Option<i64> {
        let guess = wall.wrapping_sub(self.off);
        if self.trusted(guess) {
            return Some(guess);
        }
        self.instant_elsewhere(wall)
    }

    /// [`Offsets::instant`] for a wall clock outside the cached span or near its ends.
    #[inline(never)]
    fn instant_elsewhere(&mut self, wall: i64) -> Option<i64> {
        if !(FIRST_SECOND..=LAST_SECOND).contains(&wall) {
            return None;
        }
        // A known span that holds the wall clock where its offset is trusted: the instant is
        // the span's offset away, and no other span's wall clocks come near (no two offsets
        // of a zone differ by a day).
        let known = Arc::clone(&self.known);
        let near = known.partition_point(|span| span.hi <= wall - DAY);
        for span in known[near..].iter().take(2) {
            self.set(span);
            let at = wall - span.off;
            if self.trusted(at) {
                return Some(at);
            }
        }
        let at = resolve(&self.zone, from_secs(wall)?)?;
        self.learn(at);
        Some(at.as_second())
    }

    /// Instant to the zone's wall clock; `None` outside jiff's range.
    #[inline]
    pub(crate) fn wall(&mut self, at: i64) -> Option<i64> {
        if self.trusted(at) {
            return Some(at + self.off);
        }
        self.wall_elsewhere(at)
    }

    /// [`Offsets::wall`] for an instant outside the cached span or near its ends.
    #[inline(never)]
    fn wall_elsewhere(&mut self, at: i64) -> Option<i64> {
        self.learn(Timestamp::from_second(at).ok()?);
        let wall = at + self.off;
        (FIRST_SECOND..=LAST_SECOND).contains(&wall).then_some(wall)
    }

    /// A stamp at wall clock `wall`.
    #[inline]
    pub(crate) fn at_wall(&mut self, wall: i64) -> Option<Stamp> {
        let at = self.instant(wall)?;
        Stamp::new(wall, at, self.offset())
    }

    /// The end `secs` seconds after `start` when it falls inside the cached span, two days
    /// from either transition: most ends of a series' instances. Its wall clock is then the
    /// cached offset away and repeats nowhere, so this is what [`Dur::end`] and the fold check
    /// find, with neither a call nor a zone lookup. `None`: ask them.
    #[inline]
    pub(crate) fn end_in_span(&self, start: Stamp, secs: i64) -> Option<Stamp> {
        let at = start.at.wrapping_add(secs);
        // `secs` is positive: a sum that wrapped is below the start.
        if at < start.at || !self.trusted(at) {
            return None;
        }
        Some(Stamp::on_own_clock(at, self.offset()))
    }

    /// A stamp at instant `at`.
    #[inline]
    pub(crate) fn at_instant(&mut self, at: i64) -> Option<Stamp> {
        let wall = self.wall(at)?;
        Stamp::new(wall, at, self.offset())
    }
}

/// The instants between two transitions of a zone, `[lo, hi)` in seconds, and the offset in
/// force there (`lo` and `hi` far out where the zone has no transition before or after).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct OffsetSpan {
    lo: i64,
    hi: i64,
    off: i64,
}

impl OffsetSpan {
    /// The span around instant `at`.
    fn around(zone: &TimeZone, at: Timestamp) -> OffsetSpan {
        let after = at
            .checked_add(jiff::SignedDuration::from_secs(1))
            .unwrap_or(Timestamp::MAX);
        OffsetSpan {
            lo: zone
                .preceding(after)
                .next()
                .map_or(i64::MIN / 4, |t| t.timestamp().as_second()),
            hi: zone
                .following(at)
                .next()
                .map_or(i64::MAX / 4, |t| t.timestamp().as_second()),
            off: i64::from(zone.to_offset(at).seconds()),
        }
    }
}

/// Most spans [`spans_around`] finds for one zone: a window of a century in a zone with
/// daylight saving time; a longer one learns the rest as [`Offsets`] alone does.
pub(crate) const MOST_SPANS: usize = 256;

/// The spans of `zone` that cover the instants from `from` to `to`, in order, at most `most`
/// (and [`MOST_SPANS`]); none when `most` is 0.
pub(crate) fn spans_around(
    zone: &TimeZone,
    from: Timestamp,
    to: Timestamp,
    most: usize,
) -> Arc<[OffsetSpan]> {
    let most = most.min(MOST_SPANS);
    if most == 0 {
        return Arc::from([]);
    }
    let mut spans = vec![OffsetSpan::around(zone, from)];
    // Each transition ends the span before it and begins the next.
    for t in zone.following(from) {
        let at = t.timestamp().as_second();
        if let Some(last) = spans.last_mut() {
            last.hi = at;
        }
        if spans.len() == most || at > to.as_second() {
            break;
        }
        spans.push(OffsetSpan {
            lo: at,
            hi: i64::MAX / 4,
            off: i64::from(t.offset().seconds()),
        });
    }
    Arc::from(spans)
}

/// Wall clock to instant with RFC 5545 §3.3.5 semantics (a time in a DST gap moves forward by
/// the gap, a repeated one takes the first instant: jiff's "compatible"); `None` outside jiff's
/// range.
pub(crate) fn resolve(zone: &TimeZone, dt: civil::DateTime) -> Option<Timestamp> {
    zone.to_ambiguous_timestamp(dt).compatible().ok()
}

/// Instant to civil seconds on a zone's wall clock.
pub(crate) fn wall(zone: &TimeZone, at: Timestamp) -> i64 {
    to_secs(zone.to_datetime(at))
}

/// `t` on the wall clock (civil seconds) of an event of kind `kind`.
pub(crate) fn wall_in(t: &Time, kind: Kind<'_>, fz: &TimeZone) -> i64 {
    match (kind, t) {
        (Kind::Zoned(tz), Time::Zoned(dt, other)) if other.name == tz.name => to_secs(*dt),
        (Kind::Zoned(tz), Time::Zoned(..)) => wall(&tz.zone, t.instant(fz)),
        // A zoned value on an all-day series names its own wall-clock date (Outlook's
        // `EXDATE;TZID=GMT Standard Time:20200416T000000` excludes the 16th, wherever the viewer).
        (Kind::Date, Time::Zoned(dt, _)) => to_secs(*dt),
        (Kind::Floating, Time::Zoned(..)) => wall(fz, t.instant(fz)),
        _ => to_secs(t.civil()),
    }
}

/// How long each instance lasts.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Dur {
    /// Whole days on the calendar (DATE events).
    Days(i64),
    /// Exact seconds.
    Exact(i64),
    /// Seconds on the wall clock (floating events).
    Wall(i64),
    /// Nominal days on the wall clock, then exact seconds.
    Nominal(i64, i64),
}

impl Dur {
    /// The duration of an event whose start is `start` and end `end`.
    pub(crate) fn of(start: &Time, end: Option<&End>, fz: &TimeZone) -> Dur {
        let kind = Kind::of(start);
        match (kind, end) {
            (Kind::Date, None) => Dur::Days(1),
            (_, None) => Dur::Exact(0),
            (Kind::Date, Some(End::At(t))) => {
                let days = (to_secs(t.civil()) - to_secs(start.civil())).div_euclid(DAY);
                Dur::Days(if days <= 0 { 1 } else { days })
            }
            (Kind::Floating, Some(End::At(t))) if !matches!(t, Time::Zoned(..)) => {
                Dur::Wall((to_secs(t.civil()) - to_secs(start.civil())).max(0))
            }
            (_, Some(End::At(t))) => {
                let secs = t.instant(fz).as_second() - start.instant(fz).as_second();
                Dur::Exact(secs.max(0))
            }
            (Kind::Date, Some(End::Duration(span))) => {
                let (days, secs) = span_parts(span);
                Dur::Days(days + (secs + DAY - 1) / DAY)
            }
            (Kind::Floating, Some(End::Duration(span))) => {
                let (days, secs) = span_parts(span);
                Dur::Wall(days.saturating_mul(DAY).saturating_add(secs))
            }
            (Kind::Zoned(_), Some(End::Duration(span))) => match span_parts(span) {
                (0, secs) => Dur::Exact(secs),
                (days, secs) => Dur::Nominal(days, secs),
            },
        }
    }

    /// An upper bound on the length, in seconds, for window margins.
    pub(crate) fn approx(self) -> i64 {
        match self {
            Dur::Days(d) => d.saturating_mul(DAY),
            Dur::Exact(s) | Dur::Wall(s) => s,
            Dur::Nominal(d, s) => d.saturating_mul(DAY).saturating_add(s),
        }
    }

    /// The end of an instance that starts at `start`; `None` outside jiff's range.
    #[inline]
    pub(crate) fn end(self, start: Stamp, offsets: &mut Offsets) -> Option<Stamp> {
        match self {
            Dur::Exact(0) => Some(start),
            Dur::Days(n) => offsets.at_wall(
                start
                    .wall()
                    .div_euclid(DAY)
                    .checked_add(n)?
                    .checked_mul(DAY)?,
            ),
            Dur::Wall(s) => offsets.at_wall(start.wall().checked_add(s)?),
            Dur::Exact(s) => offsets.at_instant(start.at.checked_add(s)?),
            Dur::Nominal(days, s) => {
                let same_time_days_later = start.wall().checked_add(days.checked_mul(DAY)?)?;
                let at = offsets.instant(same_time_days_later)?;
                offsets.at_instant(at.checked_add(s)?)
            }
        }
    }
}

/// Days (years as 365, months as 30) and seconds of a span.
fn span_parts(span: &Span) -> (i64, i64) {
    let days = i64::from(span.get_years()) * 365
        + i64::from(span.get_months()) * 30
        + i64::from(span.get_weeks()) * 7
        + i64::from(span.get_days());
    let secs = i64::from(span.get_hours()) * 3_600
        + span.get_minutes() * 60
        + span.get_seconds()
        + span.get_milliseconds() / 1_000;
    (days.max(0), secs.max(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every conversion with a zone's spans found once ([`spans_around`]) gives what learning
    /// each span from the zone gives: around transitions, in gaps and folds, and outside the
    /// spans found.
    #[test]
    fn can_convert_with_the_spans_found_once_as_without() {
        for name in [
            "Europe/Berlin",
            "America/New_York",
            "Australia/Sydney",
            "Asia/Kolkata",
        ] {
            let zone = crate::model::Tz::iana(name).expect("zone").zone;
            let from: Timestamp = "2025-11-01T00:00Z".parse().expect("from");
            let to: Timestamp = "2027-02-01T00:00Z".parse().expect("to");
            let spans = spans_around(&zone, from, to, MOST_SPANS);
            assert!(
                spans.len() >= 3 || name == "Asia/Kolkata",
                "{name}: {spans:?}"
            );
            let mut shared = Offsets::new(&zone, spans);
            let mut alone = Offsets::new(&zone, Arc::from([]));
            // Every 20 minutes from a month before the spans to a month after them.
            let (first, last) = (from.as_second() - 31 * DAY, to.as_second() + 31 * DAY);
            for at in (first..last).step_by(1_200) {
                assert_eq!(
                    shared.at_instant(at),
                    alone.at_instant(at),
                    "{name} at {at}"
                );
                let wall = at + 3_600;
                assert_eq!(
                    shared.at_wall(wall),
                    alone.at_wall(wall),
                    "{name} wall {wall}"
                );
            }
        }
    }

    /// At most `MOST_SPANS` spans are found, and they follow one another.
    #[test]
    fn can_bound_the_spans_found_for_a_long_window() {
        let zone = crate::model::Tz::iana("Europe/Berlin").expect("zone").zone;
        let spans = spans_around(&zone, Timestamp::MIN, Timestamp::MAX, usize::MAX);
        assert_eq!(spans.len(), MOST_SPANS);
        assert_eq!(
            spans_around(&zone, Timestamp::MIN, Timestamp::MAX, 3).len(),
            3
        );
        assert!(spans_around(&zone, Timestamp::MIN, Timestamp::MAX, 0).is_empty());
        assert!(
            spans
                .windows(2)
                .all(|w| w[0].hi == w[1].lo && w[0].lo < w[0].hi)
        );
        let utc = spans_around(&TimeZone::UTC, Timestamp::MIN, Timestamp::MAX, MOST_SPANS);
        assert_eq!(utc.len(), 1);
    }
}
