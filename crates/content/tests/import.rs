//! The importers' common end (`import::write`): imported articles written
//! as sources with their photos and authors, idempotently and all or
//! nothing, into content that `check` accepts.

mod common;

use std::fs;
use std::path::Path;

use brnn_content::commands;
use brnn_content::import::write::{write_articles, Outcome, WriteReport};
use brnn_content::import::{html, ImportedArticle, ImportedAuthor};
use brnn_content::network;
use brnn_content::problem::Problem;
use brnn_content::ProgressBar;
use brnn_model::body::Image;
use brnn_model::date::Published;
use common::{empty_content, repo, tree};

const SITE: &str = "http://wordpress.test/";

/// Answers an image URL of the recorded WordPress site from its fixture files.
fn fetch_fixture(url: &str) -> Result<Vec<u8>, String> {
    let relative = url
        .strip_prefix(SITE)
        .ok_or_else(|| format!("{url}: not the fixture site"))?;
    fs::read(repo().join("tests/fixtures/wordpress").join(relative))
        .map_err(|error| format!("{url}: {error}"))
}

fn image(file: &str, alt: &str) -> Image {
    Image {
        src: format!("{SITE}wp-content/uploads/2024/03/{file}"),
        width: 0,
        height: 0,
        alt: alt.to_owned(),
        caption: Vec::new(),
        credit: None,
        sources: Vec::new(),
    }
}

fn article(id: &str, headline: &str, html_body: &str) -> ImportedArticle {
    let (body, report) = html::body_blocks(html_body);
    ImportedArticle {
        id: id.parse().unwrap(),
        origin: format!("{SITE}?p={id}"),
        edition: "de".parse().unwrap(),
        section: "bri-nachrichten/aktuelles".parse().unwrap(),
        headline: headline.to_owned(),
        published: Published::parse("2024-03-05T10:00:00+08:00").unwrap(),
        updated: Some(Published::parse("2024-03-06T14:30:00+08:00").unwrap()),
        authors: vec![ImportedAuthor {
            name: "Jonas Weber".to_owned(),
            slug: Some("jonas".to_owned()),
            description: None,
        }],
        lead_image: Some(image("coffee.jpg", "A cup of coffee")),
        body,
        source: String::new(),
        report,
    }
}

fn articles() -> Vec<ImportedArticle> {
    vec![
        article(
            "wp-1",
            "Erster Beitrag",
            r#"<p>Ein <em>Absatz</em> mit <a href="https://example.org/">Link</a>.</p>
               <figure><img src="http://wordpress.test/wp-content/uploads/2024/03/rocket-launch.jpg" alt="Eine Rakete"><figcaption>Start</figcaption></figure>"#,
        ),
        article(
            "wp-2",
            "Zweiter Beitrag",
            "<h2>Zwischentitel</h2><ul><li>eins</li><li>zwei</li></ul>",
        ),
    ]
}

fn write(content: &Path, articles: &[ImportedArticle]) -> Result<WriteReport, Vec<Problem>> {
    let network = network::load(content).unwrap();
    write_articles(
        content,
        &network,
        articles,
        "Import Test Site",
        &mut fetch_fixture,
    )
}

fn outcomes(report: &WriteReport) -> Vec<Outcome> {
    report.articles.iter().map(|(_, outcome)| *outcome).collect()
}

#[test]
fn imported_articles_are_written_once_and_then_found_unchanged_or_updated() {
    let content = empty_content();
    let first = write(content.path(), &articles()).unwrap();
    assert_eq!(outcomes(&first), [Outcome::New, Outcome::New]);
    // The lead photo is shared: downloaded and written once.
    assert_eq!(first.photos.len(), 2, "{:?}", first.photos);
    assert!(first.photos.iter().all(|(_, outcome)| *outcome == Outcome::New));
    let library = commands::check(content.path(), &ProgressBar::hidden()).unwrap();
    assert_eq!(library.article_count(), 2);

    let before = tree(content.path());
    let again = write(content.path(), &articles()).unwrap();
    assert_eq!(outcomes(&again), [Outcome::Unchanged, Outcome::Unchanged]);
    assert!(again
        .photos
        .iter()
        .all(|(_, outcome)| *outcome == Outcome::Unchanged));
    assert!(again.authors_added.is_empty());
    assert_eq!(tree(content.path()), before);

    let mut changed = articles();
    changed[1].headline = "Zweiter Beitrag, geändert".to_owned();
    let third = write(content.path(), &changed).unwrap();
    assert_eq!(outcomes(&third), [Outcome::Unchanged, Outcome::Updated]);
    let text = fs::read_to_string(content.path().join("de/wp-2.txt")).unwrap();
    assert!(
        text.contains("headline = \"Zweiter Beitrag, geändert\""),
        "{text}"
    );
}

#[test]
fn a_source_moved_into_a_folder_is_updated_where_it_is() {
    let content = empty_content();
    write(content.path(), &articles()).unwrap();
    fs::create_dir(content.path().join("de/2024")).unwrap();
    fs::rename(
        content.path().join("de/wp-1.txt"),
        content.path().join("de/2024/wp-1.txt"),
    )
    .unwrap();
    let mut changed = articles();
    changed[0].headline = "Erster Beitrag, neu".to_owned();
    let report = write(content.path(), &changed).unwrap();
    assert_eq!(
        report.articles[0],
        (content.path().join("de/2024/wp-1.txt"), Outcome::Updated)
    );
    assert!(!content.path().join("de/wp-1.txt").exists());
}

#[test]
fn photos_get_a_credit_file_with_the_site_and_an_unknown_licence_that_an_editor_may_correct() {
    let content = empty_content();
    let report = write(content.path(), &articles()).unwrap();
    let (photo, _) = report
        .photos
        .iter()
        .find(|(path, _)| path.to_string_lossy().contains("coffee"))
        .unwrap();
    assert!(photo.starts_with(content.path().join("photos")));
    assert_eq!(photo.extension().unwrap(), "jpg");
    let sidecar = format!("{}.toml", photo.display());
    let credit = fs::read_to_string(&sidecar).unwrap();
    assert!(
        credit.contains("credit = \"Import Test Site\"\nlicence = \"unknown\""),
        "{credit}"
    );
    assert!(
        credit.contains("# Imported by brnn-content from http://wordpress.test/"),
        "{credit}"
    );

    fs::write(&sidecar, "credit = \"Rachel Michetti\"\nlicence = \"CC0-1.0\"\n").unwrap();
    write(content.path(), &articles()).unwrap();
    assert_eq!(
        fs::read_to_string(&sidecar).unwrap(),
        "credit = \"Rachel Michetti\"\nlicence = \"CC0-1.0\"\n"
    );
    let source = fs::read_to_string(content.path().join("de/wp-1.txt")).unwrap();
    let name = photo.file_name().unwrap().to_string_lossy();
    assert!(source.contains(&format!("image = \"photos/{name}\"")), "{source}");
}

#[test]
fn an_unknown_author_is_added_to_network_toml_under_the_edition_once() {
    let content = empty_content();
    let report = write(content.path(), &articles()).unwrap();
    let added: Vec<(String, String, String)> = report
        .authors_added
        .iter()
        .map(|(edition, author)| (edition.to_string(), author.slug.to_string(), author.name.clone()))
        .collect();
    assert_eq!(
        added,
        [("de".to_owned(), "jonas".to_owned(), "Jonas Weber".to_owned())]
    );
    let network = network::load(content.path()).unwrap();
    let de = network
        .editions
        .iter()
        .find(|config| config.edition.id.as_str() == "de")
        .unwrap();
    assert!(de
        .authors
        .iter()
        .any(|author| author.slug.as_str() == "jonas" && author.name == "Jonas Weber"));
    let en = network
        .editions
        .iter()
        .find(|config| config.edition.id.as_str() == "en")
        .unwrap();
    assert!(!en.authors.iter().any(|author| author.slug.as_str() == "jonas"));
    let text = fs::read_to_string(content.path().join("network.toml")).unwrap();
    assert_eq!(
        text.matches("# Added by `cargo content import`").count(),
        1,
        "{text}"
    );
    let source = fs::read_to_string(content.path().join("de/wp-1.txt")).unwrap();
    assert!(source.contains("authors = [\"jonas\"]"), "{source}");

    // Known now, by slug; and by name when the other system gives none.
    let mut by_name = articles();
    by_name[0].authors[0].slug = None;
    let again = write(content.path(), &by_name).unwrap();
    assert!(again.authors_added.is_empty());
    assert_eq!(
        fs::read_to_string(content.path().join("network.toml")).unwrap(),
        text
    );
}

#[test]
fn a_failing_item_leaves_the_content_folder_as_it_was() {
    let content = empty_content();
    write(content.path(), &articles()).unwrap();
    let before = tree(content.path());

    let mut bad_section = articles();
    bad_section[0].headline = "Geändert".to_owned();
    bad_section[1].section = "gibt-es-nicht".parse().unwrap();
    let problems = write(content.path(), &bad_section).unwrap_err();
    assert!(
        problems[0].to_string().contains("section `gibt-es-nicht`"),
        "{problems:?}"
    );

    let mut missing_image = articles();
    missing_image[0].headline = "Geändert".to_owned();
    missing_image.push(article("wp-3", "Dritter", "<p>Text</p>"));
    missing_image[2].lead_image = Some(image("missing.jpg", "fehlt"));
    let problems = write(content.path(), &missing_image).unwrap_err();
    assert!(
        problems[0]
            .to_string()
            .starts_with("http://wordpress.test/wp-content/uploads/2024/03/missing.jpg: cannot download"),
        "{problems:?}"
    );

    let mut duplicate = articles();
    duplicate[1].id = "wp-1".parse().unwrap();
    assert!(write(content.path(), &duplicate).is_err());

    let mut no_headline = articles();
    no_headline[1].headline = "  ".to_owned();
    no_headline.push(article("wp-4", "Vierter", "<p>Text</p>"));
    no_headline[2].lead_image = Some(image("rocket-launch-300x200.jpg", "Rakete"));
    let problems = write(content.path(), &no_headline).unwrap_err();
    assert!(
        problems[0]
            .message
            .contains("(imported from http://wordpress.test/?p=wp-2)"),
        "{problems:?}"
    );

    // Nothing written, nothing left half-written, no new photo or folder.
    assert_eq!(tree(content.path()), before);
}

#[test]
fn an_image_that_is_no_photo_is_left_out_and_noted_with_its_caption_kept() {
    let content = empty_content();
    let mut items = articles();
    items[0].lead_image = None;
    items[0].body = html::body_blocks(
        r#"<figure><img src="http://wordpress.test/README.md" alt="kein Bild"><figcaption>Die Bildunterschrift</figcaption></figure>"#,
    )
    .0;
    let report = write(content.path(), &items).unwrap();
    assert!(
        report.notes[0].contains("README.md is no JPEG, PNG or WebP image: left out"),
        "{:?}",
        report.notes
    );
    let source = fs::read_to_string(content.path().join("de/wp-1.txt")).unwrap();
    assert!(source.ends_with("+++\n\nDie Bildunterschrift\n"), "{source}");
}

#[test]
fn the_hostile_post_is_written_as_text_that_check_accepts() {
    let posts: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(
            repo().join("tests/fixtures/wordpress/rest/wp-v2-posts._embed.per_page-100.page-1.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let mut items = Vec::new();
    for (index, slug) in ["hostile-html", "markup-tour", "classic-editor"]
        .iter()
        .enumerate()
    {
        let post = posts
            .as_array()
            .unwrap()
            .iter()
            .find(|post| post["slug"] == *slug)
            .unwrap();
        let mut item = article(
            &format!("wp-{index}"),
            slug,
            post["content"]["rendered"].as_str().unwrap(),
        );
        item.headline = html::plain_text(post["title"]["rendered"].as_str().unwrap());
        items.push(item);
    }
    let content = empty_content();
    write(content.path(), &items).unwrap();
    commands::check(content.path(), &ProgressBar::hidden()).unwrap();
    let hostile = fs::read_to_string(content.path().join("de/wp-0.txt")).unwrap();
    for executable in [
        "alert(",
        "<script",
        "evil.example",
        "javascript:alert",
        "onerror=",
    ] {
        assert!(!hostile.contains(executable), "{executable} in {hostile}");
    }
    let tour = fs::read_to_string(content.path().join("de/wp-1.txt")).unwrap();
    assert!(tour.contains("> [!pullquote]"), "{tour}");
    assert!(tour.contains("\n## "), "{tour}");
}

#[test]
fn a_rename_that_fails_names_what_was_already_in_place_and_leaves_no_partial_file() {
    let content = empty_content();
    // A folder where the second article's file should go: its rename fails.
    fs::create_dir_all(content.path().join("de/wp-2.txt")).unwrap();
    let problems = write(content.path(), &articles()).unwrap_err();
    let message = problems[0].to_string();
    assert!(
        message.contains("de/wp-2.txt: cannot put it in place"),
        "{message}"
    );
    assert!(
        message.contains("already in place: ") && message.contains("de/wp-1.txt"),
        "{message}"
    );
    let partial = tree(content.path())
        .keys()
        .filter(|path| path.ends_with(".import-partial"))
        .count();
    assert_eq!(partial, 0);
}
