//! `import wordpress`: the published posts of a WordPress site, read through
//! its REST API (v2), as imported articles of one edition.
//!
//! Posts come from `/wp-json/wp/v2/posts?_embed&per_page=100&page=N`, or
//! from `/?rest_route=/wp/v2/posts&…` when `/wp-json/` answers 404 (a site
//! without pretty permalinks), page after page up to `X-WP-TotalPages`.
//! The same requests can be answered from a folder of saved answers (its
//! `manifest.json` names each request's route, query and body file, as
//! `scripts/wordpress record` writes it), for offline use and the tests.
//!
//! What each post becomes (`tests/fixtures/wordpress/README.md` has the
//! REST API's quirks behind these rules):
//!
//! - its id is `wp-<post id>`: the file `<edition>/wp-<id>.txt`, the same
//!   at every import whatever the post's slug or title becomes;
//! - `date_gmt` and `modified_gmt` (UTC, written without a `Z`) are
//!   `published` and `updated` at the edition's `utc_offset`; `updated` only
//!   when the post was modified after it was published. The local `date`
//!   and `modified` are never read: WordPress does not convert them when the
//!   site's timezone changes;
//! - its section is that of its first category (in WordPress's order) that
//!   `[editions.wordpress]` in `network.toml` lists, else the table's
//!   `default_section`; a category not listed is reported, never guessed,
//!   and a post without a section is reported and left out;
//! - title and captions are HTML, read as plain text (`html::plain_text`);
//!   the body is sanitized into blocks (`html::body_blocks`) with its report;
//! - the featured image is the lead image (its alt text, else its caption,
//!   as alt), images are fetched by the writer;
//! - only published posts are taken: a password-protected one (its
//!   `content.protected`) is reported and left out, as is one without a
//!   title or whose dates cannot be read.
//!
//! `since` takes only posts modified after an instant. WordPress compares
//! `modified_after` with its local modification time, so the request asks
//! from a day earlier (no timezone is further from UTC than 14 hours) and
//! the posts are filtered on `modified_gmt`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use brnn_model::body::{Image, Inline};
use brnn_model::date::{CivilDate, Published, UtcOffset};
use brnn_model::slug::Slug;
use percent_encoding::percent_decode_str;
use serde::Deserialize;
use serde_json::Value;

use super::html;
use super::http::{Answer, Client, HttpError, Patience, MAX_IMAGE_BYTES, MAX_JSON_BYTES};
use super::write::{self, WriteReport};
use super::{instant_at, ImportedArticle, ImportedAuthor};
use crate::network::{self, EditionConfig, SiteUrl};
use crate::problem::Problem;

/// Posts per request: the most WordPress allows.
pub const PER_PAGE: u32 = 100;

/// How much earlier than `since` the request asks (see the module's documentation).
const SINCE_MARGIN_SECONDS: i64 = 86_400;

/// The site's own description, asked first: its name credits its photos,
/// and whether `/wp-json/` answers tells how to ask for the rest.
const INDEX_QUERY: &str = "_fields=name,description,url,home,gmt_offset,timezone_string,namespaces";

/// Where the REST answers come from.
pub enum Rest {
    /// A live site.
    Site(Site),
    /// Answers saved by `scripts/wordpress record`.
    Folder(Folder),
}

/// A live WordPress site at `base` (its address, without the trailing slash).
pub struct Site {
    base: String,
    client: Client,
    /// Whether routes are asked under `?rest_route=` (after `/wp-json/` answered 404).
    plain_routes: bool,
}

/// A folder of saved answers: its `manifest.json` and the files it names.
pub struct Folder {
    folder: PathBuf,
    origin: String,
    responses: Vec<SavedResponse>,
    files: Vec<SavedFile>,
}

#[derive(Deserialize)]
struct Manifest {
    origin: String,
    responses: Vec<SavedResponse>,
    #[serde(default)]
    files: Vec<SavedFile>,
}

#[derive(Deserialize)]
struct SavedResponse {
    route: String,
    query: String,
    status: u16,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    file: String,
}

#[derive(Deserialize)]
struct SavedFile {
    url: String,
    file: String,
}

impl Rest {
    /// The site at `url` (`https://example.org` or `https://example.org/blog/`).
    pub fn site(url: &str, client: Client) -> Self {
        Rest::Site(Site {
            base: url.trim_end_matches('/').to_owned(),
            client,
            plain_routes: false,
        })
    }

    /// The saved answers of `folder`, as its `manifest.json` lists them.
    pub fn folder(folder: &Path) -> Result<Self, HttpError> {
        let manifest_file = folder.join("manifest.json");
        let fail = |message: String| HttpError {
            url: manifest_file.display().to_string(),
            message,
        };
        let text =
            fs::read_to_string(&manifest_file).map_err(|error| fail(format!("cannot read it: {error}")))?;
        let manifest: Manifest = serde_json::from_str(&text)
            .map_err(|error| fail(format!("is no manifest of saved answers: {error}")))?;
        Ok(Rest::Folder(Folder {
            folder: folder.to_owned(),
            origin: manifest.origin.trim_end_matches('/').to_owned(),
            responses: manifest.responses,
            files: manifest.files,
        }))
    }

    /// The answer to REST `route` with `query`.
    fn get(&mut self, route: &str, query: &str) -> Result<Answer, HttpError> {
        match self {
            Rest::Site(site) => {
                if !site.plain_routes {
                    let url = format!("{}/wp-json{route}?{query}", site.base);
                    let answer = site.client.get(&url, MAX_JSON_BYTES)?;
                    if answer.status != 404 {
                        return Ok(answer);
                    }
                    site.plain_routes = true;
                }
                let url = format!("{}/?rest_route={route}&{query}", site.base);
                site.client.get(&url, MAX_JSON_BYTES)
            }
            Rest::Folder(folder) => {
                let url = format!("{}/?rest_route={route}&{query}", folder.origin);
                let saved = folder
                    .responses
                    .iter()
                    .find(|saved| saved.route == route && saved.query == query)
                    .ok_or_else(|| HttpError {
                        url: url.clone(),
                        message: format!(
                            "no saved answer in {}",
                            folder.folder.join("manifest.json").display()
                        ),
                    })?;
                let file = folder.folder.join(&saved.file);
                let body = fs::read(&file).map_err(|error| HttpError {
                    url: url.clone(),
                    message: format!("cannot read the saved answer {}: {error}", file.display()),
                })?;
                Ok(Answer::new(
                    url,
                    saved.status,
                    saved.headers.clone().into_iter().collect(),
                    body,
                ))
            }
        }
    }

    /// The bytes of the image at `url`, or why not (naming the URL).
    pub fn image(&mut self, url: &str) -> Result<Vec<u8>, String> {
        match self {
            Rest::Site(site) => site
                .client
                .get(url, MAX_IMAGE_BYTES)
                .and_then(Answer::success)
                .map(|answer| answer.body)
                .map_err(|error| error.to_string()),
            Rest::Folder(folder) => {
                // Saved with the URL as the HTML has it, raw UTF-8 or encoded.
                let wanted = percent_decode_str(url).decode_utf8_lossy();
                let saved = folder
                    .files
                    .iter()
                    .find(|saved| percent_decode_str(&saved.url).decode_utf8_lossy() == wanted)
                    .ok_or_else(|| {
                        format!(
                            "{url}: no saved image in {}",
                            folder.folder.join("manifest.json").display()
                        )
                    })?;
                let file = folder.folder.join(&saved.file);
                fs::read(&file).map_err(|error| {
                    format!("{url}: cannot read the saved image {}: {error}", file.display())
                })
            }
        }
    }
}

/// What a WordPress import found, before anything is written.
#[derive(Debug)]
pub struct Harvest {
    /// The site's name, as its photos' credit.
    pub site_name: String,
    /// The posts to write, newest first as the API lists them.
    pub articles: Vec<ImportedArticle>,
    /// Posts left out, each with its URL and why.
    pub skipped: Vec<PostNote>,
    /// What was left out of posts that are imported (a featured image that
    /// cannot be shown), each with its URL.
    pub notes: Vec<PostNote>,
    /// Categories no section is listed for, with the posts that have them.
    pub unmapped: Vec<UnmappedCategory>,
    /// Posts the API listed, before `since` and the checks.
    pub listed: usize,
    /// Pages of posts asked for.
    pub pages: u32,
}

/// What happened to a post, for the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostNote {
    /// The post's address (`link`), else where the API listed it.
    pub post: String,
    pub what: String,
}

/// A category that `[editions.wordpress]` does not list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmappedCategory {
    /// As WordPress shows it, as text.
    pub name: String,
    /// Its slug, percent-decoded: the key to list it under.
    pub slug: String,
    /// The posts in it, by id.
    pub posts: Vec<u64>,
}

/// Reads every published post of `rest` (modified after `since`, when given)
/// as an article of `edition`.
pub fn harvest(
    rest: &mut Rest,
    edition: &EditionConfig,
    since: Option<Published>,
) -> Result<Harvest, HttpError> {
    harvest_pages(rest, edition, since, PER_PAGE)
}

/// [`harvest`], `per_page` posts a request.
pub fn harvest_pages(
    rest: &mut Rest,
    edition: &EditionConfig,
    since: Option<Published>,
    per_page: u32,
) -> Result<Harvest, HttpError> {
    let index = rest.get("/", INDEX_QUERY)?.success()?;
    let site: SiteIndex = read_json(&index)?;
    let mut harvest = Harvest {
        site_name: html::plain_text(&site.name),
        articles: Vec::new(),
        skipped: Vec::new(),
        notes: Vec::new(),
        unmapped: Vec::new(),
        listed: 0,
        pages: 0,
    };
    let modified_after = since.map(|since| {
        let asked = utc(since.unix_seconds() - SINCE_MARGIN_SECONDS);
        format!("&modified_after={}", asked.to_string().replace("+00:00", "Z"))
    });
    let mut page = 1;
    loop {
        let query = format!(
            "_embed&per_page={per_page}{}&page={page}",
            modified_after.as_deref().unwrap_or("")
        );
        let answer = rest.get("/wp/v2/posts", &query)?.success()?;
        let total_pages: u32 = match answer.header("X-WP-TotalPages") {
            Some(value) => value.trim().parse().map_err(|_| HttpError {
                url: answer.url.clone(),
                message: format!("X-WP-TotalPages is `{value}`, not a number of pages"),
            })?,
            None => 1,
        };
        let posts: Vec<Value> = read_json(&answer)?;
        harvest.pages = page;
        harvest.listed += posts.len();
        for post in posts {
            read_post(post, &answer.url, edition, since, &mut harvest);
        }
        if page >= total_pages {
            return Ok(harvest);
        }
        page += 1;
    }
}

#[derive(Deserialize)]
struct SiteIndex {
    #[serde(default)]
    name: String,
}

/// The answer's body as JSON of type `T`, or what is wrong with it.
fn read_json<T: for<'de> Deserialize<'de>>(answer: &Answer) -> Result<T, HttpError> {
    serde_json::from_slice(&answer.body).map_err(|error| HttpError {
        url: answer.url.clone(),
        message: format!("is not the JSON expected: {error}"),
    })
}

/// A post as the REST API sends it, with `_embed`; only what is read.
#[derive(Deserialize)]
struct Post {
    id: u64,
    date_gmt: String,
    modified_gmt: String,
    status: String,
    title: Rendered,
    content: Content,
    #[serde(default, rename = "_embedded")]
    embedded: Embedded,
}

#[derive(Deserialize)]
struct Rendered {
    rendered: String,
}

#[derive(Deserialize)]
struct Content {
    rendered: String,
    #[serde(default)]
    protected: bool,
}

/// Embedded objects may be error objects (a 401 for what the caller may
/// not see): each is read on its own, and one that is not what is expected
/// is passed over.
#[derive(Deserialize, Default)]
struct Embedded {
    #[serde(default)]
    author: Vec<Value>,
    #[serde(default, rename = "wp:featuredmedia")]
    featured_media: Vec<Value>,
    /// One array per taxonomy: categories, then tags.
    #[serde(default, rename = "wp:term")]
    terms: Vec<Vec<Value>>,
}

#[derive(Deserialize)]
struct User {
    name: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
struct Media {
    source_url: String,
    #[serde(default)]
    alt_text: String,
    caption: Option<Rendered>,
    #[serde(default)]
    media_details: MediaDetails,
}

#[derive(Deserialize, Default)]
struct MediaDetails {
    #[serde(default)]
    width: u32,
    #[serde(default)]
    height: u32,
}

#[derive(Deserialize)]
struct Term {
    name: String,
    slug: String,
    taxonomy: String,
}

/// One post of a page into `harvest`: an article, or a reason it is left out.
fn read_post(
    post: Value,
    page_url: &str,
    edition: &EditionConfig,
    since: Option<Published>,
    harvest: &mut Harvest,
) {
    let id = post.get("id").and_then(Value::as_u64);
    // Readable in messages: a non-Latin slug's address is percent-encoded.
    let address = post
        .get("link")
        .and_then(Value::as_str)
        .filter(|link| !link.is_empty())
        .map(decoded)
        .or_else(|| id.map(|id| format!("post {id} of {page_url}")))
        .unwrap_or_else(|| format!("a post of {page_url}"));
    let mut skip = |why: String| {
        harvest.skipped.push(PostNote {
            post: address.clone(),
            what: why,
        })
    };
    let post: Post = match serde_json::from_value(post) {
        Ok(post) => post,
        Err(error) => return skip(format!("is not a post as expected: {error}")),
    };
    let (published, modified) = match (gmt(&post.date_gmt), gmt(&post.modified_gmt)) {
        (Ok(published), Ok(modified)) => (published, modified),
        (Err(why), _) => return skip(format!("date_gmt {why}")),
        (_, Err(why)) => return skip(format!("modified_gmt {why}")),
    };
    // Before any report: a post unchanged since `since` is none of this import's business.
    if since.is_some_and(|since| modified <= since) {
        return;
    }
    if post.status != "publish" {
        return skip(format!("is not published (status `{}`)", post.status));
    }
    if post.content.protected {
        return skip("is password-protected: its text is not public".to_owned());
    }
    let headline = html::plain_text(&post.title.rendered);
    if headline.trim().is_empty() {
        return skip("has no title: give it one in WordPress".to_owned());
    }

    let categories: Vec<Term> = post
        .embedded
        .terms
        .iter()
        .flatten()
        .filter_map(|term| serde_json::from_value::<Term>(term.clone()).ok())
        .filter(|term| term.taxonomy == "category")
        .collect();
    let slugs: Vec<String> = categories.iter().map(|term| decoded(&term.slug)).collect();
    for (term, slug) in categories.iter().zip(&slugs) {
        if !edition.wordpress.categories.contains_key(slug) {
            note_unmapped(
                &mut harvest.unmapped,
                &html::plain_text(&term.name),
                slug,
                post.id,
            );
        }
    }
    let Some(section) = edition
        .wordpress
        .section_of(slugs.iter().map(String::as_str))
        .cloned()
    else {
        let names: Vec<String> = categories
            .iter()
            .map(|term| format!("`{}`", decoded(&term.slug)))
            .collect();
        return skip(format!(
            "no section for its categories ({}): list one under [editions.wordpress.categories] of edition `{}` in network.toml, or give it a default_section",
            names.join(", "),
            edition.edition.id
        ));
    };

    let (body, report) = html::body_blocks(&post.content.rendered);
    if body.is_empty() {
        return skip("has no text".to_owned());
    }
    let lead_image = match featured_image(&post.embedded) {
        Ok(image) => image,
        Err(why) => {
            harvest.notes.push(PostNote {
                post: address.clone(),
                what: format!("{why}; imported without it"),
            });
            None
        }
    };
    harvest.articles.push(ImportedArticle {
        id: format!("wp-{}", post.id)
            .parse::<Slug>()
            .expect("wp- and digits is a slug"),
        origin: address,
        edition: edition.edition.id.clone(),
        section,
        headline,
        published: at_offset(published, edition.utc_offset),
        updated: (modified > published).then(|| at_offset(modified, edition.utc_offset)),
        authors: post
            .embedded
            .author
            .into_iter()
            .filter_map(|user| serde_json::from_value::<User>(user).ok())
            .map(|user| ImportedAuthor {
                name: html::plain_text(&user.name),
                slug: Some(decoded(&user.slug)).filter(|slug| !slug.is_empty()),
                description: Some(html::plain_text(&user.description))
                    .filter(|description| !description.trim().is_empty()),
            })
            .collect(),
        lead_image,
        body,
        source: String::new(),
        report,
    });
}

/// The featured image as the lead image, if the post has one; an error
/// when it has one that cannot be shown (no alt text and no caption).
fn featured_image(embedded: &Embedded) -> Result<Option<Image>, String> {
    let Some(media) = embedded.featured_media.first() else {
        return Ok(None);
    };
    let media: Media = serde_json::from_value(media.clone())
        .map_err(|_| "its featured image is not readable (not public?)".to_owned())?;
    let caption = media
        .caption
        .as_ref()
        .map(|caption| html::plain_text(&caption.rendered))
        .unwrap_or_default();
    let alt = Some(html::plain_text(&media.alt_text))
        .filter(|alt| !alt.trim().is_empty())
        .or_else(|| Some(caption.clone()).filter(|caption| !caption.trim().is_empty()))
        .ok_or_else(|| {
            format!(
                "its featured image {} has neither alt text nor a caption to say what it shows",
                media.source_url
            )
        })?;
    Ok(Some(Image {
        src: media.source_url,
        width: media.media_details.width,
        height: media.media_details.height,
        alt,
        caption: if caption.is_empty() {
            Vec::new()
        } else {
            vec![Inline::Text(caption)]
        },
        credit: None,
        sources: Vec::new(),
    }))
}

/// Counts post `id` under its unlisted category.
fn note_unmapped(unmapped: &mut Vec<UnmappedCategory>, name: &str, slug: &str, id: u64) {
    match unmapped.iter_mut().find(|category| category.slug == slug) {
        Some(category) => category.posts.push(id),
        None => unmapped.push(UnmappedCategory {
            name: name.to_owned(),
            slug: slug.to_owned(),
            posts: vec![id],
        }),
    }
}

/// A slug or an address as WordPress shows it: `%e6%96%b0` is `新`.
fn decoded(slug: &str) -> String {
    percent_decode_str(slug).decode_utf8_lossy().into_owned()
}

/// `2024-03-08T01:30:00`, UTC written without its `Z`, as an instant.
fn gmt(text: &str) -> Result<Published, String> {
    Published::parse(&format!("{text}Z"))
        .map_err(|_| format!("`{text}` is not a UTC time like 2024-03-08T01:30:00"))
}

/// The instant `seconds` after the epoch, in UTC.
fn utc(seconds: i64) -> Published {
    instant_at(seconds, UtcOffset::UTC)
}

/// The same instant on the clock of `offset`.
fn at_offset(instant: Published, offset: UtcOffset) -> Published {
    instant_at(instant.unix_seconds(), offset)
}

/// `--since`: an instant (`2024-03-07T16:00:00Z`, any offset) or a day
/// (`2024-03-07`), which starts at midnight at the edition's offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    Instant(Published),
    Day(CivilDate),
}

impl Since {
    /// Also clap's parser of `--since`.
    pub fn parse(text: &str) -> Result<Self, String> {
        if let Ok(day) = text.parse::<CivilDate>() {
            return Ok(Since::Day(day));
        }
        Published::parse(text).map(Since::Instant).map_err(|_| {
            format!("`{text}` is neither a day (2024-03-07) nor an instant (2024-03-07T16:00:00Z)")
        })
    }

    /// The instant, a day taken at `offset`.
    pub fn at(self, offset: UtcOffset) -> Published {
        match self {
            Since::Instant(instant) => instant,
            Since::Day(day) => Published::midnight(day, offset),
        }
    }
}

/// Where to import from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A WordPress site's address.
    Site(String),
    /// A folder of saved answers (`scripts/wordpress record`).
    Folder(PathBuf),
}

impl Source {
    /// The site at `url`, a web address like the network's own
    /// (`https://example.org/`); also clap's parser of the site argument.
    pub fn site(url: &str) -> Result<Self, String> {
        SiteUrl::parse(url).map(|_| Source::Site(url.to_owned()))
    }
}

/// What an import found and what it wrote.
#[derive(Debug)]
pub struct WordPressImport {
    pub harvest: Harvest,
    pub written: WriteReport,
}

/// Imports the published posts of `source` (modified after `since`, when
/// given) into edition `edition` of the content folder `content`: every
/// article written, or, on any problem, nothing.
pub fn import(
    content: &Path,
    source: &Source,
    edition: &Slug,
    since: Option<Since>,
) -> Result<WordPressImport, Vec<Problem>> {
    let network = network::load(content)?;
    let config = super::edition_of(&network, content, edition)?;
    let mut rest = match source {
        // The site's own address tells WordPress's operator who asks.
        Source::Site(url) => Rest::site(url, Client::new(&network.site_url.file(""), Patience::default())),
        Source::Folder(folder) => Rest::folder(folder).map_err(|error| vec![http_problem(error)])?,
    };
    let since = since.map(|since| since.at(config.utc_offset));
    let harvest = harvest(&mut rest, config, since).map_err(|error| vec![http_problem(error)])?;
    let written = write::write_articles(
        content,
        &network,
        &harvest.articles,
        &harvest.site_name,
        &mut |url: &str| rest.image(url),
    )?;
    Ok(WordPressImport { harvest, written })
}

/// A failed request as a problem, located by its URL.
fn http_problem(error: HttpError) -> Problem {
    Problem::in_file(Path::new(&error.url), error.message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network;
    use serde_json::json;

    const NETWORK: &str = r#"
[site]
url = "https://news.example.org/"

[network]
short_name = "BRNN"
name = "Network"

[[editions]]
id = "en"
lang = "en"
name = "News"
page_size = 10
utc_offset = "+08:00"

[[editions.sections]]
path = "news"
name = "News"

[editions.wordpress]
default_section = "news"
"#;

    /// A published post as the REST API sends it, with `_embed`.
    fn post() -> Value {
        json!({
            "id": 5,
            "date_gmt": "2024-03-01T10:00:00",
            "modified_gmt": "2024-03-01T10:00:00",
            "status": "publish",
            "link": "https://blog.example.org/a-post/",
            "title": {"rendered": "A post"},
            "content": {"rendered": "<p>Text.</p>", "protected": false},
            "_embedded": {
                "author": [{"id": 2, "name": "Jonas Weber", "slug": "jonas-weber", "description": ""}],
                "wp:term": [[], []]
            }
        })
    }

    /// What `post` becomes: the article, else the note on why not, and the notes on it.
    fn read(post: Value) -> (Option<ImportedArticle>, Vec<String>) {
        read_since(post, None)
    }

    /// [`read`] in an import of the posts modified after `since`.
    fn read_since(post: Value, since: Option<Published>) -> (Option<ImportedArticle>, Vec<String>) {
        let network = network::parse(Path::new("network.toml"), NETWORK).ok().unwrap();
        let mut harvest = Harvest {
            site_name: String::new(),
            articles: Vec::new(),
            skipped: Vec::new(),
            notes: Vec::new(),
            unmapped: Vec::new(),
            listed: 1,
            pages: 1,
        };
        read_post(
            post,
            "https://blog.example.org/?rest_route=/wp/v2/posts&page=1",
            &network.editions[0],
            since,
            &mut harvest,
        );
        let notes = harvest
            .skipped
            .iter()
            .chain(&harvest.notes)
            .map(|note| format!("{}: {}", note.post, note.what))
            .collect();
        (harvest.articles.pop(), notes)
    }

    #[test]
    fn a_plain_post_is_an_article_in_the_default_section() {
        let (article, notes) = read(post());
        let article = article.unwrap();
        assert_eq!(
            (article.id.as_str(), article.section.to_string()),
            ("wp-5", "news".to_owned())
        );
        assert_eq!(article.published.to_string(), "2024-03-01T18:00:00+08:00");
        assert_eq!(
            article.authors[0].description, None,
            "an empty description is none"
        );
        assert_eq!(notes, Vec::<String>::new());
    }

    #[test]
    fn impossible_dates_and_what_is_no_post_are_refused_with_the_posts_address() {
        let mut zero_date = post();
        zero_date["date_gmt"] = json!("0000-00-00T00:00:00");
        let mut no_title = post();
        no_title["title"] = json!("a string, not an object");
        let mut no_link = post();
        no_link["status"] = json!("future");
        no_link["link"] = json!("");
        for (post, expected) in [
            (
                zero_date,
                "https://blog.example.org/a-post/: date_gmt `0000-00-00T00:00:00` is not a UTC time like 2024-03-08T01:30:00",
            ),
            (
                no_title,
                "https://blog.example.org/a-post/: is not a post as expected: invalid type: string \"a string, not an object\", expected struct Rendered",
            ),
            (
                no_link,
                "post 5 of https://blog.example.org/?rest_route=/wp/v2/posts&page=1: is not published (status `future`)",
            ),
            (json!("a string"), "a post of https://blog.example.org/?rest_route=/wp/v2/posts&page=1: is not a post as expected: invalid type: string \"a string\", expected struct Post"),
        ] {
            let (article, notes) = read(post);
            assert!(article.is_none());
            assert_eq!(notes, [expected]);
        }
    }

    #[test]
    fn a_featured_image_that_is_an_error_object_or_has_no_words_is_left_out_and_noted() {
        let mut hidden = post();
        hidden["_embedded"]["wp:featuredmedia"] =
            json!([{"code": "rest_forbidden", "data": {"status": 401}}]);
        let (article, notes) = read(hidden);
        assert!(article.unwrap().lead_image.is_none());
        assert_eq!(
            notes,
            ["https://blog.example.org/a-post/: its featured image is not readable (not public?); imported without it"]
        );

        let mut wordless = post();
        wordless["_embedded"]["wp:featuredmedia"] = json!([{"source_url": "https://blog.example.org/x.jpg", "alt_text": "", "caption": {"rendered": ""}}]);
        let (article, notes) = read(wordless);
        assert!(article.unwrap().lead_image.is_none());
        assert_eq!(
            notes,
            ["https://blog.example.org/a-post/: its featured image https://blog.example.org/x.jpg has neither alt text nor a caption to say what it shows; imported without it"]
        );

        let mut captioned = post();
        captioned["_embedded"]["wp:featuredmedia"] = json!([{
            "source_url": "https://blog.example.org/x.jpg",
            "alt_text": "",
            "caption": {"rendered": "<p>The port &amp; its cranes</p>\n"}
        }]);
        let image = read(captioned).0.unwrap().lead_image.unwrap();
        assert_eq!(
            image.alt, "The port & its cranes",
            "the caption says what it shows"
        );
    }

    #[test]
    fn a_post_modified_after_it_was_published_is_updated_one_modified_before_is_not() {
        let mut later = post();
        later["modified_gmt"] = json!("2024-03-02T00:00:00");
        let article = read(later).0.unwrap();
        assert_eq!(
            article.updated.map(|updated| updated.to_string()).as_deref(),
            Some("2024-03-02T08:00:00+08:00")
        );
        let mut earlier = post();
        earlier["modified_gmt"] = json!("2024-02-01T00:00:00");
        assert_eq!(read(earlier).0.unwrap().updated, None);
    }

    #[test]
    fn a_post_not_modified_since_is_passed_over_without_a_report_even_if_it_would_be_refused() {
        let mut protected = post();
        protected["content"]["protected"] = json!(true);
        let since = Published::parse("2024-03-02T00:00:00Z").unwrap();
        assert_eq!(read_since(protected.clone(), Some(since)), (None, Vec::new()));
        protected["modified_gmt"] = json!("2024-03-03T00:00:00");
        assert_eq!(
            read_since(protected, Some(since)).1,
            ["https://blog.example.org/a-post/: is password-protected: its text is not public"]
        );
    }
}
