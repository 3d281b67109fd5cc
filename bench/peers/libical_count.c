/* Peer for bench/run's whole-process CLI row: libical (Debian's libical-dev, 3.0) on one file.
 *
 * Usage: libical_count FILE FROM TO      FROM and TO are YYYY-MM-DD; the window [FROM, TO) in UTC
 *
 * Reads the file, parses it (icalparser_parse_string), and lists every VEVENT's instances in the
 * window with icalcomponent_foreach_recurrence (RRULE, RDATE and EXDATE; the zones from the
 * file's VTIMEZONEs). An instance that an override (a VEVENT with the same UID and a
 * RECURRENCE-ID) replaces is not counted: the override is counted instead, as touchpoint lists it.
 * Prints one line, the count; nothing per occurrence, so the process does less than touchpoint's
 * `occurrences --json`, which writes every one.
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An override: its UID and the instant (UTC seconds) its RECURRENCE-ID names. */
struct override {
    const char *uid;
    time_t at;
};

static struct override *overrides;
static size_t n_overrides;

static int by_uid_then_time(const void *a, const void *b) {
    const struct override *x = a, *y = b;
    int c = strcmp(x->uid, y->uid);
    if (c) return c;
    return (x->at > y->at) - (x->at < y->at);
}

/* A time's instant, in its own zone (the file's VTIMEZONE), UTC, or floating read as UTC. */
static time_t instant(icalproperty *prop, struct icaltimetype t) {
    icalparameter *tzid = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER);
    icaltimezone *zone = NULL;
    if (tzid && !t.is_date) {
        icalcomponent *parent = icalproperty_get_parent(prop);
        while (parent && icalcomponent_isa(parent) != ICAL_VCALENDAR_COMPONENT)
            parent = icalcomponent_get_parent(parent);
        if (parent) zone = icalcomponent_get_timezone(parent, icalparameter_get_tzid(tzid));
    }
    if (!zone) zone = icaltimezone_get_utc_timezone();
    return icaltime_as_timet_with_zone(t, zone);
}

struct counting {
    const char *uid;
    size_t count;
};

static void count_one(icalcomponent *comp, struct icaltime_span *span, void *data) {
    (void)comp;
    struct counting *c = data;
    if (c->uid && n_overrides) {
        struct override key = {c->uid, span->start};
        if (bsearch(&key, overrides, n_overrides, sizeof key, by_uid_then_time)) return;
    }
    c->count++;
}

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)len + 1);
    if (!text || fread(text, 1, (size_t)len, f) != (size_t)len) {
        perror(path);
        exit(2);
    }
    text[len] = 0;
    fclose(f);
    return text;
}

static struct icaltimetype day(const char *ymd) {
    int y, m, d;
    if (sscanf(ymd, "%d-%d-%d", &y, &m, &d) != 3) {
        fprintf(stderr, "not a date: %s\n", ymd);
        exit(2);
    }
    struct icaltimetype t = icaltime_null_time();
    t.year = y;
    t.month = m;
    t.day = d;
    return icaltime_convert_to_zone(t, icaltimezone_get_utc_timezone());
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s FILE FROM TO\n", argv[0]);
        return 2;
    }
    char *text = slurp(argv[1]);
    icalcomponent *cal = icalparser_parse_string(text);
    if (!cal) {
        fprintf(stderr, "%s: not iCalendar\n", argv[1]);
        return 2;
    }
    struct icaltimetype from = day(argv[2]), to = day(argv[3]);

    size_t cap = 0;
    for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        icalproperty *rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
        if (!rid) continue;
        if (n_overrides == cap) {
            cap = cap ? cap * 2 : 256;
            overrides = realloc(overrides, cap * sizeof *overrides);
        }
        overrides[n_overrides].uid = icalcomponent_get_uid(ev);
        overrides[n_overrides].at = instant(rid, icalproperty_get_recurrenceid(rid));
        n_overrides++;
    }
    qsort(overrides, n_overrides, sizeof *overrides, by_uid_then_time);

    size_t total = 0;
    for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        int is_override = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY) != NULL;
        struct counting c = {is_override ? NULL : icalcomponent_get_uid(ev), 0};
        icalcomponent_foreach_recurrence(ev, from, to, count_one, &c);
        total += c.count;
    }
    printf("%zu\n", total);
    icalcomponent_free(cal);
    free(overrides);
    free(text);
    return 0;
}
