//! One article source file: a TOML header between `+++` lines, then the body
//! as plain-text paragraphs separated by blank lines.
//!
//! ```text
//! +++
//! headline = "China und Russland streben engere Zusammenarbeit in allen Bereichen an"
//! section = "bri-nachrichten/aktuelles"
//! published = 2025-11-04T00:00:00+08:00
//! dateline = "Dienstag, 04. November 2025"   # optional: the date as printed
//! source = ""                                # optional: empty when none is named
//! +++
//!
//! First paragraph …
//! ```
//!
//! The article's id is the file name without `.txt`.

use std::path::Path;

use brnn_model::date::Published;
use brnn_model::format::Article;
use brnn_model::locale::Locale;
use brnn_model::slug::{SectionPath, Slug};
use serde::Deserialize;
use toml::Spanned;

use crate::problem::{line_of, Problem};

const FENCE: &str = "+++";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    headline: Spanned<String>,
    section: Spanned<String>,
    published: Spanned<toml::value::Datetime>,
    dateline: Option<Spanned<String>>,
    #[serde(default)]
    source: String,
}

/// An article read from its source, with where its section was named (for
/// problems found later against the section tree).
pub struct ArticleSource {
    pub article: Article,
    pub section_line: usize,
}

/// Parses and checks one source; every problem found is reported, not just the first.
pub fn parse(file: &Path, text: &str, locale: &Locale) -> Result<ArticleSource, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let id = file
        .file_stem()
        .and_then(|stem| stem.to_str())
        .ok_or("the file name is not UTF-8".to_owned())
        .and_then(Slug::try_from)
        .map_err(|message| {
            vec![Problem::in_file(
                file,
                format!("the file name is the article id: {message}"),
            )]
        })?;

    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some(FENCE) {
        return Err(vec![Problem::at(
            file,
            1,
            "expected `+++` on the first line, to open the header",
        )]);
    }
    let header_start = FENCE.len() + 1;
    let mut header_end = header_start;
    let mut closed = false;
    for line in lines {
        if line.trim_end() == FENCE {
            closed = true;
            break;
        }
        header_end += line.len();
    }
    if !closed {
        return Err(vec![Problem::at(
            file,
            1,
            "the header opened here is never closed by a `+++` line",
        )]);
    }
    let header_text = &text[header_start..header_end];
    let header: Header = toml::from_str(header_text).map_err(|error| {
        let line = error
            .span()
            .map_or(2, |span| 1 + line_of(header_text, span.start));
        vec![Problem::at(file, line, error.message().trim())]
    })?;
    let line_in_header = |span: std::ops::Range<usize>| 1 + line_of(header_text, span.start);

    let mut problems = Vec::new();
    let headline = header.headline.get_ref().trim().to_owned();
    if headline.is_empty() {
        problems.push(Problem::at(
            file,
            line_in_header(header.headline.span()),
            "the headline is empty",
        ));
    }
    let section = SectionPath::try_from(header.section.get_ref().as_str())
        .map_err(|message| problems.push(Problem::at(file, line_in_header(header.section.span()), message)))
        .ok();
    let published_line = line_in_header(header.published.span());
    let published = Published::parse(&header.published.get_ref().to_string())
        .map_err(|error| {
            problems.push(Problem::at(
                file,
                published_line,
                format!("published: {error}; write it unquoted, with seconds and offset"),
            ))
        })
        .ok();
    if let (Some(published), Some(dateline)) = (published, &header.dateline) {
        let expected = locale.long_date(published.local_date());
        if dateline.get_ref().trim() != expected {
            problems.push(Problem::at(
                file,
                line_in_header(dateline.span()),
                format!(
                    "the dateline `{}` contradicts published {published}, which is `{expected}` in the newsroom",
                    dateline.get_ref()
                ),
            ));
        }
    }

    let body_start_line = line_of(text, header_end) + 1;
    let body = text[header_end..].split_once('\n').map_or("", |(_, rest)| rest);
    let paragraphs = paragraphs(body);
    if paragraphs.is_empty() {
        problems.push(Problem::at(
            file,
            body_start_line,
            "the body is empty: write at least one paragraph below the header",
        ));
    }

    match (section, published) {
        (Some(section), Some(published)) if problems.is_empty() => Ok(ArticleSource {
            article: Article {
                id,
                section,
                headline,
                published,
                source: header.source.trim().to_owned(),
                paragraphs,
            },
            section_line: line_in_header(header.section.span()),
        }),
        _ => Err(problems),
    }
}

/// Paragraphs are separated by blank lines; the lines of one paragraph are
/// joined with a space, so editors may wrap their text.
pub fn paragraphs(body: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in body.lines().map(str::trim).chain([""]) {
        if !line.is_empty() {
            lines.push(line);
        } else if !lines.is_empty() {
            paragraphs.push(lines.join(" "));
            lines.clear();
        }
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;
    use brnn_model::locale::GERMAN;

    const SEED_SOURCE: &str = include_str!("../../../content/de/ecf15130d4b083e2.txt");

    fn parse_as(name: &str, text: &str) -> Result<ArticleSource, Vec<Problem>> {
        parse(Path::new(name), text, &GERMAN)
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
    fn wrapped_lines_join_and_blank_lines_separate_paragraphs() {
        assert_eq!(paragraphs("eins\nzwei\n\n  \ndrei\n"), ["eins zwei", "drei"]);
        assert!(paragraphs("\n \n").is_empty());
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
