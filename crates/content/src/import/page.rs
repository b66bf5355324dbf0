//! A plain-text article page, as a reader copies it from the
//! network's site, into an article source.
//!
//! ```text
//! „Belt and Road“-Nachrichtennetzwerk                        the edition's name
//!
//! BRNN>>„Belt and Road“-Nachrichtennetzwerk>>BRI-Nachrichten>>Aktuelles
//!
//! China und Russland streben engere Zusammenarbeit …          the headline
//!
//! Dienstag, 04. November 2025 Quelle :                        date, source (may be empty)
//!
//! First paragraph …
//! ```
//!
//! Blank lines between the parts may be missing or doubled. The breadcrumb
//! names the network, the edition and the section trail by their names in
//! `network.toml`; the page's date is taken as midnight at the edition's
//! `utc_offset`, since the page gives no time of day.

use std::collections::BTreeMap;
use std::path::Path;

use brnn_model::date::{CivilDate, Published};
use brnn_model::format::{Article, Section};
use brnn_model::locale::Locale;
use brnn_model::slug::{SectionPath, Slug};

use crate::article_source::ArticleSource;
use crate::markdown;
use crate::network::NetworkConfig;
use crate::problem::Problem;

/// Separates the breadcrumb's steps.
const BREADCRUMB_SEPARATOR: &str = ">>";

/// The article on `page`, and which edition it belongs to (an index into `network.editions`).
pub fn import(
    page: &Path,
    text: &str,
    id: Slug,
    network: &NetworkConfig,
) -> Result<(usize, ArticleSource), Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty());
    let mut next = |expected: &str| {
        lines
            .next()
            .ok_or_else(|| Problem::in_file(page, format!("the page ends where {expected} was expected")))
    };

    let (title_line, title) = next("the edition's name")?;
    let (crumb_line, breadcrumb) = next("the breadcrumb")?;
    let (edition_index, section) =
        read_breadcrumb(breadcrumb, network).map_err(|message| Problem::at(page, crumb_line, message))?;
    let config = &network.editions[edition_index];
    let edition = &config.edition;
    if title != edition.name {
        return Err(Problem::at(
            page,
            title_line,
            format!(
                "expected the edition's name `{}` (as the breadcrumb says), found `{title}`",
                edition.name
            ),
        ));
    }

    let (_, headline) = next("the headline")?;
    let (date_line, dated) = next("the date line")?;
    let locale = Locale::for_lang(&edition.lang);
    let (dateline, source) =
        read_date_line(dated, locale).map_err(|message| Problem::at(page, date_line, message))?;
    let published = Published::midnight(dateline, config.utc_offset);

    let body_start = text
        .match_indices('\n')
        .nth(date_line - 1)
        .map_or(text.len(), |(offset, _)| offset + 1);
    let paragraphs = paragraphs(&text[body_start..]);
    if paragraphs.is_empty() {
        return Err(Problem::at(
            page,
            date_line + 1,
            "expected the article's paragraphs after the date line, found the end of the page",
        ));
    }
    Ok((
        edition_index,
        ArticleSource {
            body: markdown::plain_paragraphs(&paragraphs),
            article: Article::plain(id, section, headline.to_owned(), published, source, paragraphs),
            dateline: Some(locale.long_date(dateline)),
            translations: BTreeMap::new(),
            authors: Vec::new(),
            front: None,
        },
    ))
}

/// Paragraphs are separated by blank lines; the lines of one paragraph are
/// joined with a space, as the page wraps them.
fn paragraphs(body: &str) -> Vec<String> {
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

/// `BRNN>>edition name>>section name>>…` into the edition and the section's path.
fn read_breadcrumb(line: &str, network: &NetworkConfig) -> Result<(usize, SectionPath), String> {
    let steps: Vec<&str> = line.split(BREADCRUMB_SEPARATOR).map(str::trim).collect();
    let Some(first) = network.editions.first() else {
        return Err("network.toml lists no edition to import into".to_owned());
    };
    let short_name = &first.edition.network.short_name;
    let example = format!("{short_name}>>{}>>…", first.edition.name);
    if steps.len() < 2 || steps[0] != short_name {
        return Err(format!(
            "expected the breadcrumb, like `{example}`, found `{line}`"
        ));
    }
    let edition_index = network
        .editions
        .iter()
        .position(|config| config.edition.name == steps[1])
        .ok_or_else(|| {
            format!(
                "the breadcrumb names the edition `{}`, which network.toml does not have; it has {}",
                steps[1],
                names(network.editions.iter().map(|config| config.edition.name.as_str()))
            )
        })?;
    let edition = &network.editions[edition_index].edition;
    let mut level: &[Section] = &edition.sections;
    let mut path: Option<SectionPath> = None;
    let mut parent: Option<&str> = None;
    for step in &steps[2..] {
        let section = level.iter().find(|section| section.name == *step).ok_or_else(|| {
            let place = parent.map_or(String::new(), |parent| format!(" below `{parent}`"));
            format!(
                "the breadcrumb names the section `{step}`, which edition `{}` does not have{place}; it has {} there",
                edition.id,
                names(level.iter().map(|section| section.name.as_str()))
            )
        })?;
        let slug = section.slug.clone();
        path = Some(match path {
            None => SectionPath::from(slug),
            Some(parent) => parent.child(slug),
        });
        parent = Some(&section.name);
        level = &section.sections;
    }
    let section =
        path.ok_or_else(|| format!("the breadcrumb `{line}` names no section after the edition"))?;
    Ok((edition_index, section))
}

/// `Dienstag, 04. November 2025 Quelle : German.china.org.cn` into the date and the source.
fn read_date_line(line: &str, locale: &Locale) -> Result<(CivilDate, String), String> {
    let (date, source) = line.split_once(locale.source_label).ok_or_else(|| {
        format!(
            "expected the date line, like `{} {} …` (the source may be empty), found `{line}`",
            locale.long_date_example(),
            locale.source_label
        )
    })?;
    let date = locale.parse_long_date(date)?;
    Ok((date, source.trim().to_owned()))
}

/// "`A`, `B`": what a message lists as the names that would have been understood.
fn names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article_source::render;
    use crate::network;

    const SEED_PAGE: &str = include_str!("../../../../tests/fixtures/000_ecf15130d4b083e2.txt");
    const SEED_SOURCE: &str = include_str!("../../../../content/de/ecf15130d4b083e2.txt");
    const NETWORK: &str = include_str!("../../../../content/network.toml");

    fn import_page(text: &str) -> Result<ArticleSource, String> {
        import_into_edition(text).map(|(_, source)| source)
    }

    /// Each page is refused with a message that starts as expected.
    fn assert_rejected(cases: impl IntoIterator<Item = (String, &'static str)>) {
        for (page, expected) in cases {
            let error = import_page(&page).unwrap_err();
            assert!(
                error.starts_with(expected),
                "expected `{expected}`, got `{error}`"
            );
        }
    }

    /// The page's article and the id of the edition it was imported into.
    fn import_into_edition(text: &str) -> Result<(String, ArticleSource), String> {
        let network = network::parse(Path::new("network.toml"), NETWORK).ok().unwrap();
        let id: Slug = "ecf15130d4b083e2".parse().unwrap();
        import(Path::new("page.txt"), text, id, &network)
            .map(|(edition, source)| (network.editions[edition].edition.id.to_string(), source))
            .map_err(|problem| problem.to_string())
    }

    const ENGLISH_PAGE: &str = "Belt and Road News Network

BRNN>>Belt and Road News Network>>BRI News>>Latest

Sample: A page of the English edition, imported

Tuesday, 4 November 2025\u{2003}Source: brnn-news

This is a sample page, not real news.

It has a second paragraph.
";

    const ARABIC_PAGE: &str = "شبكة أخبار الحزام والطريق

BRNN>>شبكة أخبار الحزام والطريق>>أخبار الحزام والطريق>>اقتصاد الصين

مثال: صفحة من النسخة العربية للاستيراد

الثلاثاء، 4 نوفمبر 2025 المصدر:

هذه صفحة نموذجية وليست خبرًا حقيقيًا، وفيها الرقم 2025 والاسم BRNN.
";

    #[test]
    fn a_page_of_any_edition_imports_into_that_edition_with_its_sections_and_date() {
        let (edition, english) = import_into_edition(ENGLISH_PAGE).unwrap();
        assert_eq!(edition, "en");
        assert_eq!(english.article.section.to_string(), "news/latest");
        assert_eq!(english.article.published.to_string(), "2025-11-04T00:00:00+08:00");
        assert_eq!(english.dateline.as_deref(), Some("Tuesday, 4 November 2025"));
        assert_eq!(english.article.source, "brnn-news");
        assert_eq!(english.article.paragraphs.len(), 2);

        let (edition, arabic) = import_into_edition(ARABIC_PAGE).unwrap();
        assert_eq!(edition, "ar");
        assert_eq!(arabic.article.section.to_string(), "akhbar/iqtisad-al-sin");
        assert_eq!(arabic.article.published.to_string(), "2025-11-04T00:00:00+08:00");
        assert_eq!(arabic.dateline.as_deref(), Some("الثلاثاء، 4 نوفمبر 2025"));
        assert_eq!(arabic.article.source, "");
        assert_eq!(arabic.article.headline, "مثال: صفحة من النسخة العربية للاستيراد");

        let chinese = "“一带一路”新闻合作联盟\nBRNN>>“一带一路”新闻合作联盟>>文件资料\n示例：文件\n2025年11月4日 星期二 来源：示例\n正文。\n";
        let (edition, chinese) = import_into_edition(chinese).unwrap();
        assert_eq!(
            (edition.as_str(), chinese.article.section.to_string()),
            ("zh", "wenjian".to_owned())
        );
        assert_eq!(chinese.dateline.as_deref(), Some("2025年11月4日星期二"));
        assert_eq!(chinese.article.source, "示例");
    }

    #[test]
    fn a_page_of_an_unknown_edition_or_section_is_told_what_there_is() {
        let cases = [
            (
                ENGLISH_PAGE.replace("Belt and Road News Network", "Réseau d'information"),
                "page.txt:3: the breadcrumb names the edition `Réseau d'information`, which network.toml does not have; it has `„Belt and Road“-Nachrichtennetzwerk`, `Belt and Road News Network`, `“一带一路”新闻合作联盟`, `شبكة أخبار الحزام والطريق`",
            ),
            (
                ENGLISH_PAGE.replace(">>Latest", ">>Sport"),
                "page.txt:3: the breadcrumb names the section `Sport`, which edition `en` does not have below `BRI News`; it has `Latest`, `China's Economy` there",
            ),
            (
                ARABIC_PAGE.replace(">>أخبار الحزام والطريق>>", ">>BRI-Nachrichten>>"),
                "page.txt:3: the breadcrumb names the section `BRI-Nachrichten`, which edition `ar` does not have; it has `أخبار الحزام والطريق`, `وثائق` there",
            ),
            (
                ENGLISH_PAGE.replace("Tuesday, 4 November", "Dienstag, 4 November"),
                "page.txt:7: `Dienstag` is not a weekday; expected one of Monday, Tuesday",
            ),
            (
                ARABIC_PAGE.replace("الثلاثاء،", "الأربعاء،"),
                "page.txt:7: `الأربعاء، 4 نوفمبر 2025` says الأربعاء, but that day is a الثلاثاء",
            ),
        ];
        assert_rejected(cases);
    }

    #[test]
    fn wrapped_lines_join_and_blank_lines_separate_paragraphs() {
        assert_eq!(paragraphs("eins\nzwei\n\n  \ndrei\n"), ["eins zwei", "drei"]);
        assert!(paragraphs("\n \n").is_empty());
    }

    #[test]
    fn markup_in_an_imported_page_stays_plain_text() {
        let markup = "# 1. *Stern*, _Strich_, [Klammer](x) <b>, \\ und &amp; – wörtlich";
        let page = SEED_PAGE.replacen("China will", &format!("{markup}\n\nChina will"), 1);
        let source = import_page(&page).unwrap();
        assert_eq!(source.article.paragraphs[0], markup);
        let rendered = render(&source);
        let read = crate::article_source::parse(
            Path::new("de/ecf15130d4b083e2.txt"),
            &rendered,
            &brnn_model::locale::GERMAN,
        )
        .ok()
        .unwrap()
        .source;
        assert_eq!(read, source);
        assert_eq!(read.article.paragraphs.len(), 6);
        assert!(read.article.body.is_empty(), "{:?}", read.article.body);
    }

    #[test]
    fn the_seed_page_imports_as_the_shipped_seed_source() {
        let source = import_page(SEED_PAGE).unwrap();
        assert_eq!(render(&source), SEED_SOURCE);
        assert_eq!(source.article.section.to_string(), "bri-nachrichten/aktuelles");
        assert_eq!(source.article.published.to_string(), "2025-11-04T00:00:00+08:00");
        assert_eq!(source.article.source, "");
        assert_eq!(source.article.paragraphs.len(), 5);
    }

    #[test]
    fn a_named_source_and_loose_blank_lines_are_understood() {
        let page = SEED_PAGE
            .replace("Quelle :", "Quelle : German.china.org.cn")
            .replace("\n\n", "\n\n\n")
            .replace("Aktuelles\n\n\n", "Aktuelles\n");
        let source = import_page(&page).unwrap();
        assert_eq!(source.article.source, "German.china.org.cn");
        assert_eq!(source.article.paragraphs.len(), 5);
    }

    #[test]
    fn a_page_it_cannot_understand_gets_the_line_and_what_was_expected() {
        let cases = [
            (
                SEED_PAGE.replacen("„Belt and Road“-Nachrichtennetzwerk\n", "Nachrichten\n", 1),
                "page.txt:1: expected the edition's name `„Belt and Road“-Nachrichtennetzwerk`",
            ),
            (
                SEED_PAGE.replace("BRNN>>", "Start > "),
                "page.txt:3: expected the breadcrumb, like `BRNN>>„Belt and Road“-Nachrichtennetzwerk>>…`",
            ),
            (
                SEED_PAGE.replace(">>Aktuelles", ">>Sport"),
                "page.txt:3: the breadcrumb names the section `Sport`, which edition `de` does not have below `BRI-Nachrichten`; it has `Aktuelles`, `Chinas Wirtschaft` there",
            ),
            (
                SEED_PAGE.replace("Dienstag, 04. November 2025\u{2003}Quelle :", "04.11.2025"),
                "page.txt:7: expected the date line, like `Dienstag, 04. November 2025 Quelle : …`",
            ),
            (
                SEED_PAGE.replace("Dienstag, 04.", "Mittwoch, 04."),
                "page.txt:7: `Mittwoch, 04. November 2025` says Mittwoch, but that day is a Dienstag",
            ),
            (
                SEED_PAGE.replace("Dienstag, 04. November", "Dienstag, 31. November"),
                "page.txt:7: `Dienstag, 31. November 2025` names a day that does not exist",
            ),
            (
                SEED_PAGE[..SEED_PAGE.find("China will").unwrap()].to_owned(),
                "page.txt:8: expected the article's paragraphs after the date line",
            ),
            (String::new(), "page.txt: the page ends where the edition's name was expected"),
        ];
        assert_rejected(cases);
    }
}
