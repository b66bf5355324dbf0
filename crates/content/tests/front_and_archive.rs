//! The top of each front page (`front.json`, as the editors chose it at
//! the build's clock) and the date archive, built from the shipped content:
//! the documents, the pages that carry them, and what a rebuild rewrites.

mod common;

use std::fs;
use std::path::Path;

use brnn_content::build::BuildReport;
use brnn_model::date::Published;
use common::{content_copy, now, page_shell, repo, tree};
use serde_json::Value;
use tempfile::{NamedTempFile, TempDir};

/// Trunk's index.html with its base filled in, as the page shell.
fn build_at(content: &Path, out: &Path, shell: &NamedTempFile, now: Published) -> BuildReport {
    common::build_with_pages(content, out, shell, now).unwrap()
}

fn json(out: &Path, path: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(out.join("api/v2").join(path)).unwrap()).unwrap()
}

fn ids(entries: &Value) -> Vec<&str> {
    entries
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["id"].as_str().unwrap())
        .collect()
}

#[test]
fn the_editors_lead_leads_with_its_whole_photo_and_latest_is_the_lists_newest_page() {
    let out = TempDir::new().unwrap();
    build_at(&repo().join("content"), out.path(), &page_shell(), now());
    let front = json(out.path(), "de/front.json");
    assert_eq!(front["format"], 2);
    // Chosen, with a lead photo, and not the newest.
    let lead = &front["lead"];
    assert_eq!(lead["id"], "beispiel-artikelformat");
    assert_ne!(front["latest"][0]["id"], "beispiel-artikelformat");
    let article = json(out.path(), "de/articles/beispiel-artikelformat.json");
    assert_eq!(
        lead["image"], article["article"]["image"],
        "every rendition, caption and credit"
    );
    assert!(lead["image"]["sources"].as_array().unwrap().len() > 2);
    // The chosen top story first, then the newest not shown.
    let top = ids(&front["top"]);
    assert_eq!(top.len(), 3);
    assert_eq!(top[0], "beispiel-hafen-piraeus");
    assert_eq!(&top[1..], &ids(&front["latest"])[..2]);
    // The newest page holds the newest articles down to the older pages, numbered from the oldest.
    let (page, total) = (front["page"].as_u64().unwrap(), front["total"].as_u64().unwrap());
    assert_eq!(page, total / 10);
    assert_eq!(
        front["latest"].as_array().unwrap().len() as u64,
        total - (page - 1) * 10
    );
    let below = json(out.path(), &format!("de/pages/{}.json", page - 1));
    assert_eq!(
        below["newer"],
        Value::Null,
        "its newer page is the newest, at the list's own address"
    );
    let older_than_latest = |article: &Value| {
        article["published"].as_str()
            <= front["latest"].as_array().unwrap().last().unwrap()["published"].as_str()
    };
    assert!(below["articles"]
        .as_array()
        .unwrap()
        .iter()
        .all(older_than_latest));
    let sections: Vec<&str> = front["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|block| block["section"].as_str().unwrap())
        .collect();
    assert_eq!(sections, ["bri-nachrichten", "dokumente"]);
    for block in front["sections"].as_array().unwrap() {
        let shown = ids(&block["articles"]);
        assert!(!shown.is_empty() && shown.len() <= 4);
        assert!(shown
            .iter()
            .all(|id| *id != "beispiel-artikelformat" && !top.contains(id)));
    }
}

#[test]
fn an_expired_lead_gives_way_to_the_newest_and_a_build_before_the_expiry_honours_it() {
    let content = repo().join("content");
    let shell = page_shell();
    let out = TempDir::new().unwrap();
    build_at(&content, out.path(), &shell, now());
    let front = json(out.path(), "en/front.json");
    // Filed at 23:30 in a UTC−03:00 bureau: the English edition's newest.
    assert_eq!(front["lead"]["id"], "sample-night-bureau");
    assert_eq!(front["lead"]["id"], front["latest"][0]["id"]);

    // A build before the choice's expiry: only the front page changes, its document and its page.
    let before_expiry = Published::parse("2025-10-31T23:59:59+08:00").unwrap();
    let files = tree(out.path());
    let report = build_at(&content, out.path(), &shell, before_expiry);
    assert_eq!(
        json(out.path(), "en/front.json")["lead"]["id"],
        "sample-container-port"
    );
    let rewritten: Vec<String> = tree(out.path())
        .into_iter()
        .filter(|(name, bytes)| files.get(name) != Some(bytes))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(rewritten, ["api/v2/en/front.json", "en/index.html"]);
    assert_eq!((report.written, report.removed), (2, 0));
}

#[test]
fn the_front_pages_page_carries_front_json_and_the_lists_older_pages_their_own() {
    let out = TempDir::new().unwrap();
    build_at(&repo().join("content"), out.path(), &page_shell(), now());
    let carried = |file: &str| -> Vec<String> {
        fs::read_to_string(out.path().join(file))
            .unwrap()
            .split(r#"data-brnn-document=""#)
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(carried("de/index.html"), ["de/edition.json", "de/front.json"]);
    assert_eq!(carried("de/pages/1.html"), ["de/edition.json", "de/pages/1.json"]);
    assert_eq!(
        carried("de/section/dokumente/index.html"),
        ["de/edition.json", "de/sections/dokumente/pages/newest.json"]
    );
    let newest = json(out.path(), "de/front.json")["page"].as_u64().unwrap();
    assert!(
        !out.path().join(format!("api/v2/de/pages/{newest}.json")).exists(),
        "the front page's newest page is front.json's"
    );
}

#[test]
fn each_day_lists_its_articles_at_their_own_offset_and_each_month_its_days() {
    let out = TempDir::new().unwrap();
    build_at(&repo().join("content"), out.path(), &page_shell(), now());
    let index = json(out.path(), "en/archive.json");
    assert_eq!(
        index["months"],
        serde_json::json!(["2025-11", "2025-10", "2025-09"])
    );

    let november = json(out.path(), "en/archive/2025/11.json");
    assert_eq!(november["month"], "2025-11");
    let days: Vec<(&str, u64)> = november["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|day| (day["date"].as_str().unwrap(), day["articles"].as_u64().unwrap()))
        .collect();
    assert_eq!(days, [("2025-11-01", 1), ("2025-11-03", 2), ("2025-11-04", 1)]);

    // 23:30 at UTC−03:00 is 10:30 on the 4th in Beijing, but the 3rd by its dateline.
    let third = json(out.path(), "en/archive/2025/11/03.json");
    assert_eq!(third["date"], "2025-11-03");
    assert_eq!(
        ids(&third["articles"]),
        ["sample-night-bureau", "sample-container-port"]
    );
    assert!(
        third["articles"][1]["image"]["sources"]
            .as_array()
            .unwrap()
            .iter()
            .all(|source| source["width"].as_u64().unwrap() <= 480),
        "thumbnails, as lists carry them"
    );
    assert_eq!(
        ids(&json(out.path(), "en/archive/2025/11/04.json")["articles"]),
        ["sample-new-editions"]
    );

    for (file, document) in [
        ("en/archive/index.html", "en/archive.json"),
        ("en/archive/2025/11/index.html", "en/archive/2025/11.json"),
        ("en/archive/2025/11/03.html", "en/archive/2025/11/03.json"),
    ] {
        let page = fs::read_to_string(out.path().join(file)).unwrap();
        assert!(
            page.contains(&format!(r#"data-brnn-document="{document}""#)),
            "{file}"
        );
        assert!(page.contains(r#"data-brnn-document="en/edition.json""#), "{file}");
    }
}

#[test]
fn a_rebuild_writes_nothing_and_a_new_article_changes_only_its_day_its_month_and_the_lists() {
    let content = content_copy();
    let shell = page_shell();
    let out = TempDir::new().unwrap();
    build_at(content.path(), out.path(), &shell, now());
    let again = build_at(content.path(), out.path(), &shell, now());
    assert_eq!((again.written, again.removed), (0, 0));

    let files = tree(out.path());
    fs::write(
        content.path().join("en/sample-one-more.txt"),
        "+++\nheadline = \"Sample: One more\"\nsection = \"documents\"\npublished = 2025-11-03T12:00:00+08:00\n+++\n\nOne more sample.\n",
    )
    .unwrap();
    build_at(content.path(), out.path(), &shell, now());
    let changed: Vec<String> = tree(out.path())
        .into_iter()
        .filter(|(name, bytes)| files.get(name) != Some(bytes))
        .map(|(name, _)| name)
        .filter(|name| name.starts_with("api/v2/en/archive") || name.starts_with("en/archive"))
        .collect();
    assert_eq!(
        changed,
        [
            "api/v2/en/archive/2025/11.json",
            "api/v2/en/archive/2025/11/03.json",
            "en/archive/2025/11/03.html",
            "en/archive/2025/11/index.html",
        ]
    );
}
