//! One master event's occurrences in a window, in named steps (as ical.js's
//! `recur_expansion.js`; one rule alone is module `recur`):
//!
//! 1. [`Candidates`]: the merged, deduplicated stream of wall-clock starts of its RRULEs (DTSTART
//!    first), its RDATEs and DTSTART, fast-forwarded to the window.
//! 2. [`Exclusions`]: EXDATE (by day, wall clock or instant) and EXRULE remove candidates; so do
//!    the instances that an override replaces.
//! 3. [`Ranges`]: a RANGE=THISANDFUTURE override moves and re-times every later instance.
//! 4. Emit: the survivors that overlap the window are listed as [`Found`] values, in order of
//!    start instant ([`MasterIter`]).
//!
//! The rules of each step are on module `expand`.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use std::collections::VecDeque;

use crate::expand::{Ctx, Found, in_master_type};
use crate::instant::{Dur, Kind, Offsets, Stamp, resolve, wall, wall_in};
use crate::model::{Event, RDate, RRule, Time, Tz};
use crate::recur::{DAY, FIRST_SECOND, LAST_SECOND, RuleIter, from_secs, to_secs};

/// The occurrences of one master event (recurring or single) that overlap the window, in order
/// of start instant (then of generation), leaving out the instances its overrides stand for.
///
/// Generated lazily, one candidate at a time, so a merge of many series holds one pending
/// occurrence or a few per series, and a page of the earliest occurrences costs its page.
/// Candidates come in wall-clock order, and so do their instants, with two exceptions: a time
/// in a DST gap moves forward by the gap (under a day), past the instants of the next
/// candidates; a THISANDFUTURE override shifts its instances (by at most `shifts` seconds).
/// So an occurrence waits in `pending` until no later candidate can start before it.
pub(crate) struct MasterIter<'c> {
    m: usize,
    kind: Kind<'c>,
    /// The zone the wall clock is read in.
    zone: TimeZone,
    window: Seconds,
    /// Candidates before this wall clock cannot reach the window ([`RulePlan::first_wanted`]).
    first_wanted: i64,
    duration: Dur,
    ranges: Ranges,
    candidates: Candidates,
    exclusions: Exclusions,
    offsets: Offsets,
    /// The instants (seconds) of the master instances that overrides replace, sorted.
    replaced: Vec<i64>,
    recurring: bool,
    /// The sum of the THISANDFUTURE shifts' sizes, in seconds.
    shifts: i64,
    max_occurrences: usize,
    emitted: usize,
    /// Found but not yet listed, by start instant (seconds), then generation.
    pending: VecDeque<(i64, Found)>,
    /// No occurrence still to be generated starts before this instant (seconds).
    frontier: i64,
    done: bool,
    /// What stopped the expansion early (work bounds), once known.
    pub(crate) truncated: Vec<String>,
}

impl<'c> MasterIter<'c> {
    /// The occurrences of master event `m`; `overrides` are the kept overrides of its UID with
    /// the instants of the instances they replace (sorted by that instant).
    pub(crate) fn new(
        ctx: &Ctx<'_>,
        events: &'c [Event],
        m: usize,
        overrides: &[(usize, Timestamp)],
    ) -> MasterIter<'c> {
        let master = &events[m];
        let kind = Kind::of(&master.start);
        let zone = kind.zone(ctx.fz);
        let dtstart = to_secs(master.start.civil());
        let duration = Dur::of(&master.start, master.end.as_ref(), ctx.fz);
        let facts = ctx.zone(kind);
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
        // Instances starting before what is listed need not be generated at all.
        let plan = RulePlan {
            kind,
            zone,
            fz: ctx.fz,
            dtstart,
            first_wanted: facts.walls.0.saturating_sub(reach),
            horizon: facts.walls.1.saturating_add(reach).min(LAST_SECOND),
            max_candidates: ctx.limits.max_candidates_per_event,
        };
        let candidates = Candidates::new(master, &plan, rdates);
        let exclusions = Exclusions::new(master, &plan);
        let mut replaced: Vec<i64> = overrides.iter().map(|o| o.1.as_second()).collect();
        replaced.sort_unstable();
        MasterIter {
            m,
            kind,
            zone: zone.clone(),
            window: facts.window,
            first_wanted: plan.first_wanted,
            duration,
            shifts: ranges.total_shift(),
            ranges,
            candidates,
            exclusions,
            offsets: Offsets::new(zone, facts.spans),
            replaced,
            recurring: !master.rrules.is_empty() || !master.rdates.is_empty(),
            max_occurrences: ctx.limits.max_occurrences_per_event,
            emitted: 0,
            pending: VecDeque::new(),
            frontier: i64::MIN,
            done: false,
            truncated: Vec::new(),
        }
    }

    /// The index of the master event.
    pub(crate) fn event(&self) -> usize {
        self.m
    }

    /// Gives `push` the occurrences from `head` (the next one, already found) on that start
    /// before `limit` (seconds), at most `room`, finding each next one into `head`; how many
    /// it gave.
    #[inline(never)]
    pub(crate) fn pull(
        &mut self,
        head: &mut Option<(i64, Found)>,
        limit: i64,
        room: usize,
        push: &mut impl FnMut(i64, Found),
    ) -> usize {
        let mut taken = 0;
        while taken < room
            && let Some((at, found)) = *head
            && at < limit
        {
            push(at, found);
            taken += 1;
            *head = self.next();
        }
        taken
    }

    /// The next occurrence, with its start instant (seconds).
    #[inline]
    pub(crate) fn next(&mut self) -> Option<(i64, Found)> {
        loop {
            if let Some(&(at, _)) = self.pending.front()
                && (self.done || at <= self.frontier)
            {
                return self.pending.pop_front();
            }
            if self.done {
                return None;
            }
            let Some(found) = self.step() else {
                continue;
            };
            // Nearly always: nothing waits, and nothing later can start before this one.
            if self.pending.is_empty() && found.0 <= self.frontier {
                return Some(found);
            }
            // In order of start, then of generation: nearly always at the back.
            let after = self.pending.iter().rposition(|p| p.0 <= found.0);
            self.pending.insert(after.map_or(0, |i| i + 1), found);
        }
    }

    /// The next candidate's occurrence, if it is one; the end of the candidates (or a work
    /// bound) ends the expansion.
    fn step(&mut self) -> Option<(i64, Found)> {
        let Some((original_wall, own_end)) = self.candidates.next(&self.zone) else {
            self.done = true;
            let stops = self.candidates.stops().chain(self.exclusions.stops());
            self.truncated.extend(stops.map(|stop| stop.to_string()));
            return None;
        };
        // A rule with COUNT gives its instances from DTSTART on, however long before the window.
        if original_wall < self.first_wanted || self.exclusions.by_wall_clock(original_wall) {
            return None;
        }
        // Stamps hold instants inside jiff's range ([`Offsets`]): they compare as seconds.
        let original = self.offsets.at_wall(original_wall)?;
        // Later candidates have later wall clocks, which the zone maps to later instants unless
        // this one is in a gap, moved forward past them by less than a day. A shift on the wall
        // clock moves an instant by the shift and at most a change of offset (under a day).
        let in_gap = original.wall() != original.shown();
        let moved = if in_gap || self.shifts != 0 { DAY } else { 0 };
        self.frontier = original
            .at
            .saturating_sub(moved.saturating_add(self.shifts));
        if self.exclusions.by_instant(original.at)
            || self.replaced.binary_search(&original.at).is_ok()
        {
            return None;
        }
        let (event, shift, duration) = match self.ranges.applying(original.at) {
            Some(range) => (range.event, range.shift, range.duration),
            None => (self.m, 0, own_end.unwrap_or(self.duration)),
        };
        let start = if shift == 0 {
            original
        } else {
            self.offsets.at_wall(original_wall.saturating_add(shift))?
        };
        let (end, end_in_fold) = match duration {
            Dur::Exact(secs @ 1..) if let Some(end) = self.offsets.end_in_span(start, secs) => {
                (end, false)
            }
            _ => {
                let end = duration.end(start, &mut self.offsets)?;
                (end, end_in_fold(self.kind, end, &mut self.offsets))
            }
        };
        if !self.window.lists(start.at, end.at) {
            return None;
        }
        let found = Found {
            event: index(event),
            series: index(self.m),
            start,
            end,
            recurrence_id: original,
            recurring: self.recurring,
            own_values: false,
            end_in_fold,
        };
        self.emitted += 1;
        if self.emitted >= self.max_occurrences {
            self.done = true;
            self.truncated.push(format!(
                "stopped after {} occurrences in the window",
                self.max_occurrences
            ));
        }
        Some((start.at, found))
    }
}

#[cfg(test)]
impl MasterIter<'_> {
    /// Every occurrence in the order the candidates give them, before `pending` orders them.
    pub(crate) fn generated(mut self) -> Vec<(i64, Found)> {
        let mut all = Vec::new();
        while !self.done {
            all.extend(self.step());
        }
        all
    }
}

/// An override (or any event taken on its own) with its start instant (seconds), if it
/// overlaps the window and starts at or after what is listed.
pub(crate) fn emit_override(ctx: &Ctx<'_>, events: &[Event], i: usize) -> Option<(i64, Found)> {
    let event = &events[i];
    let kind = Kind::of(&event.start);
    let zone = kind.zone(ctx.fz);
    let start_at = resolve(zone, event.start.civil())?;
    let offset = zone.to_offset(start_at).seconds();
    let start = Stamp::new(to_secs(event.start.civil()), start_at.as_second(), offset)?;
    let facts = ctx.zone(kind);
    let mut offsets = Offsets::new(zone, facts.spans);
    let duration = Dur::of(&event.start, event.end.as_ref(), ctx.fz);
    let end = duration.end(start, &mut offsets)?;
    if !facts.window.lists(start.at, end.at) {
        return None;
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
    Some((start.at, found))
}

/// Whether `end` is the later instant of a wall clock that repeats (a fold): its value then
/// keeps its offset ([`Stamp::value`]).
fn end_in_fold(kind: Kind<'_>, end: Stamp, offsets: &mut Offsets) -> bool {
    matches!(kind, Kind::Zoned(_)) && offsets.instant(end.wall()) != Some(end.at)
}

/// An event's index as [`Found`] keeps it (a calendar of four billion events is not read).
fn index(event: usize) -> u32 {
    u32::try_from(event).unwrap_or(u32::MAX)
}

/// The window and the first instant listed, in whole seconds for the comparisons with every
/// instance's start and end (which have no fraction of a second; the bounds may: jiff's last
/// instant is 22:00:00.999999999 on 9999-12-30).
#[derive(Clone, Copy)]
pub(crate) struct Seconds {
    /// The window's start, rounded down and up.
    from_floor: i64,
    from_ceil: i64,
    /// The window's end, rounded up.
    to_ceil: i64,
    /// Occurrences starting before this instant are not listed (rounded up).
    first_ceil: i64,
}

impl Seconds {
    pub(crate) fn new((from, to): (Timestamp, Timestamp), first: Timestamp) -> Seconds {
        let floor = |t: Timestamp| t.as_second() - i64::from(t.subsec_nanosecond() < 0);
        let ceil = |t: Timestamp| t.as_second() + i64::from(t.subsec_nanosecond() > 0);
        Seconds {
            from_floor: floor(from),
            from_ceil: ceil(from),
            to_ceil: ceil(to),
            first_ceil: ceil(first),
        }
    }

    /// Whether an instance from `start` to `end` is listed: it overlaps the window (starts
    /// before its end and ends after its start; an instant one starts inside it) and does not
    /// start before the first instant listed.
    #[inline]
    fn lists(&self, start: i64, end: i64) -> bool {
        start < self.to_ceil
            && (end > self.from_floor || (end == start && start >= self.from_ceil))
            && start >= self.first_ceil
    }
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
struct Candidates {
    rules: Vec<RuleStream>,
    /// Each rule's next wall clock.
    heads: Vec<Option<i64>>,
    rdates: Vec<(i64, Option<Dur>)>,
    next_rdate: usize,
    /// DTSTART of a series without rules, until it is listed.
    dtstart: Option<i64>,
    horizon: i64,
}

impl Candidates {
    fn new(master: &Event, plan: &RulePlan<'_>, rdates: Vec<(i64, Option<Dur>)>) -> Candidates {
        let mut rules: Vec<RuleStream> = master
            .rrules
            .iter()
            .map(|rule| RuleStream::new(rule, plan))
            .collect();
        let heads = rules.iter_mut().map(|r| r.next(plan.zone)).collect();
        let next_rdate = rdates.partition_point(|r| r.0 < plan.first_wanted.max(FIRST_SECOND));
        Candidates {
            rules,
            heads,
            rdates,
            next_rdate,
            dtstart: master.rrules.is_empty().then_some(plan.dtstart),
            horizon: plan.horizon,
        }
    }

    /// The next wall clock, with an RDATE period's own duration (`zone`: the series' zone).
    fn next(&mut self, zone: &TimeZone) -> Option<(i64, Option<Dur>)> {
        // Nearly every series: one rule, and no RDATE left to merge in.
        if let ([rule], [head]) = (&mut self.rules[..], &mut self.heads[..])
            && self.next_rdate == self.rdates.len()
        {
            let earliest = head.filter(|h| *h <= self.horizon)?;
            *head = rule.next(zone);
            return Some((earliest, None));
        }
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
                *head = rule.next(zone);
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
    /// The instant (seconds) of the instance it replaces; it applies to later ones.
    at: i64,
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
                        at: at.as_second(),
                        event: i,
                        shift: wall_in(&o.start, kind, fz) - replaced,
                        duration: Dur::of(&o.start, o.end.as_ref(), fz),
                    }
                })
                .collect(),
        )
    }

    /// The latest range that starts before instant `at` (seconds).
    fn applying(&self, at: i64) -> Option<&Range> {
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
