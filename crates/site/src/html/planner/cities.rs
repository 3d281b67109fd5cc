//! The planner's city search: "Tokyo", "Sao Paulo" (no accent), "Bangalore" (a former name) or
//! "Pacific/Chatham" find the place and its zone.
//!
//! The cities are GeoNames' (`crates/site/data/cities.tsv`, made by `scripts/gen-cities`, whose
//! header says what is kept and why): about 4,000 cities of 150,000 people or more, with their
//! other names for the largest. Every IANA zone is a place too, named by its last segment
//! ("Chatham"), so a small town's zone is one search away. Matching folds case, accents and
//! punctuation on both sides ([`fold`]).

use std::sync::LazyLock;

use touchpoint_calendar::Tz;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The generated data file (see the module doc).
const DATA: &str = include_str!("../../../data/cities.tsv");

/// The most places a search answers with.
pub const MAX_RESULTS: usize = 8;

/// One city of the data file.
#[derive(Debug)]
pub struct City {
    /// Its name as GeoNames writes it: "São Paulo".
    pub name: &'static str,
    /// ISO 3166 country code: "BR".
    pub country: &'static str,
    /// The US state ("OR"), or the GeoNames id where a country has two cities of one name;
    /// empty otherwise.
    pub region: &'static str,
    /// Its IANA zone.
    pub zone: &'static str,
    /// People living there.
    pub population: u32,
    /// Other names it goes by: "Bangalore".
    pub aliases: Vec<&'static str>,
    folded_name: String,
    folded_aliases: Vec<String>,
    key: String,
}

impl City {
    /// The city's token in a planner address: "sao-paulo-br", "portland-us-or".
    pub fn key(&self) -> &str {
        &self.key
    }
}

static CITIES: LazyLock<Vec<City>> = LazyLock::new(|| parse(DATA));

/// Every city of the data file, largest first.
pub fn all() -> &'static [City] {
    &CITIES
}

fn parse(data: &'static str) -> Vec<City> {
    data.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let name = fields.next()?;
            let country = fields.next()?;
            let region = fields.next()?;
            let zone = fields.next()?;
            let population = fields.next()?.parse().ok()?;
            let aliases: Vec<&str> = fields
                .next()
                .unwrap_or_default()
                .split('|')
                .filter(|a| !a.is_empty())
                .collect();
            let folded_name = fold(name);
            let mut key = slug(&folded_name);
            for part in [country, region] {
                if !part.is_empty() {
                    key.push('-');
                    key.push_str(&part.to_ascii_lowercase());
                }
            }
            Some(City {
                folded_aliases: aliases.iter().map(|a| fold(a)).collect(),
                name,
                country,
                region,
                zone,
                population,
                aliases,
                folded_name,
                key,
            })
        })
        .collect()
}

/// `text` as it is compared: lower case, without accents ("São" → "sao", "Łódź" → "lodz"),
/// punctuation and `_` as single spaces ("Sao_Paulo", "Xi’an" → "sao paulo", "xi an").
///
/// Unicode decomposition (NFD) takes accents off most letters; the letters that do not
/// decompose (ł, ø, ß, ı, đ, æ, œ, þ) are mapped by hand, as no decomposition covers them.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut space = true;
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        let mapped: &str = match c {
            'ł' | 'Ł' => "l",
            'ø' | 'Ø' => "o",
            'ß' => "ss",
            'ı' => "i",
            'đ' | 'Đ' | 'ð' | 'Ð' => "d",
            'æ' | 'Æ' => "ae",
            'œ' | 'Œ' => "oe",
            'þ' | 'Þ' => "th",
            c if c.is_alphanumeric() => {
                space = false;
                folded.extend(c.to_lowercase());
                continue;
            }
            _ => {
                if !space {
                    folded.push(' ');
                    space = true;
                }
                continue;
            }
        };
        space = false;
        folded.push_str(mapped);
    }
    if folded.ends_with(' ') {
        folded.pop();
    }
    folded
}

/// "sao paulo" → "sao-paulo".
fn slug(folded: &str) -> String {
    folded.replace(' ', "-")
}

/// A place a planner row can show: a city of the data file or a bare IANA zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// What the row is called: "Bengaluru", or "Chatham" for `Pacific/Chatham`.
    pub name: String,
    /// Where it is, when it is a city: "IN", "US, OR".
    pub country: Option<String>,
    /// The other name the search matched, when not the name: "Bangalore".
    pub matched: Option<String>,
    /// Its zone.
    pub tz: Tz,
    /// Its token in the address: a city's key, or the zone's IANA name.
    pub key: String,
}

impl Place {
    fn city(city: &City, matched: Option<&str>) -> Option<Place> {
        let country = if city.country == "US" && !city.region.is_empty() {
            format!("US, {}", city.region)
        } else {
            city.country.to_owned()
        };
        Some(Place {
            name: city.name.to_owned(),
            country: Some(country),
            matched: matched.map(str::to_owned),
            tz: Tz::iana(city.zone)?,
            key: city.key.clone(),
        })
    }

    /// The place of a bare zone, named after its last segment ("New York", "UTC").
    pub fn zone(tz: Tz) -> Place {
        let name = tz
            .name
            .rsplit('/')
            .next()
            .unwrap_or(&tz.name)
            .replace('_', " ");
        Place {
            name,
            country: None,
            matched: None,
            key: tz.name.to_string(),
            tz,
        }
    }
}

/// How well a place matched, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    /// The whole name (or zone id, or key).
    Exact,
    /// The whole of another name.
    ExactAlias,
    /// The start of the name.
    Prefix,
    /// The start of another name.
    AliasPrefix,
    /// The start of a later word of a name: "paulo" in "sao paulo".
    Word,
}

/// A search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The place.
    pub place: Place,
    /// How well it matched.
    pub fit: Fit,
}

fn fit_of(folded: &str, query: &str, alias: bool) -> Option<Fit> {
    let (exact, prefix) = if alias {
        (Fit::ExactAlias, Fit::AliasPrefix)
    } else {
        (Fit::Exact, Fit::Prefix)
    };
    if folded == query {
        Some(exact)
    } else if folded.starts_with(query) {
        Some(prefix)
    } else if folded
        .match_indices(' ')
        .any(|(at, _)| folded[at + 1..].starts_with(query))
    {
        Some(Fit::Word)
    } else {
        None
    }
}

/// The longest query [`search`] reads, in bytes: well over any place's name or other name.
const LONGEST_QUERY: usize = 1024;

/// The places matching `query`, best first: by how well they match, then by population (a bare
/// zone counts as none), at most [`MAX_RESULTS`]. A zone is left out when a city already found
/// has that zone and that name ("Tokyo" finds the city, not also `Asia/Tokyo`).
pub fn search(query: &str) -> Vec<Found> {
    // No place's name is near this long (the longest, another name, is 193 bytes): a longer
    // query finds nothing, and is not folded and compared with every name to learn it.
    if query.len() > LONGEST_QUERY {
        return Vec::new();
    }
    let query = fold(query);
    if query.is_empty() {
        return Vec::new();
    }
    // Once, not per city: a 15 KB query copied for each of them took a second.
    let key = query.replace(' ', "-");
    let mut found: Vec<(Fit, u32, &City, Option<&str>)> = Vec::new();
    for city in all() {
        let by_name = fit_of(&city.folded_name, &query, false).map(|fit| (fit, None));
        let by_key = (city.key == key).then_some((Fit::Exact, None));
        let by_alias = || {
            city.folded_aliases
                .iter()
                .zip(&city.aliases)
                .filter_map(|(folded, alias)| {
                    fit_of(folded, &query, true).map(|fit| (fit, Some(*alias)))
                })
                .min_by_key(|(fit, _)| *fit)
        };
        if let Some((fit, alias)) = by_key.or(by_name).or_else(by_alias) {
            found.push((fit, city.population, city, alias));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut results: Vec<Found> = found
        .into_iter()
        .take(MAX_RESULTS)
        .filter_map(|(fit, _, city, alias)| {
            // Another name is shown when it was typed in full: the start of one ("bangal") could
            // be any of several spellings GeoNames lists.
            let alias = alias.filter(|_| fit == Fit::ExactAlias);
            Place::city(city, alias).map(|place| Found { place, fit })
        })
        .collect();
    let mut zones: Vec<Found> = jiff::tz::db()
        .available()
        .filter_map(|name| {
            let name = name.as_str();
            let folded = fold(name);
            let city_part = fold(name.rsplit('/').next().unwrap_or(name));
            let fit = if folded == query || city_part == query {
                Fit::Exact
            } else {
                fit_of(&city_part, &query, false).or_else(|| fit_of(&folded, &query, false))?
            };
            Some(Found {
                place: Place::zone(Tz::iana(name)?),
                fit,
            })
        })
        .filter(|zone| {
            !results.iter().any(|city| {
                city.place.tz == zone.place.tz && fold(&city.place.name) == fold(&zone.place.name)
            })
        })
        .collect();
    zones.sort_by(|a, b| a.fit.cmp(&b.fit).then(a.place.key.cmp(&b.place.key)));
    results.extend(zones);
    // Stable: cities before zones at the same fit.
    results.sort_by_key(|found| found.fit);
    results.truncate(MAX_RESULTS);
    results
}

/// The place an address token names: an IANA zone ("Asia/Kolkata"), a city's key
/// ("bengaluru-in"), or a name that only one place has exactly ("Tokyo").
pub fn resolve(token: &str) -> Option<Place> {
    if let Some(tz) = Tz::iana(token) {
        return Some(Place::zone(tz));
    }
    if let Some(city) = all().iter().find(|city| city.key == token) {
        return Place::city(city, None);
    }
    match pick(&search(token)) {
        Pick::One(place) => Some(place),
        _ => None,
    }
}

/// What a search for one city to add came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Pick {
    /// One place: the only exact match, or the exact matches all in one zone (the largest).
    One(Place),
    /// Several candidates to choose from.
    Choose(Vec<Place>),
    /// Nothing.
    None,
}

/// Which of `found` (best first) a search means.
pub fn pick(found: &[Found]) -> Pick {
    let exact: Vec<&Found> = found.iter().filter(|f| f.fit <= Fit::ExactAlias).collect();
    match exact.first() {
        // "Suzhou" is two cities in one zone: either is right for the planner.
        Some(first) if exact.iter().all(|f| f.place.tz == first.place.tz) => {
            Pick::One(first.place.clone())
        }
        Some(_) => Pick::Choose(exact.into_iter().map(|f| f.place.clone()).collect()),
        None if found.len() == 1 => Pick::One(found[0].place.clone()),
        None if found.is_empty() => Pick::None,
        None => Pick::Choose(found.iter().map(|f| f.place.clone()).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(query: &str) -> Place {
        search(query)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("nothing found for {query:?}"))
            .place
    }

    #[test]
    fn can_fold_accents_case_and_punctuation() {
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(fold("  SAO_PAULO "), "sao paulo");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Xi’an"), "xi an");
        assert_eq!(fold("Düsseldorf"), "dusseldorf");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Diyarbakır"), "diyarbakir");
    }

    #[test]
    fn can_find_cities_by_name_with_or_without_accents() {
        let tokyo = first("Tokyo");
        assert_eq!(
            (tokyo.name.as_str(), &*tokyo.tz.name),
            ("Tokyo", "Asia/Tokyo")
        );
        assert_eq!(tokyo.key, "tokyo-jp");
        for query in ["São Paulo", "Sao Paulo", "sao paulo", "SAO-PAULO"] {
            let place = first(query);
            assert_eq!(place.name, "São Paulo", "{query}");
            assert_eq!(&*place.tz.name, "America/Sao_Paulo", "{query}");
        }
        let bengaluru = first("Bengaluru");
        assert_eq!(&*bengaluru.tz.name, "Asia/Kolkata");
        assert_eq!(bengaluru.matched, None);
    }

    #[test]
    fn can_find_cities_by_another_name() {
        let place = first("Bangalore");
        assert_eq!(place.name, "Bengaluru");
        assert_eq!(place.matched.as_deref(), Some("Bangalore"));
        assert_eq!(&*place.tz.name, "Asia/Kolkata");
        assert_eq!(first("Bombay").name, "Mumbai");
        assert_eq!(first("Peking").name, "Beijing");
    }

    #[test]
    fn can_find_bare_zones_by_id_or_last_segment() {
        let chatham = first("Chatham");
        assert_eq!(&*chatham.tz.name, "Pacific/Chatham");
        assert_eq!(chatham.country, None);
        assert_eq!(&*first("Pacific/Chatham").tz.name, "Pacific/Chatham");
        // A city and its zone of the same name are one result.
        let tokyo: Vec<_> = search("Tokyo")
            .into_iter()
            .filter(|f| f.place.name == "Tokyo")
            .collect();
        assert_eq!(tokyo.len(), 1, "{tokyo:?}");
    }

    #[test]
    fn finds_nothing_for_a_query_longer_than_every_name_by_far() {
        // The bound on what a request may ask is well above every name a place has.
        let longest = all()
            .iter()
            .flat_map(|city| std::iter::once(&city.folded_name).chain(&city.folded_aliases))
            .map(String::len)
            .max()
            .unwrap();
        assert!(longest * 2 < LONGEST_QUERY, "{longest}");
        assert!(search(&"a".repeat(15_000)).is_empty());
    }

    #[test]
    fn ranks_exact_before_prefix_and_large_before_small() {
        let found = search("San");
        assert!(found.len() > 3);
        assert!(found.windows(2).all(|w| w[0].fit <= w[1].fit));
        let names: Vec<_> = search("Portland")
            .into_iter()
            .map(|f| f.place.key)
            .collect();
        assert_eq!(names.first().map(String::as_str), Some("portland-us-or"));
    }

    #[test]
    fn resolves_address_tokens() {
        assert_eq!(
            resolve("bengaluru-in").map(|p| p.name),
            Some("Bengaluru".to_owned())
        );
        assert_eq!(
            resolve("Europe/Berlin").map(|p| (p.name, p.key)),
            Some(("Berlin".to_owned(), "Europe/Berlin".to_owned()))
        );
        assert_eq!(resolve("Tokyo").map(|p| p.key), Some("tokyo-jp".to_owned()));
        assert_eq!(resolve("Nowhere/City"), None);
    }

    #[test]
    fn asks_which_when_exact_matches_differ_in_zone() {
        // Hyderabad: India (Asia/Kolkata) and Pakistan (Asia/Karachi).
        match pick(&search("Hyderabad")) {
            Pick::Choose(places) => {
                let zones: Vec<_> = places.iter().map(|p| &*p.tz.name).collect();
                assert!(
                    zones.contains(&"Asia/Kolkata") && zones.contains(&"Asia/Karachi"),
                    "{zones:?}"
                );
            }
            other => panic!("expected a choice, got {other:?}"),
        }
        assert!(matches!(pick(&search("Bengaluru")), Pick::One(p) if p.name == "Bengaluru"));
        assert_eq!(pick(&search("Xyzzyq")), Pick::None);
    }

    #[test]
    fn every_city_has_a_known_zone_and_a_unique_key() {
        let mut keys = std::collections::HashSet::new();
        assert!(all().len() > 3_000, "{}", all().len());
        for city in all() {
            assert!(Tz::iana(city.zone).is_some(), "{} {}", city.name, city.zone);
            assert!(keys.insert(city.key()), "duplicate key {}", city.key());
        }
    }
}
