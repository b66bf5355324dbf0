//! The feeds of a build of the shipped content, read back by feed-rs, an
//! independent parser of RSS, Atom and JSON Feed.

mod common;

use std::fs;
use std::path::Path;

use brnn_content::commands;
use brnn_content::network::SiteUrl;
use brnn_content::ProgressBar;
use serde_json::Value;
use tempfile::TempDir;

const FEED_ITEMS: usize = 30;
const FILES: [&str; 3] = ["rss.xml", "atom.xml", "feed.json"];

fn built_site() -> TempDir {
    let out = TempDir::new().unwrap();
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let site_url = SiteUrl::parse("https://news.example.org/").unwrap();
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("image-cache");
    commands::build(
        &content,
        out.path(),
        &cache,
        Some(site_url),
        None,
        common::now(),
        &ProgressBar::hidden(),
    )
    .unwrap();
    out
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

/// Every article id of a listing, newest first, as the reader's endpoint
/// pages list them: the newest page (the front page's is `front.json`'s
/// `latest`), then the older ones, numbered from the oldest.
fn listed_ids(site: &Path, pages_folder: &str) -> Vec<String> {
    let edition = site.join("api/v2/de");
    let folder = edition.join(pages_folder);
    let (newest, entries) = match pages_folder {
        "pages" => (json(&edition.join("front.json")), "latest"),
        _ => (json(&folder.join("newest.json")), "articles"),
    };
    let ids = |document: &Value, entries: &str| -> Vec<String> {
        document[entries]
            .as_array()
            .unwrap()
            .iter()
            .map(|article| article["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let older = (1..newest["page"].as_u64().unwrap())
        .rev()
        .flat_map(|page| ids(&json(&folder.join(format!("{page}.json"))), "articles"));
    ids(&newest, entries).into_iter().chain(older).collect()
}

/// (feed folder, endpoint pages folder) of the front page and every section.
const LISTINGS: [(&str, &str); 5] = [
    ("", "pages"),
    ("section/bri-nachrichten/", "sections/bri-nachrichten/pages"),
    (
        "section/bri-nachrichten/aktuelles/",
        "sections/bri-nachrichten/aktuelles/pages",
    ),
    (
        "section/bri-nachrichten/chinas-wirtschaft/",
        "sections/bri-nachrichten/chinas-wirtschaft/pages",
    ),
    ("section/dokumente/", "sections/dokumente/pages"),
];

#[test]
fn every_feed_holds_the_newest_articles_of_its_list_in_order() {
    let site = built_site();
    for (feed_folder, pages_folder) in LISTINGS {
        let expected: Vec<String> = listed_ids(site.path(), pages_folder)
            .into_iter()
            .take(FEED_ITEMS)
            .map(|id| format!("https://news.example.org/de/article/{id}"))
            .collect();
        assert!(!expected.is_empty());
        for file in FILES {
            let path = site.path().join("feeds/de").join(feed_folder).join(file);
            let feed = feed_rs::parser::parse(fs::read(&path).unwrap().as_slice())
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            let links: Vec<String> = feed
                .entries
                .iter()
                .map(|entry| {
                    entry
                        .links
                        .first()
                        .expect("every entry links its article")
                        .href
                        .clone()
                })
                .collect();
            assert_eq!(links, expected, "{}", path.display());
            let dates: Vec<_> = feed
                .entries
                .iter()
                .map(|entry| entry.published.unwrap())
                .collect();
            assert!(
                dates.windows(2).all(|pair| pair[0] >= pair[1]),
                "{}",
                path.display()
            );
            assert!(
                feed.entries.iter().all(|entry| entry.title.is_some()),
                "{}",
                path.display()
            );
            assert!(feed
                .title
                .is_some_and(|title| title.content.contains("Nachrichtennetzwerk")));
        }
    }
}

#[test]
fn the_front_page_feed_stops_at_its_item_count_with_the_seed_first() {
    let site = built_site();
    let feed =
        feed_rs::parser::parse(fs::read(site.path().join("feeds/de/rss.xml")).unwrap().as_slice()).unwrap();
    assert_eq!(
        feed.entries.len(),
        FEED_ITEMS,
        "the shipped content has more articles than a feed holds"
    );
    let seed = &feed.entries[0];
    assert_eq!(
        seed.title.as_ref().unwrap().content,
        "China und Russland streben engere Zusammenarbeit in allen Bereichen an"
    );
    assert_eq!(seed.published.unwrap().to_rfc3339(), "2025-11-03T16:00:00+00:00");
    assert!(seed
        .content
        .as_ref()
        .and_then(|content| content.body.as_ref())
        .is_some_and(|body| body.contains("<p>Nach ihrem Treffen unterzeichneten Li und Mischustin")));
}

/// JSON Feed 1.1: `version`, `title` and `items` are required; each item
/// needs a string `id` and `content_html` or `content_text`.
#[test]
fn json_feeds_have_every_field_the_specification_requires() {
    let site = built_site();
    for (feed_folder, _) in LISTINGS {
        let path = site.path().join("feeds/de").join(feed_folder).join("feed.json");
        let feed = json(&path);
        let at = path.display();
        assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1", "{at}");
        assert!(feed["title"].as_str().is_some_and(|t| !t.is_empty()), "{at}");
        assert_eq!(
            feed["feed_url"].as_str().unwrap(),
            format!("https://news.example.org/feeds/de/{feed_folder}feed.json")
        );
        assert!(feed["home_page_url"]
            .as_str()
            .unwrap()
            .starts_with("https://news.example.org/de/"));
        let items = feed["items"].as_array().expect("items is an array");
        for item in items {
            assert!(
                item["id"].as_str().is_some_and(|id| !id.is_empty()),
                "{at}: {item}"
            );
            assert!(
                item["content_html"].is_string() || item["content_text"].is_string(),
                "{at}: {item}"
            );
            let date = item["date_published"].as_str().unwrap();
            assert!(chrono::DateTime::parse_from_rfc3339(date).is_ok(), "{at}: {date}");
        }
    }
}

#[test]
fn the_sitemap_index_leads_to_every_article() {
    let site = built_site();
    let index = fs::read_to_string(site.path().join("sitemap.xml")).unwrap();
    assert!(
        index.contains("<loc>https://news.example.org/sitemaps/de-pages.xml</loc>"),
        "{index}"
    );
    // Every article is in the sitemap of its month, and the index names each sitemap.
    let mut sitemap = String::new();
    for entry in fs::read_dir(site.path().join("sitemaps")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.starts_with("de-") {
            assert!(
                index.contains(&format!("<loc>https://news.example.org/sitemaps/{name}</loc>")),
                "{name}"
            );
            sitemap += &fs::read_to_string(site.path().join("sitemaps").join(&name)).unwrap();
        }
    }
    let articles = listed_ids(site.path(), "pages");
    for id in &articles {
        assert!(
            sitemap.contains(&format!("<loc>https://news.example.org/de/article/{id}</loc>")),
            "{id}"
        );
    }
    assert_eq!(
        sitemap.matches("<url>").count(),
        articles.len() + 1 + 4 + 1 + 4,
        "articles, front page, 4 sections, 1 author, 4 pages of the house"
    );
    assert!(sitemap.contains("<loc>https://news.example.org/de/author/beispiel-redaktion/</loc>"));
    // An updated article's lastmod is its update, and so is its lists'.
    let last_modified = |page: &str| {
        let (_, after) = sitemap
            .split_once(&format!("<loc>https://news.example.org{page}</loc>"))
            .unwrap();
        let (_, rest) = after.split_once("<lastmod>").unwrap();
        rest.split_once("</lastmod>").unwrap().0.to_owned()
    };
    assert_eq!(
        last_modified("/de/article/beispiel-artikelformat"),
        "2025-10-29T09:15:00+08:00"
    );
    assert_eq!(
        last_modified("/de/author/beispiel-redaktion/"),
        "2025-10-29T09:15:00+08:00"
    );
    let robots = fs::read_to_string(site.path().join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://news.example.org/sitemap.xml\n"));
}

/// (edition, language, edition name, a section's feed folder, that section's name)
const EDITIONS: [(&str, &str, &str, &str, &str); 4] = [
    (
        "de",
        "de",
        "„Belt and Road“-Nachrichtennetzwerk",
        "section/bri-nachrichten/aktuelles/",
        "Aktuelles",
    ),
    (
        "en",
        "en",
        "Belt and Road News Network",
        "section/news/latest/",
        "Latest",
    ),
    (
        "zh",
        "zh-Hans",
        "“一带一路”新闻合作联盟",
        "section/xinwen/zuixin/",
        "最新消息",
    ),
    (
        "ar",
        "ar",
        "شبكة أخبار الحزام والطريق",
        "section/akhbar/mustajaddat/",
        "آخر المستجدات",
    ),
];

#[test]
fn every_editions_feeds_carry_its_language_and_its_own_titles() {
    let site = built_site();
    for (edition, lang, name, section_folder, section_name) in EDITIONS {
        for (folder, title) in [
            (String::new(), name.to_owned()),
            (section_folder.to_owned(), format!("{section_name} – {name}")),
        ] {
            for file in FILES {
                let path = site.path().join("feeds").join(edition).join(&folder).join(file);
                let feed = feed_rs::parser::parse(fs::read(&path).unwrap().as_slice())
                    .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
                let at = path.display();
                // RSS readers lower-case the tag (`zh-hans`); it names the same language.
                assert_eq!(
                    feed.language.map(|language| language.to_lowercase()),
                    Some(lang.to_lowercase()),
                    "{at}"
                );
                assert_eq!(feed.title.map(|title| title.content), Some(title.clone()), "{at}");
                assert!(!feed.entries.is_empty(), "{at}");
                for entry in &feed.entries {
                    let link = &entry.links[0].href;
                    assert!(
                        link.starts_with(&format!("https://news.example.org/{edition}/article/")),
                        "{at}: {link}"
                    );
                }
            }
        }
    }
}

#[test]
fn each_editions_feed_describes_itself_in_its_language() {
    let site = built_site();
    let description = |edition: &str| {
        json(&site.path().join("feeds").join(edition).join("feed.json"))["description"].clone()
    };
    assert_eq!(
        description("de"),
        "Die neuesten Artikel: „Belt and Road“-Nachrichtennetzwerk"
    );
    assert_eq!(
        description("en"),
        "The latest articles: Belt and Road News Network"
    );
    assert_eq!(description("zh"), "最新文章：“一带一路”新闻合作联盟");
    assert_eq!(description("ar"), "أحدث المقالات: شبكة أخبار الحزام والطريق");
}

#[test]
fn a_lead_image_is_the_rss_enclosure_and_the_json_feed_image_at_its_absolute_address() {
    let out = built_site();
    let feed = json(&out.path().join("feeds/en/feed.json"));
    let item = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["id"].as_str().unwrap().ends_with("/sample-container-port"))
        .expect("the sample with a lead photo");
    let image = item["image"].as_str().unwrap();
    assert!(
        image.starts_with("https://news.example.org/api/v2/media/storm-over-road-1600-")
            && image.ends_with(".jpg"),
        "{image}"
    );
    let rss =
        feed_rs::parser::parse(fs::read(out.path().join("feeds/en/rss.xml")).unwrap().as_slice()).unwrap();
    let entry = rss
        .entries
        .iter()
        .find(|entry| entry.id.ends_with("/sample-container-port"))
        .unwrap();
    let enclosure = entry
        .media
        .iter()
        .flat_map(|media| &media.content)
        .find_map(|content| content.url.as_ref());
    assert_eq!(enclosure.map(|url| url.as_str()), Some(image));
}

#[test]
fn a_feed_item_carries_the_whole_article_as_its_page_draws_it_with_absolute_addresses() {
    let site = built_site();
    let feed: Value = serde_json::from_str(
        &fs::read_to_string(site.path().join("feeds/de/section/dokumente/feed.json")).unwrap(),
    )
    .unwrap();
    let item = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["id"] == "https://news.example.org/de/article/beispiel-artikelformat")
        .expect("the format sample is in its section's feed");
    let html = item["content_html"].as_str().unwrap();
    for expected in [
        r#"<div class="article-body"><p>Dies ist ein <strong>Beispielartikel</strong>"#,
        "<h2>Zwischentitel</h2>",
        r#"<a href="https://news.example.org/de/article/ecf15130d4b083e2">"#,
        r#"<a href="https://spec.commonmark.org/" rel="noopener">"#,
        r#"<img src="https://news.example.org/api/v2/media/rocket-launch-"#,
        "Eine frühere Fassung dieses Beispiels nannte einen falschen Wochentag.</p>",
    ] {
        assert!(html.contains(expected), "{expected} in {html}");
    }
    assert!(!html.contains("<script"));
    assert!(item["image"]
        .as_str()
        .unwrap()
        .starts_with("https://news.example.org/api/v2/media/storm-over-road-"));
}
