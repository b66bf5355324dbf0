//! One article source file: a TOML header between `+++` lines, then the body
//! in CommonMark (`markdown`); plain paragraphs separated by blank lines are
//! CommonMark too.
//!
//! ```text
//! +++
//! headline = "China und Russland streben engere Zusammenarbeit in allen Bereichen an"
//! section = "bri-nachrichten/aktuelles"
//! published = 2025-11-04T00:00:00+08:00
//! dateline = "Dienstag, 04. November 2025"   # optional: the date as printed
//! source = ""                                # optional: empty when none is named
//! translations = { en = "sample-logistics" }  # optional: edition id = article id
//! authors = ["li-wei"]                       # optional: slugs of the edition's authors in network.toml
//! updated = 2025-11-05T10:00:00+08:00        # optional: when it last changed
//! correction = "…"                           # optional: what was corrected
//! image = "photos/hafen.jpg"                 # optional: the lead photo, in the content folder
//! image_alt = "Ein Containerschiff am Kai"   # what it shows; required with `image`
//! image_caption = "…"                        # optional
//! front = "lead"                             # optional: the editors' choice for the front page, "lead" or "top"
//! front_until = 2025-11-05T06:00:00+08:00    # optional, only with `front`: when the choice ends
//! +++
//!
//! First paragraph …
//! ```
//!
//! The article's id is the file name without `.txt`. The pages of the
//! house (`house_page`) are written in the same frame, header and body. [`render`] writes the
//! canonical form of a source's header, and its body as written, which
//! [`parse`] reads back unchanged.
//!
//! The `dateline` is never shown (a page prints the long date of
//! `published`): it is the date as the newsroom printed it, which `import`
//! keeps from the page, and [`parse`] refuses a source where the two
//! disagree. So an edit of one without the other, or a change of a
//! language's date pattern that would print another day than the newsroom
//! did, is caught by `check` instead of going out.
//!
//! `front` places the article on its edition's front page: `"lead"` as the
//! story that leads (of several, the newest), `"top"` in the row below it
//! (`brnn_model::front`). With `front_until` the choice ends at that
//! instant; the front page is written at the build's clock, so an expiry
//! takes effect at the next build after it.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use brnn_model::body::{Block, Image, Inline};
use brnn_model::date::Published;
use brnn_model::format::Article;
use brnn_model::front::{FrontChoice, Placement};
use brnn_model::locale::Locale;
use brnn_model::slug::{SectionPath, Slug};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml::Spanned;

use crate::markdown::{self, ParsedBody};
use crate::problem::{line_of, Problem};

const FENCE: &str = "+++";
/// The values of `front`.
const FRONT_LEAD: &str = "lead";
const FRONT_TOP: &str = "top";

/// The header as written; every field is optional here so that a missing one
/// gets a plain sentence instead of a parser's message.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    headline: Option<Spanned<String>>,
    section: Option<Spanned<String>>,
    published: Option<Spanned<toml::Value>>,
    dateline: Option<Spanned<String>>,
    #[serde(default)]
    source: String,
    translations: Option<BTreeMap<String, Spanned<String>>>,
    authors: Option<Spanned<Vec<String>>>,
    updated: Option<Spanned<toml::Value>>,
    correction: Option<Spanned<String>>,
    image: Option<Spanned<String>>,
    image_alt: Option<Spanned<String>>,
    image_caption: Option<String>,
    front: Option<Spanned<String>>,
    front_until: Option<Spanned<toml::Value>>,
}

/// An article as its source file holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSource {
    pub article: Article,
    /// The date as the newsroom printed it, kept to check `published` and
    /// the long date the page shows against (see the module's documentation).
    pub dateline: Option<String>,
    /// The same article in other editions: edition id → article id.
    pub translations: BTreeMap<Slug, Slug>,
    /// The authors' slugs, which the library resolves into `article.authors`.
    pub authors: Vec<Slug>,
    /// The body as written, in CommonMark, without the blank lines around it.
    pub body: String,
    /// The editors' choice of the article for the front page.
    pub front: Option<FrontChoice>,
}

/// A parsed source and where its section and translations were named (for
/// problems found later against the section tree and the other editions).
pub struct ParsedSource {
    pub source: ArticleSource,
    pub section_line: usize,
    /// The line of each translation, by edition id.
    pub translation_lines: BTreeMap<Slug, usize>,
    /// The line of `authors`.
    pub authors_line: usize,
    /// The articles the body links to, each with its line.
    pub article_links: Vec<(brnn_model::body::ArticleRef, usize)>,
    /// The photos it shows (the lead image's and the figures'), as written,
    /// each with its line; `article.image` and the figures hold them as
    /// written until the library reads them.
    pub photos: Vec<(String, usize)>,
}

impl ParsedSource {
    /// Lets go of what only the article's own page shows: the body (its
    /// blocks and its text as written), the source, the correction, and of
    /// the paragraphs all but what the lead is cut from ([`Article::lead`]
    /// reads the first, and of it only whether it is longer than a lead
    /// may be, and that much). At a million articles the bodies take some
    /// 1 GB: the library keeps its articles so, and the sources' cache
    /// keeps no more.
    pub fn shelve(&mut self) {
        let article = &mut self.source.article;
        article.paragraphs.truncate(1);
        article.paragraphs.shrink_to_fit();
        if let Some(first) = article.paragraphs.first_mut() {
            if let Some((cut, _)) = first.char_indices().nth(Article::LEAD_MAX_CHARS + 1) {
                first.truncate(cut);
                first.shrink_to_fit();
            }
        }
        article.body = Vec::new();
        article.source = String::new();
        article.correction = None;
        self.source.body = String::new();
    }
}

/// Parses and checks one source; every problem found is reported, not just the first.
pub fn parse(file: &Path, text: &str, locale: &Locale) -> Result<ParsedSource, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let id = slug_of(file, "the article id").map_err(|problem| vec![problem])?;
    let parts = split(file, text).map_err(|problem| vec![problem])?;
    let header: Header = read_header(file, parts.header).map_err(|problem| vec![problem])?;

    let mut fields = Fields::new(file, parts.header);
    let headline = fields.headline(header.headline.as_ref());
    let section = fields.section(header.section.as_ref());
    let published = fields.published(header.published.as_ref());
    if let (Some(published), Some(dateline)) = (published, &header.dateline) {
        fields.check_dateline(dateline, published, locale);
    }
    let (translations, translation_lines) = fields.translations(header.translations.as_ref());
    let authors = fields.authors(header.authors.as_ref());
    let updated = header
        .updated
        .as_ref()
        .and_then(|updated| fields.updated(updated, published));
    let correction = header
        .correction
        .as_ref()
        .and_then(|correction| fields.correction(correction));
    let lead_image = fields.lead_image(&header);
    let front = fields.front(&header);

    // The body as written, which `render` gives back unchanged.
    let (body, _) = trim_blank_lines(parts.body, parts.body_line);
    let ParsedBody {
        blocks,
        article_links,
        photos: figures,
    } = read_body(
        file,
        &parts,
        "the body is empty: write at least one paragraph below the header",
        &mut fields.problems,
    );

    match (headline, section, published) {
        (Some(headline), Some((section, section_line)), Some(published)) if fields.problems.is_empty() => {
            let source = header.source.trim().to_owned();
            let front = front.map(|(placement, until)| FrontChoice {
                placement,
                article: id.clone(),
                until,
            });
            let mut article = Article::plain(id, section, headline, published, source, Vec::new());
            article.updated = updated;
            article.correction = correction;
            article.set_body(blocks);
            let mut photos = Vec::new();
            if let Some((image, line)) = lead_image {
                photos.push((image.src.clone(), line));
                article.image = Some(image);
            }
            photos.extend(figures);
            Ok(ParsedSource {
                source: ArticleSource {
                    article,
                    dateline: header
                        .dateline
                        .map(|dateline| dateline.into_inner().trim().to_owned()),
                    translations,
                    authors,
                    body: body.to_owned(),
                    front,
                },
                section_line,
                translation_lines,
                authors_line: header.authors.map_or(1, |authors| fields.line(authors.span())),
                article_links,
                photos,
            })
        }
        _ => Err(fields.problems),
    }
}

/// The body below a source's header (`parts`) as blocks, with the articles
/// it links and the photos it shows. An empty body is a problem (`empty`
/// says what to write), and an unreadable one adds its problems: both to
/// `problems`, and the body then reads as nothing.
pub(crate) fn read_body(file: &Path, parts: &Parts, empty: &str, problems: &mut Vec<Problem>) -> ParsedBody {
    let (body, first_line) = trim_blank_lines(parts.body, parts.body_line);
    let read = markdown::parse(file, body, first_line);
    if read.as_ref().is_ok_and(|read| read.blocks.is_empty()) {
        problems.push(Problem::at(file, parts.body_line, empty));
    }
    read.unwrap_or_else(|found| {
        problems.extend(found);
        ParsedBody::default()
    })
}

/// `body` without its leading blank lines and trailing white space, and
/// the file's line it then starts on, given the line it started on.
pub(crate) fn trim_blank_lines(body: &str, line: usize) -> (&str, usize) {
    let blank = body.len() - body.trim_start_matches(['\n', '\r', ' ', '\t']).len();
    // Only whole lines go: indentation of the first line is CommonMark's.
    let start = body[..blank].rfind('\n').map_or(0, |newline| newline + 1);
    (body[start..].trim_end(), line + line_of(body, start) - 1)
}

/// The file's name without `.txt`, which is `what` it names (the article
/// id, a page's slug).
pub(crate) fn slug_of(file: &Path, what: &str) -> Result<Slug, Problem> {
    file.file_stem()
        .and_then(|stem| stem.to_str())
        .ok_or("the file name is not UTF-8".to_owned())
        .and_then(|stem| stem.parse::<Slug>().map_err(|error| error.to_string()))
        .map_err(|message| Problem::in_file(file, format!("the file name is {what}: {message}")))
}

/// A source's text cut at its `+++` lines.
pub(crate) struct Parts<'t> {
    /// Between the fences; its first line is the file's second.
    pub(crate) header: &'t str,
    /// After the closing fence.
    pub(crate) body: &'t str,
    /// The file's line of the closing fence, after which the body starts.
    pub(crate) body_line: usize,
}

/// Finds the header between the `+++` line that opens the file and the next one.
pub(crate) fn split<'t>(file: &Path, text: &'t str) -> Result<Parts<'t>, Problem> {
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some(FENCE) {
        return Err(Problem::at(
            file,
            1,
            "expected `+++` on the first line, to open the header",
        ));
    }
    let header_start = text.find('\n').map_or(text.len(), |end| end + 1);
    let mut header_end = header_start;
    for line in lines {
        if line.trim_end() == FENCE {
            return Ok(Parts {
                header: &text[header_start..header_end],
                body: text[header_end..].split_once('\n').map_or("", |(_, rest)| rest),
                body_line: line_of(text, header_end) + 1,
            });
        }
        header_end += line.len();
    }
    Err(Problem::at(
        file,
        1,
        "the header opened here is never closed by a `+++` line",
    ))
}

/// The header's TOML, or the parser's complaint on the file's line.
pub(crate) fn read_header<H: DeserializeOwned>(file: &Path, header: &str) -> Result<H, Problem> {
    toml::from_str(header).map_err(|error| {
        let line = error.span().map_or(2, |span| 1 + line_of(header, span.start));
        Problem::at(file, line, error.message().trim())
    })
}

/// The header's fields checked one by one, with the problems found so far.
pub(crate) struct Fields<'a> {
    file: &'a Path,
    header: &'a str,
    pub(crate) problems: Vec<Problem>,
}

impl<'a> Fields<'a> {
    /// The fields of `header`, the text between the fences of `file`.
    pub(crate) fn new(file: &'a Path, header: &'a str) -> Self {
        Fields {
            file,
            header,
            problems: Vec::new(),
        }
    }

    /// The file's line of a place in the header (the header starts on line 2).
    pub(crate) fn line(&self, span: Range<usize>) -> usize {
        1 + line_of(self.header, span.start)
    }

    pub(crate) fn report(&mut self, span: Range<usize>, message: impl Into<String>) {
        let line = self.line(span);
        self.problems.push(Problem::at(self.file, line, message));
    }

    /// `field` is required; `example` is a value to show how it is written.
    pub(crate) fn missing(&mut self, field: &str, example: &str) {
        self.problems.push(Problem::at(
            self.file,
            1,
            format!("the header has no `{field}`: add a line like `{field} = {example}`"),
        ));
    }

    fn headline(&mut self, headline: Option<&Spanned<String>>) -> Option<String> {
        let Some(headline) = headline else {
            self.missing("headline", "\"…\"");
            return None;
        };
        let text = headline.get_ref().trim();
        if text.is_empty() {
            self.report(headline.span(), "the headline is empty");
        }
        Some(text.to_owned())
    }

    /// The section's path and the line that names it.
    fn section(&mut self, section: Option<&Spanned<String>>) -> Option<(SectionPath, usize)> {
        let Some(section) = section else {
            self.missing("section", "\"bri-nachrichten/aktuelles\"");
            return None;
        };
        match section.get_ref().parse::<SectionPath>() {
            Ok(path) => Some((path, self.line(section.span()))),
            Err(error) => {
                self.report(section.span(), error.to_string());
                None
            }
        }
    }

    /// The publication instant, which every source has.
    fn published(&mut self, published: Option<&Spanned<toml::Value>>) -> Option<Published> {
        let Some(published) = published else {
            self.missing("published", "2025-11-04T09:30:00+08:00");
            return None;
        };
        self.timestamp("published", published)
    }

    /// A TOML datetime or a string, read as the one timestamp form.
    pub(crate) fn timestamp(&mut self, field: &str, value: &Spanned<toml::Value>) -> Option<Published> {
        let written = match value.get_ref() {
            toml::Value::Datetime(datetime) => datetime.to_string(),
            toml::Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        Published::parse(&written)
            .map_err(|error| self.report(value.span(), format!("{field}: {error}")))
            .ok()
    }

    /// An update must come after the publication it updates.
    fn updated(&mut self, updated: &Spanned<toml::Value>, published: Option<Published>) -> Option<Published> {
        let instant = self.timestamp("updated", updated)?;
        if published.is_some_and(|published| instant.unix_seconds() <= published.unix_seconds()) {
            self.report(
                updated.span(),
                format!("updated {instant} is not after published; an update comes later"),
            );
        }
        Some(instant)
    }

    fn correction(&mut self, correction: &Spanned<String>) -> Option<String> {
        let text = correction.get_ref().trim();
        if text.is_empty() {
            self.report(
                correction.span(),
                "the correction is empty: say what was corrected, or remove the line",
            );
            return None;
        }
        Some(text.to_owned())
    }

    /// The lead image as written, and the line of `image`; it needs its alt text.
    fn lead_image(&mut self, header: &Header) -> Option<(Image, usize)> {
        let Some(path) = &header.image else {
            if let Some(alt) = &header.image_alt {
                self.report(
                    alt.span(),
                    "`image_alt` without `image`: name the photo, e.g. `image = \"photos/hafen.jpg\"`",
                );
            }
            return None;
        };
        let alt = header
            .image_alt
            .as_ref()
            .map(|alt| alt.get_ref().trim().to_owned())
            .unwrap_or_default();
        if alt.is_empty() {
            self.report(
                path.span(),
                format!(
                    "the photo `{}` has no alt text: say what it shows in `image_alt = \"…\"`, for who cannot see it",
                    path.get_ref()
                ),
            );
        }
        let caption = header
            .image_caption
            .as_deref()
            .map(str::trim)
            .filter(|caption| !caption.is_empty())
            .map(|caption| vec![Inline::Text(caption.to_owned())])
            .unwrap_or_default();
        let line = self.line(path.span());
        Some((markdown::written_image(path.get_ref().trim(), alt, caption), line))
    }

    /// Where the editors place the article on the front page, and until when.
    fn front(&mut self, header: &Header) -> Option<(Placement, Option<Published>)> {
        let Some(front) = &header.front else {
            if let Some(until) = &header.front_until {
                self.report(
                    until.span(),
                    "`front_until` without `front`: place the article with `front = \"lead\"` or `front = \"top\"`, or remove the line",
                );
            }
            return None;
        };
        let placement = match front.get_ref().trim() {
            FRONT_LEAD => Some(Placement::Lead),
            FRONT_TOP => Some(Placement::Top),
            other => {
                self.report(
                    front.span(),
                    format!(
                        "front: `{other}` is no place on the front page: write `front = \"{FRONT_LEAD}\"` (the story that leads) or `front = \"{FRONT_TOP}\"` (the row below it)"
                    ),
                );
                None
            }
        };
        let until = match &header.front_until {
            Some(until) => Some(self.timestamp("front_until", until)?),
            None => None,
        };
        placement.map(|placement| (placement, until))
    }

    /// The authors' slugs; whether the edition has them, the library checks.
    fn authors(&mut self, authors: Option<&Spanned<Vec<String>>>) -> Vec<Slug> {
        let Some(authors) = authors else {
            return Vec::new();
        };
        let mut slugs = Vec::new();
        for author in authors.get_ref() {
            match author.parse::<Slug>() {
                Ok(slug) => slugs.push(slug),
                Err(error) => self.report(authors.span(), format!("authors: {error}")),
            }
        }
        slugs
    }

    /// The dateline must say what the page will show for `published`.
    fn check_dateline(&mut self, dateline: &Spanned<String>, published: Published, locale: &Locale) {
        let expected = locale.long_date(published.local_date());
        if dateline.get_ref().trim() != expected {
            self.report(
                dateline.span(),
                format!(
                    "the dateline `{}` contradicts published {published}, which is `{expected}` in the newsroom",
                    dateline.get_ref()
                ),
            );
        }
    }

    /// The translations that are an edition id and an article id, and the line of each.
    fn translations(
        &mut self,
        written: Option<&BTreeMap<String, Spanned<String>>>,
    ) -> (BTreeMap<Slug, Slug>, BTreeMap<Slug, usize>) {
        let mut translations = BTreeMap::new();
        let mut lines = BTreeMap::new();
        for (edition, id) in written.into_iter().flatten() {
            let edition = edition
                .parse::<Slug>()
                .map_err(|error| format!("an edition id: {error}"));
            let article = id
                .get_ref()
                .parse::<Slug>()
                .map_err(|error| format!("an article id: {error}"));
            match (edition, article) {
                (Ok(edition), Ok(article)) => {
                    lines.insert(edition.clone(), self.line(id.span()));
                    translations.insert(edition, article);
                }
                (Err(message), _) | (_, Err(message)) => {
                    self.report(id.span(), format!("translations: {message}"))
                }
            }
        }
        (translations, lines)
    }
}

/// The source file's text in its one canonical form: what `import` writes,
/// and what [`parse`] reads back to the same article.
pub fn render(source: &ArticleSource) -> String {
    let article = &source.article;
    let string = |text: &str| toml::Value::String(text.to_owned()).to_string();
    let mut text = format!("{FENCE}\n");
    text += &format!("headline = {}\n", string(&article.headline));
    text += &format!("section = {}\n", string(&article.section.to_string()));
    text += &format!("published = {}\n", article.published);
    if let Some(dateline) = &source.dateline {
        text += &format!("dateline = {}\n", string(dateline));
    }
    text += &format!("source = {}\n", string(&article.source));
    if !source.translations.is_empty() {
        let entries: Vec<String> = source
            .translations
            .iter()
            .map(|(edition, id)| format!("{edition} = {}", string(id.as_str())))
            .collect();
        text += &format!("translations = {{ {} }}\n", entries.join(", "));
    }
    if !source.authors.is_empty() {
        let slugs: Vec<String> = source.authors.iter().map(|slug| string(slug.as_str())).collect();
        text += &format!("authors = [{}]\n", slugs.join(", "));
    }
    if let Some(updated) = article.updated {
        text += &format!("updated = {updated}\n");
    }
    if let Some(correction) = &article.correction {
        text += &format!("correction = {}\n", string(correction));
    }
    if let Some(image) = &article.image {
        text += &format!("image = {}\n", string(&image.src));
        text += &format!("image_alt = {}\n", string(&image.alt));
        if !image.caption.is_empty() {
            let caption = Block::Paragraph {
                content: image.caption.clone(),
            }
            .plain_text();
            text += &format!("image_caption = {}\n", string(&caption));
        }
    }
    if let Some(front) = &source.front {
        let placement = match front.placement {
            Placement::Lead => FRONT_LEAD,
            Placement::Top => FRONT_TOP,
        };
        text += &format!("front = {}\n", string(placement));
        if let Some(until) = front.until {
            text += &format!("front_until = {until}\n");
        }
    }
    text += &format!("{FENCE}\n\n{}\n", source.body);
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use brnn_model::locale::GERMAN;

    const SEED_SOURCE: &str = include_str!("../../../content/de/ecf15130d4b083e2.txt");

    fn parse_as(name: &str, text: &str) -> Result<ParsedSource, Vec<Problem>> {
        parse(Path::new(name), text, &GERMAN)
    }

    #[test]
    fn a_shelved_parse_keeps_its_lead_to_the_letter_and_nothing_only_its_page_shows() {
        let most = Article::LEAD_MAX_CHARS;
        for first in [
            "ä".repeat(most),
            "ä".repeat(most + 1),
            format!("{} 長い", "ä ".repeat(most / 2)),
            format!("{} Schluss.", "Wort, ".repeat(most)),
        ] {
            let text = format!(
                "+++\nheadline = \"Titel\"\nsection = \"politik\"\npublished = 2025-11-04T09:00:00+01:00\n\
                 source = \"Agentur\"\ncorrection = \"Berichtigt.\"\n+++\n\n{first}\n\n## Mehr\n\nZweiter Absatz.\n"
            );
            let mut parsed = parse_as("de/a1.txt", &text).ok().unwrap();
            let lead = parsed.source.article.lead();
            assert!(!parsed.source.article.body.is_empty() && parsed.source.article.correction.is_some());
            parsed.shelve();
            let article = &parsed.source.article;
            assert_eq!(article.lead(), lead, "{first}");
            assert!(article.paragraphs.len() == 1 && article.paragraphs[0].chars().count() <= most + 1);
            assert!(article.body.is_empty() && parsed.source.body.is_empty());
            assert_eq!((article.source.as_str(), &article.correction), ("", &None));
        }
    }

    fn messages(text: &str) -> Vec<String> {
        parse_as("de/a1.txt", text)
            .err()
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn the_shipped_seed_source_reads_as_the_seed_article() {
        let article = parse_as("de/ecf15130d4b083e2.txt", SEED_SOURCE)
            .ok()
            .unwrap()
            .source
            .article;
        assert_eq!(article.id.as_str(), "ecf15130d4b083e2");
        assert_eq!(
            article.headline,
            "China und Russland streben engere Zusammenarbeit in allen Bereichen an"
        );
        assert_eq!(article.section.to_string(), "bri-nachrichten/aktuelles");
        assert_eq!(
            GERMAN.long_date(article.published.local_date()),
            "Dienstag, 04. November 2025"
        );
        assert_eq!(article.source, "");
        assert_eq!(article.paragraphs.len(), 5);
        assert!(article.paragraphs[4].ends_with("Zoll und Satellitennavigation."));
    }

    #[test]
    fn every_problem_of_a_source_is_reported_with_its_line() {
        let text =
            "+++\nheadline = \" \"\nsection = \"Aktuelles\"\npublished = 2025-11-04T00:00:00+08:00\n+++\n\n";
        let found = messages(text);
        assert!(
            found.contains(&"de/a1.txt:2: the headline is empty".to_owned()),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("de/a1.txt:3: section path `Aktuelles`")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("de/a1.txt:6: the body is empty")),
            "{found:?}"
        );
    }

    #[test]
    fn a_dateline_whose_weekday_contradicts_the_date_is_refused() {
        let text = SEED_SOURCE.replace("Dienstag, 04.", "Mittwoch, 04.");
        let found = messages(&text);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].starts_with("de/a1.txt:5: the dateline `Mittwoch, 04. November 2025` contradicts"),
            "{found:?}"
        );
    }

    #[test]
    fn a_missing_field_gets_a_sentence_that_says_what_to_add() {
        let text = SEED_SOURCE.replace(
            "headline = \"China und Russland streben engere Zusammenarbeit in allen Bereichen an\"\n",
            "",
        );
        assert_eq!(
            messages(&text),
            ["de/a1.txt:1: the header has no `headline`: add a line like `headline = \"…\"`"]
        );
    }

    #[test]
    fn an_unparseable_or_impossible_date_is_refused_on_its_line() {
        for (published, expected) in [
            (
                "\"4. November 2025\"",
                "is not a timestamp like 2025-11-04T09:30:00+08:00",
            ),
            ("2025-11-04", "is not a timestamp like"),
            // TOML itself refuses an unquoted impossible date, on the same line.
            (
                "2025-02-29T10:00:00+08:00",
                "invalid date, expected day between 01 and 28",
            ),
            ("\"2025-04-31T10:00:00+08:00\"", "names a day that does not exist"),
        ] {
            let text = SEED_SOURCE.replace("2025-11-04T00:00:00+08:00", published);
            let found = messages(&text);
            assert!(
                found
                    .iter()
                    .any(|m| m.starts_with("de/a1.txt:4: ") && m.contains(expected)),
                "{published}: {found:?}"
            );
        }
    }

    #[test]
    fn the_seed_source_is_in_canonical_form() {
        let source = parse_as("de/ecf15130d4b083e2.txt", SEED_SOURCE)
            .ok()
            .unwrap()
            .source;
        assert_eq!(render(&source), SEED_SOURCE);
    }

    #[test]
    fn translations_are_read_sorted_by_edition_and_written_back_on_one_line() {
        let text = SEED_SOURCE.replace(
            "source = \"\"\n",
            "source = \"\"\ntranslations = { zh = \"shili-a1\", en = \"sample-a1\" }\n",
        );
        let parsed = parse_as("de/a1.txt", &text).ok().unwrap();
        let pairs: Vec<(&str, &str)> = parsed
            .source
            .translations
            .iter()
            .map(|(edition, id)| (edition.as_str(), id.as_str()))
            .collect();
        assert_eq!(pairs, [("en", "sample-a1"), ("zh", "shili-a1")]);
        assert_eq!(parsed.translation_lines.values().collect::<Vec<_>>(), [&7, &7]);
        let rendered = render(&parsed.source);
        assert!(rendered.contains("\ntranslations = { en = \"sample-a1\", zh = \"shili-a1\" }\n+++\n"));
        assert_eq!(
            parse_as("de/a1.txt", &rendered).ok().unwrap().source,
            parsed.source
        );
    }

    #[test]
    fn a_translation_that_is_no_edition_and_article_id_is_refused_on_its_line() {
        let text = SEED_SOURCE.replace(
            "source = \"\"\n",
            "source = \"\"\n[translations]\nEN = \"sample-a1\"\nzh = \"示例\"\n",
        );
        let found = messages(&text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("de/a1.txt:8: translations: an edition id: `EN` is not a slug"));
        assert!(found[1].starts_with("de/a1.txt:9: translations: an article id: `示例` is not a slug"));
    }

    #[test]
    fn a_front_page_choice_and_its_expiry_are_read_and_written_back() {
        let text = SEED_SOURCE.replace(
            "source = \"\"\n",
            "source = \"\"\nfront = \"lead\"\nfront_until = 2025-11-05T06:00:00+08:00\n",
        );
        let source = parse_as("de/a1.txt", &text).ok().unwrap().source;
        assert_eq!(
            source.front,
            Some(FrontChoice {
                placement: Placement::Lead,
                article: "a1".parse().unwrap(),
                until: Some(Published::parse("2025-11-05T06:00:00+08:00").unwrap()),
            })
        );
        let rendered = render(&source);
        assert!(
            rendered.contains("\nfront = \"lead\"\nfront_until = 2025-11-05T06:00:00+08:00\n+++\n"),
            "{rendered}"
        );
        assert_eq!(parse_as("de/a1.txt", &rendered).ok().unwrap().source, source);

        let top = SEED_SOURCE.replace("source = \"\"\n", "source = \"\"\nfront = \"top\"\n");
        let source = parse_as("de/a1.txt", &top).ok().unwrap().source;
        assert_eq!(
            source.front.as_ref().map(|front| (front.placement, front.until)),
            Some((Placement::Top, None))
        );
        assert_eq!(render(&source), top);
    }

    #[test]
    fn a_front_page_choice_that_is_no_place_or_an_expiry_without_a_choice_is_refused_on_its_line() {
        let wrong_place = SEED_SOURCE.replace("source = \"\"\n", "source = \"\"\nfront = \"oben\"\n");
        assert_eq!(
            messages(&wrong_place),
            ["de/a1.txt:7: front: `oben` is no place on the front page: write `front = \"lead\"` (the story that leads) or `front = \"top\"` (the row below it)"]
        );
        let alone = SEED_SOURCE.replace(
            "source = \"\"\n",
            "source = \"\"\nfront_until = 2025-11-05T06:00:00+08:00\n",
        );
        assert_eq!(
            messages(&alone),
            ["de/a1.txt:7: `front_until` without `front`: place the article with `front = \"lead\"` or `front = \"top\"`, or remove the line"]
        );
        let no_offset = SEED_SOURCE.replace(
            "source = \"\"\n",
            "source = \"\"\nfront = \"top\"\nfront_until = 2025-11-05T06:00:00\n",
        );
        let found = messages(&no_offset);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("de/a1.txt:8: front_until: `2025-11-05T06:00:00` is not a timestamp"),
            "{found:?}"
        );
    }

    #[test]
    fn a_missing_header_or_bad_toml_names_the_line() {
        assert_eq!(
            messages("Schlagzeile\n"),
            ["de/a1.txt:1: expected `+++` on the first line, to open the header"]
        );
        assert!(messages("+++\nheadline = \"x\"\n")[0].contains("never closed"));
        let unknown_field = SEED_SOURCE.replace("source = \"\"", "quelle = \"\"");
        assert!(
            messages(&unknown_field)[0].starts_with("de/a1.txt:6: unknown field `quelle`"),
            "{:?}",
            messages(&unknown_field)
        );
    }
}
