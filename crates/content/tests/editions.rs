//! The network's editions side by side: each built with its own documents,
//! translations linked both ways, reciprocal `hreflang` alternates in the
//! sitemaps, and `check` on translations that go wrong.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use brnn_content::commands;
use brnn_content::network::SiteUrl;
use brnn_content::ProgressBar;
use common::{content_copy, repo};
use quick_xml::events::Event;
use quick_xml::Reader;
use serde_json::{json, Value};
use tempfile::TempDir;

fn built_site() -> TempDir {
    let out = TempDir::new().unwrap();
    let site_url = SiteUrl::parse("https://news.example.org/").unwrap();
    commands::build(
        &repo().join("content"),
        out.path(),
        &common::image_cache(),
        Some(site_url),
        None,
        common::now(),
        &ProgressBar::hidden(),
    )
    .unwrap();
    out
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap())
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn problems(failure: commands::Failure) -> Vec<String> {
    failure.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn every_edition_has_its_own_endpoint_with_the_whole_network_listed() {
    let site = built_site();
    let api = site.path().join("api/v2");
    let network = json!([
        {"id": "de", "lang": "de", "name": "„Belt and Road“-Nachrichtennetzwerk"},
        {"id": "en", "lang": "en", "name": "Belt and Road News Network"},
        {"id": "zh", "lang": "zh-Hans", "name": "“一带一路”新闻合作联盟"},
        {"id": "ar", "lang": "ar", "name": "شبكة أخبار الحزام والطريق"},
    ]);
    for (edition, lang, page_size) in [
        ("de", "de", 10),
        ("en", "en", 10),
        ("zh", "zh-Hans", 12),
        ("ar", "ar", 8),
    ] {
        let document = json(&api.join(edition).join("edition.json"));
        assert_eq!(document["lang"], lang);
        assert_eq!(document["page_size"], page_size);
        assert_eq!(document["editions"], network, "{edition}");
        assert!(document["sections"].as_array().unwrap().len() >= 2, "{edition}");

        // The front page's newest list page, then its oldest, counted from 1.
        let front_page = json(&api.join(edition).join("front.json"));
        let total = front_page["total"].as_u64().unwrap();
        assert!(total >= 15, "{edition}: {total} articles");
        let pages = total / page_size;
        assert_eq!(front_page["page"].as_u64().unwrap(), pages);
        let newest = front_page["latest"].as_array().unwrap().len() as u64;
        assert_eq!(newest, total - (pages - 1) * page_size);
        let oldest = api.join(edition).join("pages/1.json");
        assert_eq!(
            oldest.exists(),
            pages > 1,
            "{edition}: the newest page is front.json's"
        );
        if pages > 1 {
            let oldest = json(&oldest);
            assert_eq!(oldest["articles"].as_array().unwrap().len() as u64, page_size);
            assert_eq!(
                oldest["total"],
                Value::Null,
                "only the newest page counts the list"
            );
        }
        assert!(site.path().join(format!("sitemaps/{edition}-pages.xml")).exists());
    }
}

#[test]
fn a_translated_article_names_its_versions_in_network_order_with_their_language_and_headline() {
    let site = built_site();
    let page = json(&site.path().join("api/v2/zh/articles/shili-wuliu.json"));
    assert_eq!(
        page["translations"],
        json!([
            {"edition": "de", "lang": "de", "id": "beispiel-logistik",
             "headline": "Beispiel: Logistikbranche setzt auf autonome Fahrzeuge"},
            {"edition": "en", "lang": "en", "id": "sample-logistics",
             "headline": "Sample: Logistics industry bets on autonomous vehicles"},
            {"edition": "ar", "lang": "ar", "id": "mithal-lujistiyat",
             "headline": "مثال: قطاع الخدمات اللوجستية يراهن على المركبات ذاتية القيادة"},
        ])
    );
    let untranslated = json(&site.path().join("api/v2/de/articles/ecf15130d4b083e2.json"));
    assert!(untranslated.get("translations").is_none(), "absent, not empty");
}

/// Every `<url>` of every sitemap: its address and its `xhtml:link` alternates (hreflang, href).
fn sitemap_alternates(site: &Path) -> BTreeMap<String, BTreeSet<(String, String)>> {
    let mut found = BTreeMap::new();
    for entry in fs::read_dir(site.join("sitemaps")).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(
            !text.contains("xhtml:link") || text.contains(r#"xmlns:xhtml="http://www.w3.org/1999/xhtml""#),
            "the xhtml namespace is declared where it is used"
        );
        let mut reader = Reader::from_str(&text);
        let (mut location, mut alternates, mut in_loc) = (String::new(), BTreeSet::new(), false);
        loop {
            match reader.read_event().unwrap() {
                Event::Start(element) if element.name().as_ref() == b"loc" => in_loc = true,
                Event::Text(text) if in_loc => location = text.decode().unwrap().into_owned(),
                Event::End(element) if element.name().as_ref() == b"loc" => in_loc = false,
                Event::Empty(element) if element.name().as_ref() == b"xhtml:link" => {
                    // Addresses and language tags: nothing in them is escaped.
                    let attribute = |name: &[u8]| {
                        let value = element.try_get_attribute(name).unwrap().unwrap().value;
                        String::from_utf8(value.into_owned()).unwrap()
                    };
                    assert_eq!(attribute(b"rel"), "alternate");
                    alternates.insert((attribute(b"hreflang"), attribute(b"href")));
                }
                Event::End(element) if element.name().as_ref() == b"url" => {
                    found.insert(std::mem::take(&mut location), std::mem::take(&mut alternates));
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    found
}

#[test]
fn sitemap_alternates_are_reciprocal_and_name_themselves_and_one_x_default() {
    let site = built_site();
    let urls = sitemap_alternates(site.path());
    let translated: Vec<_> = urls
        .iter()
        .filter(|(_, alternates)| !alternates.is_empty())
        .collect();
    // Five German articles in groups of four, one group of three, and the four front pages.
    assert_eq!(translated.len(), 5 * 4 + 3 + 4, "{translated:#?}");
    for (location, alternates) in translated {
        assert!(
            alternates
                .iter()
                .any(|(lang, href)| lang != "x-default" && href == location),
            "{location} names itself"
        );
        assert_eq!(
            alternates.iter().filter(|(lang, _)| lang == "x-default").count(),
            1,
            "{location}"
        );
        for (_, href) in alternates {
            assert_eq!(
                urls.get(href),
                Some(alternates),
                "{href}, named by {location}, names the same group"
            );
        }
    }
    let logistics = &urls["https://news.example.org/en/article/sample-logistics"];
    assert!(logistics.contains(&(
        "x-default".to_owned(),
        "https://news.example.org/de/article/beispiel-logistik".to_owned()
    )));
    assert!(logistics.contains(&(
        "zh-Hans".to_owned(),
        "https://news.example.org/zh/article/shili-wuliu".to_owned()
    )));
    // A group without a German member: x-default is its English member, the next edition in the network.
    let new_editions = &urls["https://news.example.org/ar/article/mithal-nusakh-jadida"];
    assert!(new_editions.contains(&(
        "x-default".to_owned(),
        "https://news.example.org/en/article/sample-new-editions".to_owned()
    )));
    assert!(urls["https://news.example.org/ar/"]
        .contains(&("x-default".to_owned(), "https://news.example.org/de/".to_owned())));
}

/// A minimal source in `section`, naming `translations` (TOML inline-table entries) on line 5.
fn source(section: &str, translations: &str) -> String {
    format!(
        "+++\nheadline = \"Test\"\nsection = \"{section}\"\npublished = 2025-11-01T12:00:00+08:00\ntranslations = {{ {translations} }}\n+++\n\nText.\n"
    )
}

/// Checks a copy of the shipped content with `sources` (path below
/// `content/`, text) added: the problems reported, each with its file's
/// path below `content/` (`de/test.txt:5: …`).
fn check_with(sources: &[(&str, String)]) -> BTreeSet<String> {
    let content = content_copy();
    for (path, text) in sources {
        fs::write(content.path().join(path), text).unwrap();
    }
    let folder = format!("{}/", content.path().display());
    problems(commands::check(content.path(), &ProgressBar::hidden()).unwrap_err())
        .into_iter()
        .map(|problem| {
            problem
                .strip_prefix(&folder)
                .map(str::to_owned)
                .unwrap_or(problem)
        })
        .collect()
}

/// `expected` as the set `check_with` answers.
fn reports<const N: usize>(expected: [&str; N]) -> BTreeSet<String> {
    expected.map(str::to_owned).into()
}

#[test]
fn check_reports_translations_that_point_nowhere_at_their_own_edition_or_not_back() {
    let found = check_with(&[
        (
            "de/test-nowhere.txt",
            source("dokumente", r#"fr = "x", en = "nothing-here""#),
        ),
        (
            "de/test-own.txt",
            source("dokumente", r#"de = "beispiel-chronik""#),
        ),
        (
            "de/test-one-way.txt",
            source("dokumente", r#"en = "sample-about-this-edition""#),
        ),
        // A group whose English member names only the German one.
        (
            "de/test-group.txt",
            source("dokumente", r#"en = "test-group-en", zh = "test-group-zh""#),
        ),
        (
            "en/test-group-en.txt",
            source("documents", r#"de = "test-group""#),
        ),
        (
            "zh/test-group-zh.txt",
            source("wenjian", r#"de = "test-group", en = "test-group-en""#),
        ),
    ]);
    let expected = reports([
        "de/test-nowhere.txt:5: translations: network.toml has no edition `fr`; it has `de`, `en`, `zh`, `ar`",
        "de/test-nowhere.txt:5: translations: edition `en` has no article `nothing-here`",
        "de/test-own.txt:5: translations: `de` is this article's own edition; name its versions in other editions",
        "de/test-one-way.txt:5: translations: `en/sample-about-this-edition` does not name this article back; add `de = \"test-one-way\"` to its translations",
        "en/test-group-en.txt:5: translations: its `de` version `de/test-group` also names `zh/test-group-zh`; name it here too (`zh = \"test-group-zh\"`), so that every version names the same articles",
        "zh/test-group-zh.txt:5: translations: `en/test-group-en` does not name this article back; add `zh = \"test-group-zh\"` to its translations",
    ]);
    assert_eq!(found, expected, "{found:#?}");
}

#[test]
fn a_translation_to_an_article_of_another_name_is_reported_from_both_sides() {
    let found = check_with(&[
        ("de/test-a.txt", source("dokumente", r#"en = "test-b""#)),
        ("en/test-b.txt", source("documents", r#"de = "test-c""#)),
        ("de/test-c.txt", source("dokumente", r#"ar = "mithal-hawl""#)),
    ]);
    let expected = reports([
        "de/test-a.txt:5: translations: `en/test-b` names `de/test-c` as its `de` version, not this article",
        "en/test-b.txt:5: translations: `de/test-c` does not name this article back; add `en = \"test-b\"` to its translations",
        "de/test-c.txt:5: translations: edition `ar` has no article `mithal-hawl`",
    ]);
    assert_eq!(found, expected, "{found:#?}");
}

#[test]
fn versions_that_name_different_articles_of_a_third_edition_are_each_told() {
    let found = check_with(&[
        (
            "de/test-x.txt",
            source("dokumente", r#"en = "test-x-en", zh = "test-x-zh""#),
        ),
        (
            "en/test-x-en.txt",
            source("documents", r#"de = "test-x", zh = "test-y-zh""#),
        ),
        (
            "zh/test-x-zh.txt",
            source("wenjian", r#"de = "test-x", en = "test-x-en""#),
        ),
        ("zh/test-y-zh.txt", source("wenjian", r#"en = "test-x-en""#)),
    ]);
    let expected = reports([
        "en/test-x-en.txt:5: translations: names `zh/test-y-zh`, but its `de` version `de/test-x` names `zh/test-x-zh`; every version must name the same articles",
        "de/test-x.txt:5: translations: names `zh/test-x-zh`, but its `en` version `en/test-x-en` names `zh/test-y-zh`; every version must name the same articles",
        "zh/test-y-zh.txt:5: translations: its `en` version `en/test-x-en` also names `de/test-x`; name it here too (`de = \"test-x\"`), so that every version names the same articles",
        "zh/test-x-zh.txt:5: translations: `en/test-x-en` names `zh/test-y-zh` as its `zh` version, not this article",
    ]);
    assert_eq!(found, expected, "{found:#?}");
}

#[test]
fn a_translation_to_a_source_with_problems_of_its_own_is_not_also_called_missing() {
    let found = check_with(&[
        ("de/test-a.txt", source("dokumente", r#"en = "test-broken""#)),
        ("en/test-broken.txt", "no header\n".to_owned()),
    ]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found
            .iter()
            .all(|problem| problem.starts_with("en/test-broken.txt:1: expected `+++`")),
        "{found:#?}"
    );
}

#[test]
fn an_english_page_imports_into_the_english_edition_and_passes_check() {
    let content = content_copy();
    let pages = TempDir::new().unwrap();
    let page = pages.path().join("001_sample-imported.txt");
    fs::write(
        &page,
        "Belt and Road News Network\n\nBRNN>>Belt and Road News Network>>BRI News>>China's Economy\n\n\
         Sample: An imported page\n\nMonday, 3 November 2025\u{2003}Source: brnn-news\n\n\
         This is a sample page, not real news.\n",
    )
    .unwrap();
    let sources = commands::import(&[page], content.path(), None, false).unwrap();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].target, content.path().join("en/sample-imported.txt"));
    assert!(sources[0]
        .text
        .contains("published = 2025-11-03T00:00:00+08:00\n"));
    assert!(sources[0]
        .text
        .contains("dateline = \"Monday, 3 November 2025\"\n"));
    commands::write_source(&sources[0]).unwrap();
    let library = commands::check(content.path(), &ProgressBar::hidden()).unwrap();
    let english = &library.editions[1];
    assert_eq!(english.edition.id.as_str(), "en");
    assert!(english
        .articles
        .iter()
        .any(|article| article.id.as_str() == "sample-imported"));
}

#[test]
fn check_reports_article_links_that_lead_nowhere_and_authors_the_edition_does_not_list() {
    let body = "Siehe [den Hafen](article:en/sample-container-port), [nichts](article:en/nothing-here) \
                und [Frankreich](article:fr/x).\n";
    let found = check_with(&[(
        "de/test-links.txt",
        format!(
            "+++\nheadline = \"Test\"\nsection = \"dokumente\"\npublished = 2025-11-01T12:00:00+08:00\n\
             authors = [\"beispiel-redaktion\", \"niemand\"]\n+++\n\n{body}"
        ),
    )]);
    assert_eq!(
        found,
        reports(["de/test-links.txt:5: unknown author `niemand`: edition `de` in network.toml lists no such author"])
    );
    let found = check_with(&[(
        "de/test-links.txt",
        format!("+++\nheadline = \"Test\"\nsection = \"dokumente\"\npublished = 2025-11-01T12:00:00+08:00\n+++\n\n{body}"),
    )]);
    assert_eq!(
        found,
        reports([
            "de/test-links.txt:7: the link to `article:en/nothing-here` leads nowhere: edition `en` has no article `nothing-here`",
            "de/test-links.txt:7: the link to `article:fr/x` leads nowhere: the network has no edition `fr`",
        ])
    );
}
