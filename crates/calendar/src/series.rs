//! One master event's occurrences in a window, in named steps (as ical.js's
//! `recur_expansion.js`; one rule alone is module `recur`):
//!
//! 1. [`Candidates`]: the merged, deduplicated stream of wall-clock starts of its RRULEs (DTSTART
//!    first), its RDATEs and DTSTART, fast-forwarded to the window.
//! 2. [`Exclusions`]: EXDATE (by day, wall clock or instant) and EXRULE remove candidates; so do
//!    the instances that an override replaces.
//! 3. [`Ranges`]: a RANGE=THISANDFUTURE override moves and re-times every later instance.
//! 4. Emit: the survivors that overlap the window go to the collector as [`Found`] values.
//!
//! The rules of each step are on module `expand`.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::expand::{Collector, Ctx, Found, bounds, in_master_type};
use crate::instant::{Dur, Kind, Offsets, Stamp, resolve, wall, wall_in};
use crate::model::{Event, RDate, RRule, Time, Tz};
use crate::recur::{DAY, FIRST_SECOND, LAST_SECOND, RuleIter, from_secs, to_secs};

/// Lists the occurrences of master event `m` (recurring or single) that overlap the window,
/// leaving out the instances that `overrides` (with the instants they replace) stand for.
pub(crate) fn expand_master(
    ctx: &Ctx<'_>,
    events: &[Event],
    m: usize,
    overrides: &[(usize, Timestamp)],
    out: &mut Collector,
) {
    let master = &events[m];
    let kind = Kind::of(&master.start);
    let zone = kind.zone(ctx.fz);
    let dtstart = to_secs(master.start.civil());
    let duration = Dur::of(&master.start, master.end.as_ref(), ctx.fz);
    let window = bounds(ctx, kind);
    let ranges = Ranges::new(events, m, overrides, kind, ctx.fz);
    let rdates = rdates_on_wall_clock(master, kind, ctx.fz);
    // How far before the window an instance may start and still reach into it.
    let mut reach = 2 * DAY + duration.approx().max(0);
    reach = reach.saturating_add(ranges.reach());
    for (_, own_end) in &rdates {
        if let Some(own_end) = own_end {
            reach = reach.max(2 * DAY + own_end.approx());
        }
    }
    // Instances starting before what the collector keeps need not be generated at all.
    let plan = RulePlan {
        kind,
        zone,
        fz: ctx.fz,
        dtstart,
        first_wanted: wall(zone, window.0.max(out.from)).saturating_sub(reach),
        horizon: wall(zone, window.1).saturating_add(reach).min(LAST_SECOND),
        max_candidates: ctx.limits.max_candidates_per_event,
    };
    let mut candidates = Candidates::new(master, &plan, rdates);
    let mut exclusions = Exclusions::new(master, &plan);
    // How far an instance's start may fall before an earlier one's: a time in a DST gap moves
    // forward by the gap (at most a day, Samoa's skipped day included; nothing in a zone of
    // one offset), and the THISANDFUTURE shifts.
    let gap = if zone.to_fixed_offset().is_ok() {
        0
    } else {
        DAY
    };
    let out_of_order = gap.saturating_add(ranges.total_shift());

    let mut offsets = Offsets::new(zone);
    let recurring = !master.rrules.is_empty() || !master.rdates.is_empty();
    let mut emitted = 0usize;
    while let Some((original_wall, own_end)) = candidates.next() {
        if exclusions.by_wall_clock(original_wall) {
            continue;
        }
        let Some(original) = offsets.at_wall(original_wall) else {
            continue;
        };
        let Some(original_at) = original.timestamp() else {
            continue;
        };
        if out.past(original_at, out_of_order) {
            break;
        }
        if exclusions.by_instant(original.at)
            || overrides
                .binary_search_by_key(&original_at, |o| o.1)
                .is_ok()
        {
            continue;
        }
        let (event, shift, duration) = match ranges.applying(original_at) {
            Some(range) => (range.event, range.shift, range.duration),
            None => (m, 0, own_end.unwrap_or(duration)),
        };
        let start = if shift == 0 {
            original
        } else {
            let Some(shifted) = offsets.at_wall(original_wall.saturating_add(shift)) else {
                continue;
            };
            shifted
        };
        let Some(end) = duration.end(start, &mut offsets) else {
            continue;
        };
        let (Some(start_at), Some(end_at)) = (start.timestamp(), end.timestamp()) else {
            continue;
        };
        if !overlaps(start_at, end_at, window) {
            continue;
        }
        let found = Found {
            event: index(event),
            series: index(m),
            start,
            end,
            recurrence_id: original,
            recurring,
            own_values: false,
            end_in_fold: end_in_fold(kind, end, &mut offsets),
        };
        emitted += usize::from(out.push(start_at, found));
        if emitted >= ctx.limits.max_occurrences_per_event {
            out.truncated.push((
                m,
                format!(
                    "stopped after {} occurrences in the window",
                    ctx.limits.max_occurrences_per_event
                ),
            ));
            return;
        }
    }
    for stop in candidates.stops().chain(exclusions.stops()) {
        out.truncated.push((m, stop.to_string()));
    }
}

/// Lists an override (or any event taken on its own) if it overlaps the window.
pub(crate) fn emit_override(ctx: &Ctx<'_>, events: &[Event], i: usize, out: &mut Collector) {
    let event = &events[i];
    let kind = Kind::of(&event.start);
    let zone = kind.zone(ctx.fz);
    let Some(start_at) = resolve(zone, event.start.civil()) else {
        return;
    };
    let offset = zone.to_offset(start_at).seconds();
    let Some(start) = Stamp::new(to_secs(event.start.civil()), start_at.as_second(), offset) else {
        return;
    };
    let mut offsets = Offsets::new(zone);
    let duration = Dur::of(&event.start, event.end.as_ref(), ctx.fz);
    let Some(end) = duration.end(start, &mut offsets) else {
        return;
    };
    let Some(end_at) = end.timestamp() else {
        return;
    };
    if !overlaps(start_at, end_at, bounds(ctx, kind)) {
        return;
    }
    let found = Found {
        event: index(i),
        series: index(i),
        start,
        end,
        recurrence_id: start,
        recurring: false,
        own_values: true,
        end_in_fold: end_in_fold(kind, end, &mut offsets),
    };
    out.push(start_at, found);
}

/// Whether `end` is the later instant of a wall clock that repeats (a fold): its value then
/// keeps its offset ([`Stamp::value`]).
fn end_in_fold(kind: Kind<'_>, end: Stamp, offsets: &mut Offsets<'_>) -> bool {
    matches!(kind, Kind::Zoned(_)) && offsets.instant(end.wall()) != Some(end.at)
}

/// An event's index as [`Found`] keeps it (a calendar of four billion events is not read).
fn index(event: usize) -> u32 {
    u32::try_from(event).unwrap_or(u32::MAX)
}

fn overlaps(start: Timestamp, end: Timestamp, (from, to): (Timestamp, Timestamp)) -> bool {
    start < to && (end > from || (end == start && start >= from))
}

/// The RDATEs on the event's wall clock, sorted, each with a period's own duration.
fn rdates_on_wall_clock(master: &Event, kind: Kind<'_>, fz: &TimeZone) -> Vec<(i64, Option<Dur>)> {
    let time_of_day = to_secs(master.start.civil()).rem_euclid(DAY);
    let mut rdates: Vec<(i64, Option<Dur>)> = master
        .rdates
        .iter()
        .map(|rdate| {
            let (start, own_end) = match rdate {
                RDate::Time(t) => (t, None),
                RDate::Period(t, end) => (t, Some(Dur::of(t, Some(end), fz))),
            };
            let on_wall = wall_in(start, kind, fz);
            let on_wall = match (kind, start) {
                (Kind::Date, _) => on_wall.div_euclid(DAY) * DAY,
                (_, Time::Date(_)) => on_wall + time_of_day,
                _ => on_wall,
            };
            (on_wall, own_end)
        })
        .collect();
    rdates.sort_by_key(|r| r.0);
    rdates
}

/// What every rule of one series is compiled against.
struct RulePlan<'a> {
    kind: Kind<'a>,
    zone: &'a TimeZone,
    fz: &'a TimeZone,
    /// DTSTART on its wall clock (civil seconds).
    dtstart: i64,
    /// Instances before this wall clock cannot reach the window (rules fast-forward to it).
    first_wanted: i64,
    /// Instances after this wall clock cannot reach the window (rules stop there).
    horizon: i64,
    max_candidates: u64,
}

impl RulePlan<'_> {
    /// A rule's iterator, fast-forwarded to the window when no COUNT makes it count from
    /// DTSTART, and its UNTIL as the last wall clock it allows.
    fn iter(&self, rule: &RRule, until: &Until) -> RuleIter {
        // RFC 5545 §3.3.10: BYSECOND, BYMINUTE and BYHOUR "MUST be ignored" on a DATE series
        // (followed, they list one date several times, ordered by an hour no one sees).
        let times_of_day_given =
            !(rule.by_hour.is_empty() && rule.by_minute.is_empty() && rule.by_second.is_empty());
        let date_rule;
        let rule = match self.kind {
            Kind::Date if times_of_day_given => {
                let mut without = rule.clone();
                without.by_hour.clear();
                without.by_minute.clear();
                without.by_second.clear();
                date_rule = without;
                &date_rule
            }
            _ => rule,
        };
        let mut iter = RuleIter::new(
            rule,
            self.dtstart,
            until.last_wall,
            self.horizon,
            self.max_candidates,
        );
        if rule.count.is_none() {
            iter.seek(self.first_wanted);
        }
        iter
    }

    /// A rule's UNTIL, read for this series.
    fn until(&self, rule: &RRule) -> Until {
        let at_instant = |t: &Time| {
            let at = t.instant(self.fz);
            let on_wall = wall(self.zone, at);
            Until {
                last_wall: Some(on_wall.saturating_add(DAY)),
                instant: Some((at, on_wall)),
            }
        };
        let on_wall = |last_wall: i64| Until {
            last_wall: Some(last_wall),
            instant: None,
        };
        match (&rule.until, self.kind) {
            (None, _) => Until {
                last_wall: None,
                instant: None,
            },
            // A DATE UNTIL is the start of that day, as libical, ical.js and recurring-ical-events
            // read it: a date-time series stops before that date. On a zoned series they all
            // take the day's start in UTC (an invalid pairing, so there is no rule to follow).
            (Some(Time::Date(d)), Kind::Zoned(_)) => at_instant(&Time::Zoned(
                d.to_datetime(jiff::civil::Time::midnight()),
                Tz::utc(),
            )),
            (Some(Time::Date(d)), _) => {
                on_wall(to_secs(d.to_datetime(jiff::civil::Time::midnight())))
            }
            (Some(t @ Time::Floating(_)), _) => on_wall(to_secs(t.civil())),
            (Some(t @ Time::Zoned(..)), Kind::Date) => {
                let day = to_secs(t.civil()).div_euclid(DAY);
                on_wall(day * DAY + DAY - 1)
            }
            (Some(t @ Time::Zoned(..)), _) => at_instant(t),
        }
    }
}

/// A rule's UNTIL as this series reads it.
struct Until {
    /// The last wall clock the rule may generate (a day later for an instant UNTIL, which
    /// [`RuleStream`] then checks exactly).
    last_wall: Option<i64>,
    /// An instant UNTIL, with its wall clock in the series' zone.
    instant: Option<(Timestamp, i64)>,
}

/// One RRULE's instances with DTSTART in front, COUNT and an instant UNTIL applied.
struct RuleStream {
    iter: RuleIter,
    dtstart: i64,
    /// The rule's UNTIL is before DTSTART: it lists nothing.
    ended: bool,
    first: bool,
    count: Option<u64>,
    emitted: u64,
    until: Option<(Timestamp, i64)>,
}

impl RuleStream {
    fn new(rule: &RRule, plan: &RulePlan<'_>) -> RuleStream {
        let until = plan.until(rule);
        // A rule that ended before it began lists nothing, not even DTSTART, as every other
        // reader does (libical, ical.js, recurring-ical-events).
        let ended = match until.instant {
            Some((at, _)) => from_secs(plan.dtstart)
                .and_then(|dt| resolve(plan.zone, dt))
                .is_some_and(|start| start > at),
            None => until.last_wall.is_some_and(|w| plan.dtstart > w),
        };
        RuleStream {
            iter: plan.iter(rule, &until),
            dtstart: plan.dtstart,
            ended,
            first: true,
            count: rule.count.map(u64::from),
            emitted: 0,
            until: until.instant,
        }
    }

    fn next(&mut self, zone: &TimeZone) -> Option<i64> {
        if self.ended {
            return None;
        }
        if self.first {
            self.first = false;
            self.emitted = 1;
            return Some(self.dtstart);
        }
        loop {
            if self.count.is_some_and(|n| self.emitted >= n) {
                return None;
            }
            let candidate = self.iter.next()?;
            if candidate == self.dtstart {
                continue;
            }
            if let Some((until, until_wall)) = self.until
                && candidate > until_wall - DAY
                && (candidate > until_wall + DAY
                    || from_secs(candidate)
                        .and_then(|dt| resolve(zone, dt))
                        .is_none_or(|t| t > until))
            {
                return None;
            }
            self.emitted += 1;
            return Some(candidate);
        }
    }
}

/// The merged candidate stream of a series: every rule (DTSTART first), the RDATEs and, for a
/// series without rules, DTSTART; in wall-clock order, each wall clock once.
struct Candidates<'a> {
    zone: &'a TimeZone,
    rules: Vec<RuleStream>,
    /// Each rule's next wall clock.
    heads: Vec<Option<i64>>,
    rdates: Vec<(i64, Option<Dur>)>,
    next_rdate: usize,
    /// DTSTART of a series without rules, until it is listed.
    dtstart: Option<i64>,
    horizon: i64,
}

impl<'a> Candidates<'a> {
    fn new(master: &Event, plan: &RulePlan<'a>, rdates: Vec<(i64, Option<Dur>)>) -> Candidates<'a> {
        let mut rules: Vec<RuleStream> = master
            .rrules
            .iter()
            .map(|rule| RuleStream::new(rule, plan))
            .collect();
        let heads = rules.iter_mut().map(|r| r.next(plan.zone)).collect();
        let next_rdate = rdates.partition_point(|r| r.0 < plan.first_wanted.max(FIRST_SECOND));
        Candidates {
            zone: plan.zone,
            rules,
            heads,
            rdates,
            next_rdate,
            dtstart: master.rrules.is_empty().then_some(plan.dtstart),
            horizon: plan.horizon,
        }
    }

    /// The next wall clock, with an RDATE period's own duration.
    fn next(&mut self) -> Option<(i64, Option<Dur>)> {
        let rdate = self.rdates.get(self.next_rdate).map(|r| r.0);
        let earliest = self
            .heads
            .iter()
            .flatten()
            .copied()
            .chain(rdate)
            .chain(self.dtstart)
            .min()?;
        if earliest > self.horizon {
            return None;
        }
        for (rule, head) in self.rules.iter_mut().zip(self.heads.iter_mut()) {
            if *head == Some(earliest) {
                *head = rule.next(self.zone);
            }
        }
        let mut own_end = None;
        while let Some(r) = self.rdates.get(self.next_rdate).filter(|r| r.0 == earliest) {
            own_end = own_end.or(r.1);
            self.next_rdate += 1;
        }
        if self.dtstart == Some(earliest) {
            self.dtstart = None;
        }
        Some((earliest, own_end))
    }

    /// Why rules stopped before their end (work bounds).
    fn stops(&self) -> impl Iterator<Item = crate::recur::Stop> + '_ {
        self.rules.iter().filter_map(|r| r.iter.stopped())
    }
}

/// What EXDATE and EXRULE remove.
struct Exclusions {
    /// Whole days (day numbers): a DATE EXDATE, or any EXDATE of an all-day series.
    days: Vec<i64>,
    /// Wall clocks: floating EXDATEs.
    wall_clocks: Vec<i64>,
    /// Instants (seconds): zoned and UTC EXDATEs.
    instants: Vec<i64>,
    /// Each EXRULE with its next wall clock.
    exrules: Vec<(RuleIter, Option<i64>)>,
}

impl Exclusions {
    fn new(master: &Event, plan: &RulePlan<'_>) -> Exclusions {
        let mut excluded = Exclusions {
            days: Vec::new(),
            wall_clocks: Vec::new(),
            instants: Vec::new(),
            exrules: Vec::new(),
        };
        for exdate in &master.exdates {
            match (plan.kind, exdate) {
                (_, Time::Date(d)) => excluded
                    .days
                    .push(to_secs(d.to_datetime(jiff::civil::Time::midnight())).div_euclid(DAY)),
                (Kind::Date, t) => excluded
                    .days
                    .push(wall_in(t, plan.kind, plan.fz).div_euclid(DAY)),
                (_, Time::Floating(dt)) => excluded.wall_clocks.push(to_secs(*dt)),
                (_, t) => excluded.instants.push(t.instant(plan.fz).as_second()),
            }
        }
        excluded.days.sort_unstable();
        excluded.wall_clocks.sort_unstable();
        excluded.instants.sort_unstable();
        excluded.exrules = master
            .exrules
            .iter()
            .map(|rule| {
                let mut iter = plan.iter(rule, &plan.until(rule));
                let head = iter.next();
                (iter, head)
            })
            .collect();
        excluded
    }

    /// Whether the candidate at wall clock `wall` is excluded by a day, a floating EXDATE or an
    /// EXRULE (candidates come in increasing order).
    fn by_wall_clock(&mut self, wall: i64) -> bool {
        if self.days.binary_search(&wall.div_euclid(DAY)).is_ok()
            || self.wall_clocks.binary_search(&wall).is_ok()
        {
            return true;
        }
        let mut excluded = false;
        for (iter, head) in &mut self.exrules {
            while head.is_some_and(|h| h < wall) {
                *head = iter.next();
            }
            excluded |= *head == Some(wall);
        }
        excluded
    }

    /// Whether an EXDATE names instant `at` (seconds).
    fn by_instant(&self, at: i64) -> bool {
        self.instants.binary_search(&at).is_ok()
    }

    /// Why EXRULEs stopped before their end (work bounds).
    fn stops(&self) -> impl Iterator<Item = crate::recur::Stop> + '_ {
        self.exrules.iter().filter_map(|(e, _)| e.stopped())
    }
}

/// A THISANDFUTURE override as applied to later instances.
struct Range {
    /// The instant of the instance it replaces; it applies to later ones.
    at: Timestamp,
    /// The override, whose data the instances take.
    event: usize,
    /// Its DTSTART minus its RECURRENCE-ID, on the series' wall clock.
    shift: i64,
    duration: Dur,
}

/// The THISANDFUTURE overrides of a series, sorted by RECURRENCE-ID.
struct Ranges(Vec<Range>);

impl Ranges {
    fn new(
        events: &[Event],
        m: usize,
        overrides: &[(usize, Timestamp)],
        kind: Kind<'_>,
        fz: &TimeZone,
    ) -> Ranges {
        let master = &events[m];
        let dtstart = to_secs(master.start.civil());
        Ranges(
            overrides
                .iter()
                .filter(|(i, _)| events[*i].this_and_future)
                .map(|&(i, at)| {
                    let o = &events[i];
                    let replaced = o.recurrence_id.as_ref().map_or(dtstart, |rid| {
                        match in_master_type(rid, &master.start) {
                            Some(rid) => wall_in(&rid, kind, fz),
                            None => wall_in(rid, kind, fz),
                        }
                    });
                    Range {
                        at,
                        event: i,
                        shift: wall_in(&o.start, kind, fz) - replaced,
                        duration: Dur::of(&o.start, o.end.as_ref(), fz),
                    }
                })
                .collect(),
        )
    }

    /// The latest range that starts before instant `at`.
    fn applying(&self, at: Timestamp) -> Option<&Range> {
        let later = self.0.partition_point(|r| r.at < at);
        later.checked_sub(1).map(|i| &self.0[i])
    }

    /// How much further the ranges may move an instance, and lengthen it, in seconds.
    fn reach(&self) -> i64 {
        self.0.iter().fold(0i64, |reach, r| {
            reach
                .saturating_add(r.shift.saturating_abs())
                .saturating_add(r.duration.approx())
        })
    }

    /// The sum of the shifts' sizes, in seconds.
    fn total_shift(&self) -> i64 {
        self.0
            .iter()
            .fold(0i64, |s, r| s.saturating_add(r.shift.saturating_abs()))
    }
}
