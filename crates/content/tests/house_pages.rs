//! The pages of the house (`content/<edition>/pages/*.txt`): read apart
//! from the articles, listed in the edition's document in the footer's
//! order, built with their pages and sitemap entries, and the imprint a
//! German edition must have.

mod common;

use std::fs;
use std::path::Path;

use brnn_content::commands;
use brnn_content::ProgressBar;
use common::{content_copy, image_cache, now, repo};
use serde_json::Value;
use tempfile::TempDir;

fn json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn check(content: &Path) -> Result<brnn_content::library::Library, Vec<String>> {
    commands::check(content, &ProgressBar::hidden())
        .map_err(|failure| failure.problems.iter().map(ToString::to_string).collect())
}

#[test]
fn pages_of_the_house_are_no_articles_and_the_footer_lists_them_by_role_then_by_slug() {
    let content = content_copy();
    let de = content.path().join("de/pages");
    fs::write(
        de.join("anzeigen.txt"),
        "+++\ntitle = \"Anzeigen\"\n+++\n\nWerben im Netzwerk (Beispiel).\n",
    )
    .unwrap();
    fs::write(
        de.join("barrierefreiheit.txt"),
        "+++\ntitle = \"Barrierefreiheit\"\n+++\n\nSo lesen alle mit (Beispiel).\n",
    )
    .unwrap();
    let library = check(content.path()).unwrap();
    assert_eq!(library.warnings, []);
    let german = &library.editions[0];
    assert_eq!(
        german.articles.len(),
        33,
        "no page of the house is read as an article"
    );
    let footer: Vec<(&str, &str)> = german
        .edition
        .pages
        .iter()
        .map(|link| (link.slug.as_str(), link.title.as_str()))
        .collect();
    assert_eq!(
        footer,
        [
            ("ueber-uns", "Über uns"),
            ("kontakt", "Kontakt"),
            ("datenschutz", "Datenschutz"),
            ("impressum", "Impressum"),
            ("anzeigen", "Anzeigen"),
            ("barrierefreiheit", "Barrierefreiheit"),
        ]
    );
    for edition in &library.editions {
        assert_eq!(edition.house_pages.len(), edition.edition.pages.len());
        assert!(edition.edition.pages.len() >= 4, "{}", edition.edition.id);
        assert!(edition
            .edition
            .copyright
            .as_deref()
            .is_some_and(|line| line.starts_with("© 2025 ")));
    }
}

#[test]
fn a_german_edition_without_an_imprint_is_warned_of_and_still_builds() {
    let content = content_copy();
    fs::remove_file(content.path().join("de/pages/impressum.txt")).unwrap();
    let library = check(content.path()).unwrap();
    let warnings: Vec<String> = library.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [format!(
            "{}: warning: edition `de` has no page with `role = \"imprint\"`: a German news site must name who publishes it and who is responsible (Impressum, § 5 DDG, § 18 MStV); add one, e.g. {}",
            content.path().join("de/pages").display(),
            content.path().join("de/pages/impressum.txt").display()
        )]
    );

    // Without any page of the house at all, and only the German edition is warned of.
    fs::remove_dir_all(content.path().join("de/pages")).unwrap();
    fs::remove_dir_all(content.path().join("en/pages")).unwrap();
    let out = TempDir::new().unwrap();
    let report = commands::build(
        content.path(),
        out.path(),
        &image_cache(),
        None,
        None,
        now(),
        &ProgressBar::hidden(),
    )
    .unwrap();
    assert_eq!(report.warnings.len(), 1);
    assert!(report.warnings[0].message.contains("edition `de`"));
    let edition = json(&out.path().join("api/v2/de/edition.json"));
    assert!(edition.get("pages").is_none(), "{edition}");
}

#[test]
fn a_role_twice_a_broken_page_and_a_link_to_no_article_are_problems_of_their_files() {
    let content = content_copy();
    let pages = content.path().join("de/pages");
    fs::write(
        pages.join("impressum-alt.txt"),
        "+++\ntitle = \"Altes Impressum\"\nrole = \"imprint\"\n+++\n\nSiehe [den Artikel](article:de/gibt-es-nicht).\n",
    )
    .unwrap();
    fs::write(pages.join("leer.txt"), "+++\nrole = \"about\"\n+++\n").unwrap();
    let problems = check(content.path()).err().unwrap();
    let file = |name: &str| pages.join(name).display().to_string();
    // Files are read in the order of their names: the earlier one keeps the role.
    let expected = [
        format!(
            "{}:3: role `imprint` is {}'s already",
            file("impressum.txt"),
            file("impressum-alt.txt")
        ),
        format!(
            "{}:6: the link to `article:de/gibt-es-nicht` leads nowhere",
            file("impressum-alt.txt")
        ),
        format!("{}:1: the header has no `title`", file("leer.txt")),
        format!("{}:4: the body is empty", file("leer.txt")),
    ];
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    for line in expected {
        assert!(
            problems.iter().any(|problem| problem.starts_with(&line)),
            "missing `{line}` in {problems:#?}"
        );
    }
}

#[test]
fn each_page_of_the_house_is_built_as_a_document_of_blocks_with_its_page_and_sitemap_entry() {
    let content = repo().join("content");
    let out = TempDir::new().unwrap();
    let index = fs::read_to_string(repo().join("index.html")).unwrap();
    let shell = tempfile::NamedTempFile::new().unwrap();
    fs::write(
        shell.path(),
        index.replace("<base data-trunk-public-url>", r#"<base href="/">"#),
    )
    .unwrap();
    commands::build(
        &content,
        out.path(),
        &image_cache(),
        None,
        Some(shell.path()),
        now(),
        &ProgressBar::hidden(),
    )
    .unwrap();
    let edition = json(&out.path().join("api/v2/de/edition.json"));
    assert_eq!(
        edition["pages"][3],
        serde_json::json!({"slug": "impressum", "title": "Impressum"})
    );
    assert_eq!(edition["copyright"], "© 2025 „Belt and Road“-Nachrichtennetzwerk");

    let imprint = json(&out.path().join("api/v2/de/house/impressum.json"));
    assert_eq!(imprint["format"], 2);
    assert_eq!(imprint["slug"], "impressum");
    assert_eq!(imprint["updated"], "2025-11-01T09:00:00+08:00");
    let blocks = imprint["body"].as_array().unwrap();
    assert!(blocks.iter().any(|block| block["type"] == "heading"));
    assert!(
        blocks.iter().all(|block| block["type"].is_string()),
        "the body is always blocks: {imprint}"
    );
    let about = json(&out.path().join("api/v2/en/house/about.json"));
    assert_eq!(about["title"], "About us");
    assert!(about.get("updated").is_none());

    let page = fs::read_to_string(out.path().join("de/info/impressum.html")).unwrap();
    assert!(page.contains(r#"data-brnn-document="de/edition.json""#));
    assert!(page.contains(r#"data-brnn-document="de/house/impressum.json""#));
    for file in [
        "en/info/imprint.html",
        "zh/info/falv-shengming.html",
        "ar/info/bayanat-qanuniya.html",
    ] {
        assert!(out.path().join(file).is_file(), "{file}");
    }
    let sitemap = fs::read_to_string(out.path().join("sitemaps/de-pages.xml")).unwrap();
    assert!(sitemap.contains(
        "<loc>https://brnn-news.example/de/info/impressum</loc>\n  <lastmod>2025-11-01T09:00:00+08:00</lastmod>"
    ));
}
