# series: see crates/site/src/i18n.rs for the file layout.
