//! The static endpoint's JSON documents, format version 1.
//!
//! The content tool writes these and the reader decodes them; both use these
//! types, so the two cannot drift apart. `docs/FORMAT.md` describes the
//! format for people and `schema/` for machines. Unknown fields are ignored,
//! so a version may gain fields without breaking older readers; anything
//! else is a new `format` number.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::body::{self, Block, Image};
use crate::date::{CivilDate, Published, YearMonth};
use crate::slug::{SectionPath, Slug};

/// The `format` number every document of this version carries.
pub const FORMAT_VERSION: u32 = 2;

/// `{edition}/edition.json`: who publishes, in which language, and the section tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edition {
    pub format: u32,
    pub network: Network,
    pub id: Slug,
    /// BCP 47 language tag of the edition's text, e.g. `de`.
    pub lang: String,
    /// The edition's name as its breadcrumb shows it.
    pub name: String,
    /// How many entries a list page holds.
    pub page_size: u32,
    /// Top-level sections in display order.
    pub sections: Vec<Section>,
    /// Every edition of the network, this one included, in the network's
    /// order (the first is its default edition): what a language switcher
    /// lists. Empty in documents written before editions were listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editions: Vec<EditionLink>,
    /// The pages of the house (about, imprint, …) in the footer's order.
    /// Empty in documents written before there were any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<HousePageLink>,
    /// The footer's copyright line, e.g. `© 2025 BRNN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright: Option<String>,
}

/// A page of the house as the edition's footer links it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HousePageLink {
    pub slug: Slug,
    pub title: String,
}

/// One edition of the network, as another edition's document names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionLink {
    pub id: Slug,
    /// BCP 47 language tag of the edition's text.
    pub lang: String,
    /// The edition's name as its breadcrumb shows it.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    /// The short name that opens the breadcrumb, e.g. `BRNN`.
    pub short_name: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub slug: Slug,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

impl Edition {
    /// The sections from the top down to `path`, or `None` if the edition has no such section.
    pub fn section_trail(&self, path: &SectionPath) -> Option<Vec<&Section>> {
        let mut level = &self.sections;
        let mut trail = Vec::with_capacity(path.slugs().len());
        for slug in path.slugs() {
            let section = level.iter().find(|section| &section.slug == slug)?;
            trail.push(section);
            level = &section.sections;
        }
        Some(trail)
    }

    /// The name of the section at `path`, if the edition has it.
    pub fn section_name(&self, path: &SectionPath) -> Option<&str> {
        self.section_trail(path)?
            .last()
            .map(|section| section.name.as_str())
    }

    /// What a listing is called on its page: the section's name, or the
    /// edition's for its front page (`section` `None`). `None` for a section
    /// the edition does not have.
    pub fn listing_name(&self, section: Option<&SectionPath>) -> Option<&str> {
        match section {
            None => Some(&self.name),
            Some(section) => self.section_name(section),
        }
    }

    /// A listing's title where it stands alone (a browser tab, a feed
    /// reader): a section's name followed by the edition's, so that
    /// "Aktuelles" says whose; the front page is the edition's name alone.
    pub fn listing_title(&self, section: Option<&SectionPath>) -> Option<String> {
        let name = self.listing_name(section)?;
        Some(match section {
            None => name.to_owned(),
            Some(_) => format!("{name} – {}", self.name),
        })
    }

    /// Every section's path, in display order, each parent before its children.
    pub fn section_paths(&self) -> Vec<SectionPath> {
        fn walk(sections: &[Section], parent: Option<&SectionPath>, out: &mut Vec<SectionPath>) {
            for section in sections {
                let path = match parent {
                    Some(parent) => parent.child(section.slug.clone()),
                    None => SectionPath::from(section.slug.clone()),
                };
                out.push(path.clone());
                walk(&section.sections, Some(&path), out);
            }
        }
        let mut out = Vec::new();
        walk(&self.sections, None, &mut out);
        out
    }
}

/// One page of a date-sorted list (`crate::paging`): `{edition}/pages/{n}.json`
/// for the front page, `{edition}/sections/{path}/pages/{n}.json` for a
/// section, `{edition}/authors/{slug}/pages/{n}.json` for an author's
/// articles, with `n` counted from the oldest page; a section's and an
/// author's newest page is `…/pages/newest.json`, the front page's is
/// `front.json`'s `latest`. A page older than the newest never changes
/// once written, but for `newer` when the page above it splits off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListPage {
    pub format: u32,
    /// This page's number, counted from the list's oldest page (1); on
    /// the newest page, how many pages the list has.
    pub page: u32,
    /// The next newer page's number; absent when that is the newest page,
    /// which is at the list's own address, and on the newest page itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer: Option<u32>,
    /// On the newest page only: how many articles the whole list has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// Newest first.
    pub articles: Vec<ArticleSummary>,
    /// Whose articles these are, on an author's list (absent on the others).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Author>,
}

/// The widest rendition a list's thumbnail needs: a few rem at up to 3 device pixels a CSS pixel.
pub const THUMBNAIL_MAX_WIDTH: u32 = 480;

/// What a list shows of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: Slug,
    pub section: SectionPath,
    pub headline: String,
    pub published: Published,
    /// The opening of the first paragraph.
    pub lead: String,
    /// The lead image's smaller renditions, for a thumbnail beside the
    /// headline ([`Image::thumbnail`]).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "body::decode::image"
    )]
    pub image: Option<Image>,
}

/// `{edition}/articles/{id}.json`: one article and its neighbours in its section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticlePage {
    pub format: u32,
    pub article: Article,
    /// The next newer article of the same section.
    pub newer: Option<ArticleLink>,
    /// The next older article of the same section.
    pub older: Option<ArticleLink>,
    /// The same article in other editions, in the network's order of
    /// editions. Empty (and absent from the JSON) when it has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
}

/// An article's version in another edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    /// The edition it is in.
    pub edition: Slug,
    /// That edition's language (BCP 47), so that a page can say `hreflang`
    /// and `lang` without fetching the other edition's document.
    pub lang: String,
    pub id: Slug,
    pub headline: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: Slug,
    pub section: SectionPath,
    pub headline: String,
    pub published: Published,
    /// Where the text comes from; empty when the newsroom names none.
    #[serde(default)]
    pub source: String,
    /// The plain text of each block of the body that has text: the whole
    /// body for a reader that knows nothing else. Set with [`Self::set_body`].
    pub paragraphs: Vec<String>,
    /// The body as typed blocks; empty (and absent from the JSON) when it
    /// is plain paragraphs only, which `paragraphs` then says in full. Read
    /// it with [`Self::blocks`].
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "body::decode::body"
    )]
    pub body: Vec<Block>,
    /// Who wrote it, in the byline's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    /// When the article last changed after it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Published>,
    /// What was corrected, for the note after the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<String>,
    /// The lead image, above the body and in link previews.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "body::decode::image"
    )]
    pub image: Option<Image>,
}

/// An author of the edition, as a byline names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// Their page's id in the edition.
    pub slug: Slug,
    pub name: String,
    /// A line about them, e.g. their beat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleLink {
    pub id: Slug,
    pub headline: String,
}

/// `{edition}/front.json`: the top of the edition's front page, as the
/// editors chose it or else the newest (`crate::front` selects it). It
/// holds a bounded number of entries whatever the archive's size; the
/// front page's older pages are its list's (`{edition}/pages/{n}.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontPage {
    pub format: u32,
    /// The story that leads, with its lead image in every rendition (a
    /// list's entries carry thumbnails only); absent in an empty edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<ArticleSummary>,
    /// The row of stories below the lead.
    pub top: Vec<ArticleSummary>,
    /// A block per top-level section that has articles, in the edition's
    /// order: its newest articles not shown above.
    pub sections: Vec<SectionFront>,
    /// The newest articles: the front page list's newest page.
    pub latest: Vec<ArticleSummary>,
    /// The newest page's number, which is how many pages the list has.
    pub page: u32,
    /// How many articles the front page's list has.
    pub total: u32,
}

/// A top-level section's block on the front page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionFront {
    pub section: SectionPath,
    pub articles: Vec<ArticleSummary>,
}

/// `{edition}/house/{slug}.json`: a page of the house (about the newsroom,
/// its imprint, privacy, contact), written as articles are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HousePage {
    pub format: u32,
    pub slug: Slug,
    pub title: String,
    #[serde(deserialize_with = "body::decode::body")]
    pub body: Vec<Block>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Published>,
}

/// `{edition}/archive.json`: every month that has articles, newest first.
/// It changes only when a month gets its first article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveIndex {
    pub format: u32,
    pub months: Vec<YearMonth>,
}

/// `{edition}/archive/{yyyy}/{mm}.json`: a month's days that have
/// articles, first to last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthArchive {
    pub format: u32,
    pub month: YearMonth,
    pub days: Vec<ArchiveDay>,
}

/// A day of a month's archive and how many articles it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveDay {
    pub date: CivilDate,
    pub articles: u32,
}

/// `{edition}/archive/{yyyy}/{mm}/{dd}.json`: the articles of one day of
/// the newsroom's calendar (each article's day at its own offset, as its
/// dateline shows it), newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayArchive {
    pub format: u32,
    pub date: CivilDate,
    pub articles: Vec<ArticleSummary>,
}

/// Where each document lives, relative to the endpoint's base URL.
pub mod paths {
    use super::*;

    pub fn edition(edition: &Slug) -> String {
        format!("{edition}/edition.json")
    }

    /// Page `page`, counted from the oldest, of the edition's front page
    /// (`section` `None`) or of a section: a page older than the newest.
    pub fn list_page(edition: &Slug, section: Option<&SectionPath>, page: u32) -> String {
        match section {
            None => format!("{edition}/pages/{page}.json"),
            Some(section) => format!("{edition}/sections/{section}/pages/{page}.json"),
        }
    }

    /// A section's newest page (the front page's is `front.json`'s `latest`).
    pub fn newest_list_page(edition: &Slug, section: &SectionPath) -> String {
        format!("{edition}/sections/{section}/pages/newest.json")
    }

    /// Page `page`, counted from the oldest, of the list of an author's articles.
    pub fn author_page(edition: &Slug, author: &Slug, page: u32) -> String {
        format!("{edition}/authors/{author}/pages/{page}.json")
    }

    /// The newest page of the list of an author's articles.
    pub fn newest_author_page(edition: &Slug, author: &Slug) -> String {
        format!("{edition}/authors/{author}/pages/newest.json")
    }

    pub fn article(edition: &Slug, id: &Slug) -> String {
        format!("{edition}/articles/{id}.json")
    }

    pub fn front(edition: &Slug) -> String {
        format!("{edition}/front.json")
    }

    pub fn house_page(edition: &Slug, slug: &Slug) -> String {
        format!("{edition}/house/{slug}.json")
    }

    pub fn archive_index(edition: &Slug) -> String {
        format!("{edition}/archive.json")
    }

    pub fn archive_month(edition: &Slug, month: YearMonth) -> String {
        format!("{edition}/archive/{:04}/{:02}.json", month.year, month.month)
    }

    pub fn archive_day(edition: &Slug, date: CivilDate) -> String {
        format!(
            "{edition}/archive/{:04}/{:02}/{:02}.json",
            date.year, date.month, date.day
        )
    }
}

impl Article {
    /// The longest a list entry's lead may be, in characters.
    pub const LEAD_MAX_CHARS: usize = 220;

    /// What a list shows of this article.
    pub fn summary(&self) -> ArticleSummary {
        ArticleSummary {
            id: self.id.clone(),
            section: self.section.clone(),
            headline: self.headline.clone(),
            published: self.published,
            lead: self.lead(),
            image: self
                .image
                .as_ref()
                .map(|image| image.thumbnail(THUMBNAIL_MAX_WIDTH)),
        }
    }

    /// An article of plain paragraphs, without authors, update, correction
    /// or lead image: what an imported page or a generated sample is.
    pub fn plain(
        id: Slug,
        section: SectionPath,
        headline: String,
        published: Published,
        source: String,
        paragraphs: Vec<String>,
    ) -> Article {
        Article {
            id,
            section,
            headline,
            published,
            source,
            paragraphs,
            body: Vec::new(),
            authors: Vec::new(),
            updated: None,
            correction: None,
            image: None,
        }
    }

    /// Sets the body, and `paragraphs` to the plain text of its blocks;
    /// `body` stays empty when the blocks are plain paragraphs only, so a
    /// plain article's document carries its text once.
    pub fn set_body(&mut self, blocks: Vec<Block>) {
        self.paragraphs = blocks
            .iter()
            .map(Block::plain_text)
            .filter(|text| !text.trim().is_empty())
            .collect();
        self.body = if blocks.iter().all(Block::is_plain_paragraph) {
            Vec::new()
        } else {
            blocks
        };
    }

    /// When the article last changed: its update, or its publication.
    pub fn last_modified(&self) -> Published {
        self.updated.unwrap_or(self.published)
    }

    /// The body as blocks: `body`, or, for a plain article (or a document
    /// from before `body`), `paragraphs` as plain paragraphs.
    pub fn blocks(&self) -> Cow<'_, [Block]> {
        if self.body.is_empty() {
            Cow::Owned(self.paragraphs.iter().map(Block::plain_paragraph).collect())
        } else {
            Cow::Borrowed(&self.body)
        }
    }

    /// The first paragraph, cut at a word boundary with an ellipsis if it is
    /// longer than [`Self::LEAD_MAX_CHARS`]: a list entry's lead, a page's description.
    pub fn lead(&self) -> String {
        lead(self.paragraphs.first().map_or("", String::as_str))
    }
}

impl HousePage {
    /// Its first paragraph's opening, as an article's lead: the page's description.
    pub fn description(&self) -> String {
        let first = self
            .body
            .iter()
            .map(Block::plain_text)
            .find(|text| !text.trim().is_empty());
        lead(first.as_deref().unwrap_or(""))
    }
}

fn lead(paragraph: &str) -> String {
    if paragraph.chars().count() <= Article::LEAD_MAX_CHARS {
        return paragraph.to_owned();
    }
    let cut: String = paragraph.chars().take(Article::LEAD_MAX_CHARS).collect();
    let at_word = cut
        .rfind(char::is_whitespace)
        .map_or(cut.as_str(), |space| &cut[..space]);
    format!("{} …", at_word.trim_end_matches([',', ';', ':', '-', '–']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(paragraphs: &[&str]) -> Article {
        Article::plain(
            "a1".parse().unwrap(),
            "aktuelles".parse().unwrap(),
            "Kopf".into(),
            Published::parse("2025-11-04T00:00:00+08:00").unwrap(),
            String::new(),
            paragraphs.iter().map(|p| p.to_string()).collect(),
        )
    }

    #[test]
    fn a_plain_body_is_carried_by_paragraphs_alone() {
        let plain_blocks = vec![Block::plain_paragraph("Eins."), Block::plain_paragraph("Zwei.")];
        let mut plain = article(&[]);
        plain.set_body(plain_blocks.clone());
        assert_eq!(plain.paragraphs, ["Eins.", "Zwei."]);
        assert_eq!(plain.body, []);
        assert_eq!(plain.blocks().as_ref(), plain_blocks);
        let json = serde_json::to_value(&plain).unwrap();
        for absent in ["body", "authors", "updated", "correction", "image"] {
            assert!(json.get(absent).is_none(), "{absent}: {json}");
        }

        let rich_blocks = vec![
            Block::Heading {
                level: body::HeadingLevel::Two,
                content: vec![body::Inline::Text("Titel".into())],
            },
            Block::plain_paragraph("Text."),
            Block::Separator,
        ];
        let mut rich = article(&[]);
        rich.set_body(rich_blocks.clone());
        assert_eq!(rich.paragraphs, ["Titel", "Text."]);
        assert_eq!(rich.blocks().as_ref(), rich_blocks);
    }

    #[test]
    fn authors_updated_correction_and_the_lead_image_read_back() {
        let mut written = article(&["Text."]);
        written.authors = vec![Author {
            slug: "li-wei".parse().unwrap(),
            name: "Li Wei".into(),
            description: Some("Wirtschaft".into()),
        }];
        written.updated = Some(Published::parse("2025-11-05T09:30:00+08:00").unwrap());
        written.correction = Some("Ein Name war falsch geschrieben.".into());
        written.image = Some(Image {
            src: "images/a.jpg".into(),
            width: 1600,
            height: 900,
            alt: "Ein Hafen".into(),
            caption: Vec::new(),
            credit: None,
            sources: Vec::new(),
        });
        let json = serde_json::to_string(&written).unwrap();
        assert!(
            json.contains(r#""updated":"2025-11-05T09:30:00+08:00""#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Article>(&json).unwrap(), written);
    }

    #[test]
    fn a_short_first_paragraph_is_the_whole_lead() {
        assert_eq!(article(&["Kurz.", "Mehr."]).summary().lead, "Kurz.");
    }

    #[test]
    fn a_long_first_paragraph_is_cut_at_a_word_with_an_ellipsis() {
        let long = "Wort, ".repeat(100);
        let lead = article(&[&long]).summary().lead;
        assert!(lead.ends_with("Wort …"), "{lead}");
        assert!(lead.chars().count() <= Article::LEAD_MAX_CHARS + 2);
    }

    #[test]
    fn multibyte_text_is_cut_on_character_boundaries() {
        let long = "Größenänderung ".repeat(40);
        assert!(article(&[&long]).summary().lead.ends_with("Größenänderung …"));
    }

    /// Edition `E` with `bri-nachrichten` and below it `aktuelles`.
    fn two_level_edition() -> Edition {
        serde_json::from_str(
            r#"{"format":1,"network":{"short_name":"BRNN","name":"N"},"id":"de","lang":"de","name":"E",
                "page_size":10,"sections":[{"slug":"bri-nachrichten","name":"BRI-Nachrichten",
                "sections":[{"slug":"aktuelles","name":"Aktuelles"}]}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn section_trail_walks_the_tree() {
        let edition = two_level_edition();
        let names = |path: &str| {
            edition
                .section_trail(&path.parse().unwrap())
                .map(|trail| trail.iter().map(|s| s.name.as_str()).collect::<Vec<_>>())
        };
        assert_eq!(
            names("bri-nachrichten/aktuelles").unwrap(),
            ["BRI-Nachrichten", "Aktuelles"]
        );
        assert_eq!(names("aktuelles"), None);
        assert_eq!(names("bri-nachrichten/nichts"), None);
        let paths: Vec<String> = edition.section_paths().iter().map(ToString::to_string).collect();
        assert_eq!(paths, ["bri-nachrichten", "bri-nachrichten/aktuelles"]);
    }

    #[test]
    fn a_listing_is_named_by_its_section_or_by_the_edition() {
        let edition = two_level_edition();
        let aktuelles = "bri-nachrichten/aktuelles".parse().unwrap();
        assert_eq!(edition.listing_name(None), Some("E"));
        assert_eq!(edition.listing_name(Some(&aktuelles)), Some("Aktuelles"));
        assert_eq!(edition.listing_title(None).as_deref(), Some("E"));
        assert_eq!(
            edition.listing_title(Some(&aktuelles)).as_deref(),
            Some("Aktuelles – E")
        );
        assert_eq!(edition.listing_name(Some(&"sport".parse().unwrap())), None);
    }

    #[test]
    fn the_network_and_translations_are_optional_and_written_only_when_there_are_some() {
        let edition = two_level_edition();
        assert_eq!(edition.editions, []);
        let json = serde_json::to_value(&edition).unwrap();
        assert!(json.get("editions").is_none(), "{json}");

        let page: ArticlePage = serde_json::from_str(
            r#"{"format":1,"article":{"id":"a1","section":"aktuelles","headline":"Kopf",
                "published":"2025-11-04T00:00:00+08:00","paragraphs":["Text."]},"newer":null,"older":null}"#,
        )
        .unwrap();
        assert_eq!(page.translations, []);
        assert!(serde_json::to_value(&page).unwrap().get("translations").is_none());

        let translated = ArticlePage {
            translations: vec![Translation {
                edition: "en".parse().unwrap(),
                lang: "en".into(),
                id: "sample-a1".parse().unwrap(),
                headline: "Head".into(),
            }],
            ..page
        };
        let json = serde_json::to_value(&translated).unwrap();
        assert_eq!(
            json["translations"],
            serde_json::json!([{"edition": "en", "lang": "en", "id": "sample-a1", "headline": "Head"}])
        );
        assert_eq!(serde_json::from_value::<ArticlePage>(json).unwrap(), translated);
    }
}
