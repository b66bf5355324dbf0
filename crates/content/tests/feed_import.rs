//! `import feed`: our own feeds of an edition, built, imported into an
//! empty content folder, give the same articles (issue 20's round trip);
//! and a newsroom's RSS with what such feeds carry (content:encoded,
//! media:content, dc:creator, categories) through the section table.

mod common;

use std::fs;
use std::path::Path;

use brnn_content::commands;
use brnn_content::import::feed;
use brnn_content::import::write::{write_articles, Outcome};
use brnn_content::library::{EditionContent, Library};
use brnn_content::network::{self, EditionConfig, SiteUrl};
use brnn_content::ProgressBar;
use brnn_model::format::Article;
use brnn_model::slug::SectionPath;
use common::{empty_content, image_cache, now, repo};
use tempfile::TempDir;

const SITE: &str = "https://news.example.org/";

fn built_site() -> TempDir {
    let out = TempDir::new().unwrap();
    commands::build(
        &repo().join("content"),
        out.path(),
        &image_cache(),
        Some(SiteUrl::parse(SITE).unwrap()),
        None,
        now(),
        &ProgressBar::hidden(),
    )
    .unwrap();
    out
}

fn check(content: &Path) -> Library {
    commands::check(content, &ProgressBar::hidden()).unwrap_or_else(|failure| panic!("{failure:?}"))
}

fn edition<'a>(library: &'a Library, id: &str) -> &'a EditionContent {
    library
        .editions
        .iter()
        .find(|content| content.edition.id.as_str() == id)
        .unwrap()
}

/// The edition's articles whole, bodies included (the library keeps what lists show).
fn whole_articles(library: &Library, content: &EditionContent) -> Vec<Article> {
    content
        .articles
        .iter()
        .map(|article| library.whole(content, article).unwrap())
        .collect()
}

fn config(content: &Path, id: &str) -> EditionConfig {
    let network = network::load(content).unwrap();
    network
        .editions
        .into_iter()
        .find(|config| config.edition.id.as_str() == id)
        .unwrap()
}

/// The text of an article as a reader sees it, its correction included.
fn text(article: &Article) -> String {
    let mut lines: Vec<String> = article.paragraphs.clone();
    lines.extend(article.correction.clone());
    lines
        .iter()
        .flat_map(|line| line.lines())
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn figures(article: &Article) -> usize {
    article
        .blocks()
        .iter()
        .filter(|block| matches!(block, brnn_model::body::Block::Figure { .. }))
        .count()
}

#[test]
fn our_own_feeds_imported_into_an_empty_content_folder_give_the_same_articles() {
    let site = built_site();
    let shipped = check(&repo().join("content"));
    let german = whole_articles(&shipped, edition(&shipped, "de"));
    assert!(german
        .iter()
        .any(|article| article.image.is_some() && figures(article) > 0));
    assert!(german.iter().any(|article| !article.authors.is_empty()));
    assert!(german.iter().any(|article| article.updated.is_some()));

    // Every edition: German, English (a report filed at UTC−03:00), Chinese, Arabic.
    for shipped_edition in &shipped.editions {
        let id = shipped_edition.edition.id.as_str();
        let mut originals = whole_articles(&shipped, shipped_edition);
        originals.truncate(30);
        let section: SectionPath = shipped_edition.edition.sections[0].slug.as_str().parse().unwrap();
        for file in ["rss.xml", "atom.xml", "feed.json"] {
            let content = empty_content();
            let network = network::load(content.path()).unwrap();
            let bytes = fs::read(site.path().join("feeds").join(id).join(file)).unwrap();
            let items = feed::read(&bytes, file, &config(content.path(), id), Some(&section)).unwrap();
            assert!(items.left_out.is_empty(), "{id} {file}: {:?}", items.left_out);
            let mut fetch = |url: &str| {
                let relative = url
                    .strip_prefix(SITE)
                    .ok_or_else(|| format!("{url}: not the built site"))?;
                fs::read(site.path().join(relative)).map_err(|error| format!("{url}: {error}"))
            };
            let written = write_articles(
                content.path(),
                &network,
                &items.articles,
                &items.site_name,
                &mut fetch,
            )
            .unwrap();
            assert!(written
                .articles
                .iter()
                .all(|(_, outcome)| *outcome == Outcome::New));

            let imported = check(content.path());
            let imported = whole_articles(&imported, edition(&imported, id));
            assert_eq!(imported.len(), originals.len(), "{id} {file}");
            for original in &originals {
                let at = format!("{id} {file}: {}", original.id);
                let copy = imported
                    .iter()
                    .find(|copy| copy.headline == original.headline)
                    .unwrap_or_else(|| panic!("{at}: no article of its headline"));
                assert_eq!(
                    copy.published.unix_seconds(),
                    original.published.unix_seconds(),
                    "{at}"
                );
                // RSS has no date of an update; Atom and JSON Feed have.
                if file != "rss.xml" {
                    assert_eq!(
                        copy.updated.map(|updated| updated.unix_seconds()),
                        original.updated.map(|updated| updated.unix_seconds()),
                        "{at}"
                    );
                }
                assert_eq!(text(copy), text(original), "{at}");
                let names = |article: &Article| {
                    article
                        .authors
                        .iter()
                        .map(|author| author.name.clone())
                        .collect::<Vec<_>>()
                };
                assert_eq!(names(copy), names(original), "{at}");
                assert_eq!(copy.image.is_some(), original.image.is_some(), "{at}");
                assert_eq!(figures(copy), figures(original), "{at}");
            }
            // The photos are the site's own files, each credited.
            if originals.iter().any(|article| article.image.is_some()) {
                let photos: Vec<_> = fs::read_dir(content.path().join("photos"))
                    .unwrap()
                    .flatten()
                    .collect();
                assert!(
                    photos
                        .iter()
                        .any(|entry| entry.path().extension().unwrap() == "toml"),
                    "{id} {file}"
                );
            }

            // Imported again: nothing changes.
            let again = write_articles(
                content.path(),
                &network,
                &items.articles,
                &items.site_name,
                &mut fetch,
            )
            .unwrap();
            assert!(
                again
                    .articles
                    .iter()
                    .all(|(_, outcome)| *outcome == Outcome::Unchanged),
                "{id} {file}"
            );
        }
    }
}

const NEWSROOM_RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
 <title>Newsroom &amp; Co</title>
 <link>http://wordpress.test/</link>
 <description>Latest</description>
 <item>
  <title>A &lt;em&gt;port&lt;/em&gt; opens</title>
  <link>http://wordpress.test/port-opens/</link>
  <guid isPermaLink="false">http://wordpress.test/?p=41</guid>
  <pubDate>Thu, 07 Mar 2024 22:30:00 -0300</pubDate>
  <dc:creator><![CDATA[Jonas Weber]]></dc:creator>
  <category><![CDATA[Economy]]></category>
  <description><![CDATA[The summary.]]></description>
  <content:encoded><![CDATA[<p>The <strong>port</strong> opens.</p><script>alert(1)</script><p><img src="http://wordpress.test/wp-content/uploads/2024/03/rocket-launch-300x200.jpg" alt="A rocket"></p>]]></content:encoded>
  <media:content url="http://wordpress.test/wp-content/uploads/2024/03/coffee.jpg" medium="image" type="image/jpeg"/>
 </item>
 <item>
  <title>An opinion</title>
  <guid>http://wordpress.test/?p=42</guid>
  <pubDate>Fri, 08 Mar 2024 10:00:00 +0000</pubDate>
  <category>Opinion</category>
  <description>Only a summary.</description>
 </item>
 <item>
  <title>No date</title>
  <guid>http://wordpress.test/?p=43</guid>
  <category>Economy</category>
  <description>Text.</description>
 </item>
</channel>
</rss>"#;

#[test]
fn a_newsrooms_rss_maps_categories_through_the_section_table_and_reports_what_it_leaves_out() {
    let content = empty_content();
    let network_file = content.path().join("network.toml");
    let mut network_text = fs::read_to_string(&network_file).unwrap();
    // The German edition's table: Economy is mapped, Opinion is not.
    let first_english = network_text.find("\n[[editions]]\nid = \"en\"").unwrap();
    network_text.insert_str(
        first_english,
        "\n[editions.wordpress]\ncategories = { economy = \"bri-nachrichten/chinas-wirtschaft\" }\n",
    );
    fs::write(&network_file, network_text).unwrap();
    let de = config(content.path(), "de");

    let items = feed::read(NEWSROOM_RSS.as_bytes(), "newsroom.xml", &de, None).unwrap();
    assert_eq!(items.site_name, "Newsroom & Co");
    assert_eq!(items.articles.len(), 1);
    let article = &items.articles[0];
    assert_eq!(article.headline, "A port opens");
    assert_eq!(article.section.to_string(), "bri-nachrichten/chinas-wirtschaft");
    assert!(article.id.as_str().starts_with("41-"), "{}", article.id);
    // 22:30 at −03:00 is 09:30 the next day in the edition's +08:00.
    assert_eq!(article.published.to_string(), "2024-03-08T09:30:00+08:00");
    assert_eq!(article.authors[0].name, "Jonas Weber");
    assert_eq!(
        article.lead_image.as_ref().map(|image| image.src.as_str()),
        Some("http://wordpress.test/wp-content/uploads/2024/03/coffee.jpg")
    );
    assert_eq!(article.report.removed.get("script"), Some(&1));
    assert_eq!(items.left_out.len(), 2, "{:?}", items.left_out);
    assert!(items.left_out[0].starts_with(
        "newsroom.xml#http://wordpress.test/?p=42: none of its categories (`Opinion`) is mapped"
    ));
    assert!(items.left_out[1].ends_with("has no date: left out"));

    // With --section every item goes there, the opinion too.
    let section = "dokumente".parse().unwrap();
    let all = feed::read(NEWSROOM_RSS.as_bytes(), "newsroom.xml", &de, Some(&section)).unwrap();
    assert_eq!(all.articles.len(), 2);

    let unreadable = feed::read(b"<html><body>not a feed</body></html>", "page.html", &de, None).unwrap_err();
    assert!(
        unreadable.starts_with("is no RSS, Atom or JSON feed"),
        "{unreadable}"
    );
}

#[test]
fn importing_a_feed_file_writes_its_articles_and_names_a_missing_file() {
    let content = empty_content();
    let feed_file = content.path().join("feed.xml");
    // Without images, so that no download is asked for.
    let without_images = NEWSROOM_RSS
        .replace(r#"<media:content url="http://wordpress.test/wp-content/uploads/2024/03/coffee.jpg" medium="image" type="image/jpeg"/>"#, "")
        .replace(r#"<p><img src="http://wordpress.test/wp-content/uploads/2024/03/rocket-launch-300x200.jpg" alt="A rocket"></p>"#, "");
    fs::write(&feed_file, without_images).unwrap();
    let section = "dokumente".parse().unwrap();
    let done = feed::import(
        content.path(),
        feed_file.to_str().unwrap(),
        &"de".parse().unwrap(),
        Some(&section),
    )
    .unwrap();
    assert_eq!(done.written.articles.len(), 2);
    assert_eq!(done.written.authors_added.len(), 1);
    check(content.path());

    let missing = feed::import(content.path(), "no-such-feed.xml", &"de".parse().unwrap(), None).unwrap_err();
    assert!(
        missing[0]
            .to_string()
            .starts_with("no-such-feed.xml: cannot read it"),
        "{missing:?}"
    );
    let unknown = feed::import(
        content.path(),
        feed_file.to_str().unwrap(),
        &"xx".parse().unwrap(),
        None,
    )
    .unwrap_err();
    assert!(
        unknown[0].to_string().contains("has no edition `xx`"),
        "{unknown:?}"
    );
}

#[test]
fn the_command_prints_each_file_what_was_dropped_and_a_summary_then_finds_them_unchanged() {
    let content = empty_content();
    let feed_file = content.path().join("hostile.xml");
    let posts: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(
            repo().join("tests/fixtures/wordpress/rest/wp-v2-posts._embed.per_page-100.page-1.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let hostile = posts
        .as_array()
        .unwrap()
        .iter()
        .find(|post| post["slug"] == "hostile-html")
        .unwrap();
    // Its one image is on the recorded site, which is not served here.
    let body = hostile["content"]["rendered"].as_str().unwrap().replace(
        r#"src="http://wordpress.test/wp-content/uploads/2024/03/coffee-150x150.jpg""#,
        r#"src="x""#,
    );
    let item = format!(
        "<item><title>Hostile</title><guid>http://wordpress.test/?p=7</guid><pubDate>Tue, 05 Mar 2024 10:00:00 +0000</pubDate><content:encoded><![CDATA[{body}]]></content:encoded></item>"
    );
    fs::write(
        &feed_file,
        format!(
            r#"<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Site</title><link>http://wordpress.test/</link><description>d</description>{item}</channel></rss>"#
        ),
    )
    .unwrap();
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_brnn-content"))
            .args(["--content", content.path().to_str().unwrap(), "import", "feed"])
            .arg(&feed_file)
            .args(["--edition", "de", "--section", "dokumente"])
            .output()
            .unwrap()
    };
    let first = run();
    let printed = String::from_utf8_lossy(&first.stderr).into_owned();
    assert!(first.status.success(), "{printed}");
    let dropped = printed
        .lines()
        .find(|line| line.contains(": dropped: "))
        .unwrap_or_else(|| panic!("{printed}"));
    assert!(
        dropped
            .starts_with("hostile.xml#http://wordpress.test/?p=7: dropped: removed 1 base, 1 embed, 1 form,")
            || dropped.contains("#http://wordpress.test/?p=7: dropped: removed 1 base, 1 embed, 1 form,"),
        "{dropped}"
    );
    assert!(
        dropped.contains("2 script") && dropped.contains("5 link(s) kept as text"),
        "{dropped}"
    );
    assert!(
        printed.contains(": new (") && printed.contains("1 new, 0 updated, 0 unchanged; 0 left out"),
        "{printed}"
    );
    eprintln!("{printed}");

    let second = run();
    let printed = String::from_utf8_lossy(&second.stderr).into_owned();
    assert!(
        printed.contains("0 new, 0 updated, 1 unchanged; 0 left out"),
        "{printed}"
    );
}
