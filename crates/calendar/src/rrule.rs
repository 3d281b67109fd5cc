//! `RRULE` text: parsing (`FromStr`) and writing (`Display`).
