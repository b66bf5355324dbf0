//! `content/network.toml`: where the site lives, the network, its editions
//! and their section trees. The editions' order is the network's: language
//! switchers list them so, and the first is the network's default edition,
//! which `hreflang="x-default"` points to. Keep it the edition the network
//! root `/` leads to (the reader's `<meta name="brnn-edition">`, `de`
//! when absent).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use brnn_model::date::UtcOffset;
use brnn_model::format::{Author, Edition, EditionLink, Network, Section, FORMAT_VERSION};
use brnn_model::site::{Site, LEGACY_PAGE_SEGMENT, PAGES_SEGMENT};
use brnn_model::slug::{SectionPath, Slug};
use serde::Deserialize;
use toml::Spanned;

use crate::problem::{line_of, Problem};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworkFile {
    site: SiteEntry,
    network: Network,
    editions: Vec<EditionEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteEntry {
    url: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionEntry {
    id: Spanned<Slug>,
    lang: String,
    name: Spanned<String>,
    page_size: Spanned<u32>,
    utc_offset: UtcOffset,
    sections: Vec<SectionEntry>,
    #[serde(default)]
    authors: Vec<Spanned<Author>>,
    /// The footer's copyright line.
    copyright: Option<Spanned<String>>,
    /// Where posts imported from WordPress go.
    wordpress: Option<WordPressEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordPressEntry {
    /// A category's slug → a section's path.
    #[serde(default)]
    categories: BTreeMap<String, Spanned<SectionPath>>,
    default_section: Option<Spanned<SectionPath>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionEntry {
    path: Spanned<SectionPath>,
    name: String,
}

/// Everything `network.toml` says.
pub struct NetworkConfig {
    pub site_url: SiteUrl,
    pub editions: Vec<EditionConfig>,
}

/// One edition: its public document plus what only the content tool needs.
pub struct EditionConfig {
    pub edition: Edition,
    /// The newsroom's UTC offset (`+08:00`): an imported page gives a date
    /// only, which is taken as midnight at this offset.
    pub utc_offset: UtcOffset,
    /// Who writes for the edition: what a source's `authors` names by slug.
    pub authors: Vec<Author>,
    /// Which section a post imported from WordPress goes to.
    pub wordpress: WordPressSections,
}

/// `[editions.wordpress]`: the section of each WordPress category, by the
/// category's slug. A category not listed is reported by the importer, never
/// guessed; a post none of whose categories is listed goes to
/// `default_section`, or without one is reported and left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordPressSections {
    /// A category's slug, percent-decoded as WordPress shows it (`新闻`, not
    /// `%e6%96%b0%e9%97%bb`) → the section's path.
    pub categories: BTreeMap<String, SectionPath>,
    pub default_section: Option<SectionPath>,
}

impl WordPressSections {
    /// The section of the first of `categories` (slugs, in the post's order)
    /// that is listed, or else the default section.
    pub fn section_of<'a>(&self, categories: impl IntoIterator<Item = &'a str>) -> Option<&SectionPath> {
        categories
            .into_iter()
            .find_map(|slug| self.categories.get(slug))
            .or(self.default_section.as_ref())
    }
}

/// The authors of `edition`'s list that `slugs` name, in their order, or why one is unknown.
pub fn authors_named(authors: &[Author], edition: &Slug, slugs: &[Slug]) -> Result<Vec<Author>, String> {
    slugs
        .iter()
        .map(|slug| {
            authors
                .iter()
                .find(|author| &author.slug == slug)
                .cloned()
                .ok_or_else(|| {
                    format!(
                        "unknown author `{slug}`: edition `{edition}` in network.toml lists no such author"
                    )
                })
        })
        .collect()
}

/// The absolute address the site is served from (`https://host/` or
/// `https://host/news/`): feeds and sitemaps must name absolute URLs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrl {
    origin: String,
    site: Site,
}

impl SiteUrl {
    /// Also clap's parser of `--site-url`.
    pub fn parse(url: &str) -> Result<Self, String> {
        let refused = |why: &str| format!("site url `{url}` {why}; write it like https://news.example.org/");
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| refused("does not start with https:// or http://"))?;
        if url.contains(|c: char| c.is_whitespace() || matches!(c, '?' | '#' | '"' | '<' | '>')) {
            return Err(refused(
                "may not contain spaces, quotes, angle brackets, `?` or `#`",
            ));
        }
        let host_end = rest.find('/').unwrap_or(rest.len());
        if host_end == 0 {
            return Err(refused("names no host"));
        }
        let origin_len = url.len() - rest.len() + host_end;
        Ok(Self {
            origin: url[..origin_len].to_owned(),
            site: Site::new(&url[origin_len..]),
        })
    }

    /// `https://news.example.org`: scheme, host and port.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The site's URL scheme, to build the path of any page.
    pub fn site(&self) -> &Site {
        &self.site
    }

    /// `path` (a path from [`Self::site`] or [`Self::file`]) as an absolute URL.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// A file the build writes into the site's root folder (`feeds/de/rss.xml`), as an absolute URL.
    pub fn file(&self, relative: &str) -> String {
        self.absolute(&format!("{}/{relative}", self.site.base()))
    }
}

/// The file that describes the network, inside the content folder.
pub const NETWORK_FILE: &str = "network.toml";

/// Reads `content/network.toml` alone.
pub fn load(content: &Path) -> Result<NetworkConfig, Vec<Problem>> {
    let network_file = content.join(NETWORK_FILE);
    let text = fs::read_to_string(&network_file).map_err(|error| {
        vec![Problem::in_file(
            &network_file,
            format!("cannot read it: {error}"),
        )]
    })?;
    parse(&network_file, &text)
}

/// Reads the network description, reporting every problem found.
pub fn parse(file: &Path, text: &str) -> Result<NetworkConfig, Vec<Problem>> {
    let parsed: NetworkFile = toml::from_str(text).map_err(|error| {
        let line = error.span().map_or(1, |span| line_of(text, span.start));
        vec![Problem::at(file, line, error.message().trim())]
    })?;
    let mut problems = Vec::new();
    let at =
        |span: std::ops::Range<usize>, message: String| Problem::at(file, line_of(text, span.start), message);

    let site_url = SiteUrl::parse(parsed.site.url.get_ref())
        .map_err(|message| problems.push(at(parsed.site.url.span(), message)))
        .ok();

    let mut editions: Vec<EditionConfig> = Vec::new();
    for entry in parsed.editions {
        let id = entry.id.get_ref().clone();
        if editions.iter().any(|e| e.edition.id == id) {
            problems.push(at(entry.id.span(), format!("edition `{id}` is listed twice")));
        }
        // An imported page names its edition by name alone.
        if let Some(other) = editions.iter().find(|e| e.edition.name == *entry.name.get_ref()) {
            problems.push(at(
                entry.name.span(),
                format!(
                    "edition `{id}` has the name of edition `{}`; a page's breadcrumb could not tell them apart",
                    other.edition.id
                ),
            ));
        }
        let mut sections = Vec::new();
        for section in &entry.sections {
            if let Err(message) = insert(&mut sections, section.path.get_ref(), &section.name) {
                problems.push(at(section.path.span(), format!("edition `{id}`: {message}")));
            }
        }
        if *entry.page_size.get_ref() == 0 {
            problems.push(at(
                entry.page_size.span(),
                format!("edition `{id}`: page_size must be at least 1"),
            ));
        }
        let mut authors: Vec<Author> = Vec::new();
        for author in entry.authors {
            let span = author.span();
            let author = author.into_inner();
            if authors.iter().any(|listed| listed.slug == author.slug) {
                problems.push(at(
                    span,
                    format!("edition `{id}`: author `{}` is listed twice", author.slug),
                ));
            }
            authors.push(author);
        }
        let copyright = entry.copyright.and_then(|line| {
            let text = line.get_ref().trim();
            if text.is_empty() {
                problems.push(at(
                    line.span(),
                    format!("edition `{id}`: the copyright line is empty; write it, e.g. `copyright = \"© 2025 BRNN\"`, or remove it"),
                ));
            }
            Some(text.to_owned()).filter(|text| !text.is_empty())
        });
        let mut wordpress = WordPressSections::default();
        if let Some(entry) = entry.wordpress {
            let mut known = |path: &Spanned<SectionPath>, what: String| {
                let found = section_listed(&sections, path.get_ref());
                if !found {
                    problems.push(at(
                        path.span(),
                        format!(
                            "edition `{id}`: {what} goes to section `{}`, which the edition does not list",
                            path.get_ref()
                        ),
                    ));
                }
                found
            };
            for (slug, path) in entry.categories {
                if known(&path, format!("the WordPress category `{slug}`")) {
                    wordpress.categories.insert(slug, path.into_inner());
                }
            }
            wordpress.default_section = entry
                .default_section
                .filter(|path| known(path, "a post of no listed WordPress category".to_owned()))
                .map(Spanned::into_inner);
        }
        let edition = EditionConfig {
            edition: Edition {
                format: FORMAT_VERSION,
                network: parsed.network.clone(),
                id,
                lang: entry.lang,
                name: entry.name.into_inner(),
                page_size: *entry.page_size.get_ref(),
                sections,
                editions: Vec::new(),
                // The library adds the pages of the house it reads.
                pages: Vec::new(),
                copyright,
            },
            utc_offset: entry.utc_offset,
            authors,
            wordpress,
        };
        editions.push(edition);
    }
    // Each edition's document lists the whole network, for its language switcher.
    let network: Vec<EditionLink> = editions
        .iter()
        .map(|config| EditionLink {
            id: config.edition.id.clone(),
            lang: config.edition.lang.clone(),
            name: config.edition.name.clone(),
        })
        .collect();
    for config in &mut editions {
        config.edition.editions = network.clone();
    }
    match site_url {
        Some(site_url) if problems.is_empty() => Ok(NetworkConfig { site_url, editions }),
        _ => Err(problems),
    }
}

/// Whether `path` names a section of `tree`.
fn section_listed(tree: &[Section], path: &SectionPath) -> bool {
    let mut level = tree;
    for slug in path.slugs() {
        match level.iter().find(|section| &section.slug == slug) {
            Some(section) => level = &section.sections,
            None => return false,
        }
    }
    true
}

/// Adds a section below its parent, which must already be in `tree`.
fn insert(tree: &mut Vec<Section>, path: &SectionPath, name: &str) -> Result<(), String> {
    let (slug, parents) = path.slugs().split_last().expect("a section path has a slug");
    if let Some(kept) = [PAGES_SEGMENT, LEGACY_PAGE_SEGMENT]
        .into_iter()
        .find(|kept| slug.as_str() == *kept)
    {
        return Err(format!(
            "section `{path}`: `{kept}` cannot be a section's slug, it is kept for page numbers (…/{kept}/2)"
        ));
    }
    let mut level = tree;
    for parent in parents {
        level = &mut level
            .iter_mut()
            .find(|section| &section.slug == parent)
            .ok_or_else(|| format!("section `{path}` is listed before its parent `{parent}`"))?
            .sections;
    }
    if level.iter().any(|section| &section.slug == slug) {
        return Err(format!(
            "section `{path}` is listed twice (duplicate slug `{slug}`)"
        ));
    }
    level.push(Section {
        slug: slug.clone(),
        name: name.to_owned(),
        sections: Vec::new(),
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The problems `parse` finds in `toml`, as it prints them; it must find some.
    fn problems_of(toml: &str) -> Vec<String> {
        parse(Path::new("network.toml"), toml)
            .err()
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_site_url_gives_absolute_addresses_at_the_root_and_under_a_sub_path() {
        let root = SiteUrl::parse("https://news.example.org").unwrap();
        assert_eq!(root.file("sitemap.xml"), "https://news.example.org/sitemap.xml");
        let edition: Slug = "de".parse().unwrap();
        let under = SiteUrl::parse("http://127.0.0.1:8080/news/").unwrap();
        assert_eq!(
            under.absolute(&under.site().listing(&edition, None)),
            "http://127.0.0.1:8080/news/de/"
        );
        assert_eq!(
            under.file("feeds/de/rss.xml"),
            "http://127.0.0.1:8080/news/feeds/de/rss.xml"
        );
    }

    const TWO_EDITIONS: &str = r#"
[site]
url = "https://news.example.org/"

[network]
short_name = "BRNN"
name = "Network"

[[editions]]
id = "de"
lang = "de"
name = "Nachrichten"
page_size = 10
utc_offset = "+08:00"
sections = []

[[editions]]
id = "en"
lang = "en"
name = "News"
page_size = 10
utc_offset = "+08:00"
sections = []
"#;

    #[test]
    fn every_edition_lists_the_whole_network_in_its_order() {
        let network = parse(Path::new("network.toml"), TWO_EDITIONS).ok().unwrap();
        for config in &network.editions {
            let listed: Vec<(&str, &str, &str)> = config
                .edition
                .editions
                .iter()
                .map(|link| (link.id.as_str(), link.lang.as_str(), link.name.as_str()))
                .collect();
            assert_eq!(listed, [("de", "de", "Nachrichten"), ("en", "en", "News")]);
        }
    }

    #[test]
    fn two_editions_of_one_name_are_refused_as_an_import_could_not_tell_them_apart() {
        let toml = TWO_EDITIONS.replace("name = \"News\"", "name = \"Nachrichten\"");
        let problems = problems_of(&toml);
        assert_eq!(
            problems,
            ["network.toml:20: edition `en` has the name of edition `de`; a page's breadcrumb could not tell them apart"]
        );
    }

    #[test]
    fn an_editions_copyright_line_goes_into_its_document_and_an_empty_one_is_refused() {
        let toml = TWO_EDITIONS.replacen(
            "sections = []",
            "sections = []\ncopyright = \" © 2025 Beispiel \"",
            1,
        );
        let network = parse(Path::new("network.toml"), &toml).ok().unwrap();
        let copyrights: Vec<Option<&str>> = network
            .editions
            .iter()
            .map(|config| config.edition.copyright.as_deref())
            .collect();
        assert_eq!(copyrights, [Some("© 2025 Beispiel"), None]);

        let empty = TWO_EDITIONS.replacen("sections = []", "sections = []\ncopyright = \"\"", 1);
        let problems = problems_of(&empty);
        assert_eq!(
            problems,
            ["network.toml:16: edition `de`: the copyright line is empty; write it, e.g. `copyright = \"© 2025 BRNN\"`, or remove it"]
        );
    }

    /// TWO_EDITIONS with sections and a WordPress table in its first edition.
    fn with_wordpress_table(table: &str) -> String {
        TWO_EDITIONS.replacen(
            "sections = []",
            &format!(
                "\n[[editions.sections]]\npath = \"news\"\nname = \"News\"\n\n[[editions.sections]]\npath = \"news/economy\"\nname = \"Economy\"\n{table}"
            ),
            1,
        )
    }

    #[test]
    fn wordpress_categories_map_onto_sections_the_first_listed_wins_else_the_default() {
        let toml = with_wordpress_table(
            "\n[editions.wordpress]\ndefault_section = \"news\"\n\n[editions.wordpress.categories]\neconomy = \"news/economy\"\n\"新闻\" = \"news\"\n",
        );
        let network = parse(Path::new("network.toml"), &toml).ok().unwrap();
        let table = &network.editions[0].wordpress;
        let section = |slugs: &[&str]| table.section_of(slugs.iter().copied()).map(ToString::to_string);
        assert_eq!(
            section(&["opinion", "economy", "新闻"]),
            Some("news/economy".to_owned())
        );
        assert_eq!(section(&["新闻"]), Some("news".to_owned()));
        assert_eq!(section(&["opinion"]), Some("news".to_owned()), "the default");
        assert_eq!(network.editions[1].wordpress, WordPressSections::default());

        let without_default =
            with_wordpress_table("\n[editions.wordpress.categories]\neconomy = \"news/economy\"\n");
        let network = parse(Path::new("network.toml"), &without_default).ok().unwrap();
        assert_eq!(network.editions[0].wordpress.section_of(["opinion"]), None);
    }

    #[test]
    fn a_wordpress_category_or_default_of_a_section_the_edition_lacks_is_refused_on_its_line() {
        let toml = with_wordpress_table(
            "\n[editions.wordpress]\ndefault_section = \"sport\"\n\n[editions.wordpress.categories]\neconomy = \"news/economy\"\nworld = \"news/world\"\n",
        );
        let problems = problems_of(&toml);
        assert_eq!(
            problems,
            [
                "network.toml:29: edition `de`: the WordPress category `world` goes to section `news/world`, which the edition does not list",
                "network.toml:25: edition `de`: a post of no listed WordPress category goes to section `sport`, which the edition does not list",
            ]
        );
    }

    #[test]
    fn a_site_url_that_is_no_web_address_is_refused() {
        for url in [
            "news.example.org",
            "https://",
            "https://a b/",
            "https://x/?page=1",
        ] {
            assert!(SiteUrl::parse(url).is_err(), "{url}");
        }
    }
}
