//! `generate`: synthetic sample articles for tests and benchmarks.
//!
//! The same count and seed give the same articles, byte for byte. Every one
//! says in its headline and first sentence that it is a sample. They spread
//! over the ten years before [`NEWEST`], over every leaf section of the
//! edition, at the newsroom's offset and a few others.
//!
//! With [`with_lead_photos`] (`generate --with-photos`) each also gets a
//! lead photo, taken in turn from the photos it is given, for benchmarks
//! of the image pipeline (`bench/images.mjs`); the texts stay the same.

use std::collections::BTreeMap;

use brnn_model::date::{CivilDate, Published, UtcOffset};
use brnn_model::format::{Article, Edition};
use brnn_model::locale::Locale;
use brnn_model::slug::SectionPath;
use fastrand::Rng;

use crate::article_source::ArticleSource;
use crate::markdown;

/// The folder below an edition's content folder that `generate` owns.
pub const GENERATED_FOLDER: &str = "generated";

/// The folder of the content folder whose photos `generate --with-photos` uses.
pub const PHOTOS_FOLDER: &str = "photos";

/// The last day generated articles may fall on (so output never depends on today).
const NEWEST: (i32, u8, u8) = (2025, 11, 3);
const YEARS: i64 = 10;

/// Beijing's offset, the newsroom's, most often; then Europe, UTC, New York and Delhi.
const OFFSETS: [UtcOffset; 9] = {
    let beijing = UtcOffset::from_minutes(480);
    [
        beijing,
        beijing,
        beijing,
        beijing,
        UtcOffset::from_minutes(60),
        UtcOffset::from_minutes(120),
        UtcOffset::UTC,
        UtcOffset::from_minutes(-300),
        UtcOffset::from_minutes(330),
    ]
};

const SUBJECTS: [&str; 10] = [
    "Hafenbetreiber",
    "Forschungsteam",
    "Stadtverwaltung",
    "Bahngesellschaft",
    "Energieversorger",
    "Handelskammer",
    "Universität",
    "Logistikunternehmen",
    "Kulturstiftung",
    "Landwirtschaftsverband",
];
const ACTIONS: [&str; 10] = [
    "eröffnet",
    "plant",
    "erweitert",
    "präsentiert",
    "prüft",
    "modernisiert",
    "fördert",
    "startet",
    "beschließt",
    "untersucht",
];
const OBJECTS: [&str; 10] = [
    "neue Güterverbindung",
    "Ausbau der Solarparks",
    "Programm für Fachkräfte",
    "Zentrum für Wasserstoff",
    "grenzüberschreitenden Austausch",
    "Brücke über den Fluss",
    "digitale Zollabwicklung",
    "Museum für Seidenstraßenkunst",
    "Netz für Ladestationen",
    "Studie zur Getreideernte",
];
const SENTENCES: [&str; 12] = [
    "Die Beteiligten sprechen von einem wichtigen Schritt für die Region.",
    "Nach Angaben der Veranstalter nahmen mehr als zweihundert Gäste teil.",
    "Erste Ergebnisse sollen im kommenden Frühjahr vorliegen.",
    "Fachleute begrüßen das Vorhaben, mahnen aber zu sorgfältiger Planung.",
    "Die Kosten werden von mehreren Partnern gemeinsam getragen.",
    "Für die Anwohner ändert sich zunächst wenig, heißt es aus der Verwaltung.",
    "Ähnliche Projekte gibt es bereits in drei Nachbarprovinzen.",
    "Der Zeitplan gilt als ehrgeizig, aber erreichbar.",
    "Über weitere Einzelheiten wollen die Partner im Herbst informieren.",
    "Studierende und Auszubildende sollen besonders davon profitieren.",
    "Die Arbeiten beginnen nach Abschluss der Genehmigungsverfahren.",
    "Größere Mengen würden über die Schiene und den Seeweg befördert.",
];

/// `count` sample articles for `edition`, deterministic from `seed`; an
/// error if the edition has no section to put them in.
pub fn samples(
    edition: &Edition,
    count: usize,
    seed: u64,
) -> Result<impl Iterator<Item = ArticleSource> + '_, String> {
    let locale = Locale::for_lang(&edition.lang);
    let is_leaf = |path: &SectionPath| {
        edition
            .section_trail(path)
            .is_some_and(|trail| trail.last().is_some_and(|s| s.sections.is_empty()))
    };
    let leaves: Vec<SectionPath> = edition.section_paths().into_iter().filter(is_leaf).collect();
    if leaves.is_empty() {
        return Err(format!(
            "edition `{}` has no section to put samples in",
            edition.id
        ));
    }
    let newest = CivilDate::new(NEWEST.0, NEWEST.1, NEWEST.2).expect("a real date");
    let mut rng = Rng::with_seed(seed);
    Ok((1..=count).map(move |number| {
        let section = pick(&mut rng, &leaves).clone();
        let day = newest.days_since_epoch() - rng.i64(0..YEARS * 365);
        let published = Published::at(
            CivilDate::from_days_since_epoch(day),
            rng.u8(6..23),
            rng.u8(0..60),
            0,
            *pick(&mut rng, &OFFSETS),
        );
        let headline = format!(
            "Beispiel: {} {} {}",
            pick(&mut rng, &SUBJECTS),
            pick(&mut rng, &ACTIONS),
            pick(&mut rng, &OBJECTS)
        );
        let mut paragraphs = vec![format!(
            "Dies ist ein automatisch erzeugter Beispielartikel von brnn-news \
             (Nummer {number} von {count}, Startwert {seed}) und keine echte Nachricht."
        )];
        for _ in 0..rng.usize(2..5) {
            let sentences: Vec<&str> = (0..rng.usize(2..5))
                .map(|_| *pick(&mut rng, &SENTENCES))
                .collect();
            paragraphs.push(sentences.join(" "));
        }
        let id = format!("beispiel-{seed}-{number:06}")
            .parse()
            .expect("letters, digits and hyphens make a slug");
        ArticleSource {
            dateline: Some(locale.long_date(published.local_date())),
            translations: BTreeMap::new(),
            authors: Vec::new(),
            front: None,
            body: markdown::plain_paragraphs(&paragraphs),
            article: Article::plain(
                id,
                section,
                headline,
                published,
                "brnn-news Beispielgenerator".to_owned(),
                paragraphs,
            ),
        }
    }))
}

/// Gives the samples lead photos: the first `photos[0]`, the next
/// `photos[1]`, and so on round (paths as a source writes them, relative to
/// the content folder). Nothing else changes, so the texts, dates and
/// sections are those of the same count and seed without photos.
pub fn with_lead_photos(
    samples: impl Iterator<Item = ArticleSource>,
    photos: Vec<String>,
) -> impl Iterator<Item = ArticleSource> {
    assert!(!photos.is_empty(), "lead photos need at least one photo");
    samples
        .zip(photos.into_iter().cycle())
        .map(|(mut source, photo)| {
            let alt = format!("Beispielfoto ({photo})");
            source.article.image = Some(markdown::written_image(&photo, alt, Vec::new()));
            source
        })
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

/// Where a sample goes below the edition's folder: one folder per year, as an archive would be kept.
pub fn relative_path(source: &ArticleSource) -> String {
    let article = &source.article;
    format!(
        "{GENERATED_FOLDER}/{}/{}.txt",
        article.published.local_date().year,
        article.id
    )
}
