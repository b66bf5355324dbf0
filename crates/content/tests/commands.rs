//! The commands on copies of the shipped content in temporary folders,
//! asserted on what they return.

mod common;

use std::fs;
use std::path::Path;

use brnn_content::build::BuildReport;
use brnn_content::commands::{self, ImportedSource};
use brnn_content::ProgressBar;
use common::{
    build, content_copy, empty_content, forget_last_build, image_cache, now, repo, seed_page, tree,
};
use tempfile::TempDir;

fn problems(failure: commands::Failure) -> Vec<String> {
    failure.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn importing_the_seed_page_gives_the_shipped_seed_source() {
    let content = content_copy();
    let target = content.path().join("de/ecf15130d4b083e2.txt");
    fs::remove_file(&target).unwrap();
    let sources = commands::import(&[seed_page()], content.path(), None, false).unwrap();
    let shipped = fs::read_to_string(repo().join("content/de/ecf15130d4b083e2.txt")).unwrap();
    assert_eq!(
        sources,
        [ImportedSource {
            target: target.clone(),
            text: shipped.clone()
        }]
    );
    assert!(commands::write_source(&sources[0]).unwrap());
    assert!(
        !commands::write_source(&sources[0]).unwrap(),
        "the second write changes nothing"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), shipped);
}

#[test]
fn a_page_it_cannot_understand_is_reported_by_line_and_nothing_is_imported() {
    let content = content_copy();
    let pages = TempDir::new().unwrap();
    let good = pages.path().join("001_guter-artikel.txt");
    fs::copy(seed_page(), &good).unwrap();
    let bad = pages.path().join("002_kaputt.txt");
    let text = fs::read_to_string(seed_page())
        .unwrap()
        .replace("Dienstag, 04.", "Freitag, 04.");
    fs::write(&bad, text).unwrap();

    let failure = commands::import(&[good, bad.clone()], content.path(), None, false).unwrap_err();
    assert_eq!(failure.consequence, "nothing imported");
    assert_eq!(
        problems(failure),
        [format!(
            "{}:7: `Freitag, 04. November 2025` says Freitag, but that day is a Dienstag",
            bad.display()
        )]
    );
}

/// One broken source per kind of problem `check` knows, with the line it must name.
#[test]
fn check_reports_every_problem_with_file_line_and_sentence() {
    let content = content_copy();
    let de = content.path().join("de");
    let seed = fs::read_to_string(de.join("ecf15130d4b083e2.txt")).unwrap();
    let headline = "headline = \"China und Russland streben engere Zusammenarbeit in allen Bereichen an\"\n";
    let broken = [
        ("ohne-titel", seed.replace(headline, "")),
        (
            "falsches-datum",
            seed.replace("2025-11-04T00:00:00+08:00", "\"4. November 2025\""),
        ),
        (
            "unmoeglich",
            seed.replace("2025-11-04T00:00:00+08:00", "\"2025-02-30T08:00:00+08:00\""),
        ),
        (
            "rubrik",
            seed.replace("bri-nachrichten/aktuelles", "bri-nachrichten/sport"),
        ),
        ("leer", seed[..seed.rfind("+++").unwrap() + 4].to_owned()),
        ("wochentag", seed.replace("Dienstag, 04.", "Sonntag, 04.")),
    ];
    for (id, text) in &broken {
        fs::write(de.join(format!("{id}.txt")), text).unwrap();
    }
    fs::create_dir_all(de.join("archiv")).unwrap();
    fs::write(de.join("archiv/ecf15130d4b083e2.txt"), &seed).unwrap();
    let network = content.path().join("network.toml");
    let toml = fs::read_to_string(&network).unwrap();
    // At the end of the German edition's sections, before the next edition.
    let german_end = toml.find("[[editions]]\nid = \"en\"").unwrap();
    fs::write(
        &network,
        format!(
            "{}[[editions.sections]]\npath = \"dokumente\"\nname = \"Nochmal\"\n\n{}",
            &toml[..german_end],
            &toml[german_end..]
        ),
    )
    .unwrap();

    // network.toml comes first: without a valid section tree no source can be checked.
    let found = problems(commands::check(content.path(), &ProgressBar::hidden()).unwrap_err());
    assert_eq!(
        found,
        [format!(
            "{}:{}: edition `de`: section `dokumente` is listed twice (duplicate slug `dokumente`)",
            network.display(),
            toml[..german_end].lines().count() + 2
        )]
    );

    fs::write(&network, &toml).unwrap();
    let failure = commands::check(content.path(), &ProgressBar::hidden()).unwrap_err();
    assert_eq!(failure.consequence, "fix them and check again");
    let found = problems(failure);
    let expected = [
        "de/ohne-titel.txt:1: the header has no `headline`",
        "de/falsches-datum.txt:4: published: `4. November 2025` is not a timestamp",
        "de/unmoeglich.txt:4: published: `2025-02-30T08:00:00+08:00` names a day that does not exist",
        "de/rubrik.txt:3: unknown section `bri-nachrichten/sport`",
        "de/leer.txt:8: the body is empty",
        "de/wochentag.txt:5: the dateline `Sonntag, 04. November 2025` contradicts published 2025-11-04T00:00:00+08:00",
        "de/ecf15130d4b083e2.txt:1: duplicate article id `ecf15130d4b083e2`",
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for line in expected {
        assert!(
            found.iter().any(|problem| problem.contains(line)),
            "missing `{line}` in {found:#?}"
        );
    }
}

#[test]
fn a_utc_offset_that_is_no_offset_is_reported_on_its_line() {
    let content = content_copy();
    let network = content.path().join("network.toml");
    let toml = fs::read_to_string(&network).unwrap();
    let line = toml.lines().position(|l| l.starts_with("utc_offset")).unwrap() + 1;
    fs::write(
        &network,
        toml.replace("utc_offset = \"+08:00\"", "utc_offset = \"+8\""),
    )
    .unwrap();
    let found = problems(commands::check(content.path(), &ProgressBar::hidden()).unwrap_err());
    assert_eq!(
        found,
        [format!(
            "{}:{line}: `+8` is not a UTC offset like +08:00, -05:00 or Z",
            network.display()
        )]
    );
}

#[test]
fn build_is_deterministic_and_rewrites_only_what_changed() {
    let content = content_copy();
    let (first, second) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let report = build(content.path(), first.path()).unwrap();
    build(content.path(), second.path()).unwrap();
    let files = tree(first.path());
    assert_eq!(files, tree(second.path()));
    assert_eq!(report.written, files.len());
    for expected in [
        "api/v2/de/edition.json",
        "feeds/de/rss.xml",
        "sitemap.xml",
        "robots.txt",
    ] {
        assert!(files.contains_key(expected), "{expected} missing");
    }

    // Built again, not skipped as up to date (tests/up_to_date.rs): every
    // file is looked at, and none written.
    forget_last_build(first.path());
    let again = build(content.path(), first.path()).unwrap();
    assert_eq!(
        again,
        BuildReport {
            articles: report.articles,
            sources_parsed: 0,
            sources_reused: report.articles,
            sources_compared: again.sources_compared,
            written: 0,
            unchanged: files.len(),
            not_rendered: again.not_rendered,
            removed: 0,
            search_index: again.search_index,
            search_waited: again.search_waited,
            bundles_indexed: 0,
            images_processed: 0,
            warnings: Vec::new(),
            up_to_date: false,
        }
    );

    // An edited dokumente article changes its own page, its section's and the
    // front page's lists and feeds, the sitemap, and its neighbours' links.
    let edited = content.path().join("de/beispiel-chronik.txt");
    prefix_headline(&edited, "Neu: ");
    let after_edit = build(content.path(), first.path()).unwrap();
    assert!(
        (1..files.len() / 2).contains(&after_edit.written),
        "{after_edit:?}"
    );
    // Only the search index's files are named by their content: those the edit changed are replaced.
    let edited_files = tree(first.path());
    let gone: Vec<&String> = files
        .keys()
        .filter(|name| !edited_files.contains_key(*name))
        .collect();
    assert_eq!(after_edit.removed, gone.len());
    assert!(
        gone.iter().all(|name| name.starts_with("pagefind/de/")),
        "{gone:?}"
    );

    fs::remove_file(&edited).unwrap();
    let after_delete = build(content.path(), first.path()).unwrap();
    assert_eq!(after_delete.articles, report.articles - 1);
    // The article's own document, and its record in the search index with
    // every index file whose content (and so whose name) changed.
    assert!(after_delete.removed >= 2, "{after_delete:?}");
    assert!(!first
        .path()
        .join("api/v2/de/articles/beispiel-chronik.json")
        .exists());
}

#[test]
fn generate_is_deterministic_marks_its_articles_and_passes_check() {
    let runs = [empty_content(), empty_content()];
    for dir in &runs {
        let folder = commands::generate(dir.path(), 250, 42, None).unwrap();
        assert_eq!(folder, dir.path().join("de/generated"));
    }
    let files = tree(runs[0].path());
    assert_eq!(files, tree(runs[1].path()));
    let sources: Vec<String> = files
        .iter()
        .filter(|(name, _)| name.ends_with(".txt"))
        .map(|(_, bytes)| String::from_utf8(bytes.clone()).unwrap())
        .collect();
    assert_eq!(sources.len(), 250);
    assert!(sources
        .iter()
        .all(|text| text.contains("headline = \"Beispiel: ") && text.contains("Beispielartikel")));

    let library = commands::check(runs[0].path(), &ProgressBar::hidden()).unwrap();
    assert_eq!((library.article_count(), library.editions.len()), (250, 4));

    let other_seed = empty_content();
    commands::generate(other_seed.path(), 250, 43, None).unwrap();
    assert_ne!(tree(other_seed.path()), files);

    let unknown = commands::generate(other_seed.path(), 5, 1, Some(&"fr".parse().unwrap())).unwrap_err();
    assert_eq!(
        problems(unknown),
        [format!(
            "{}: has no edition `fr`",
            other_seed.path().join("network.toml").display()
        )]
    );
}

/// After `cargo content generate` the shipped content holds a generated
/// folder; the one walk of sources reads it like any other subfolder.
#[test]
fn generated_sources_in_subfolders_are_read_with_the_rest() {
    let content = content_copy();
    let shipped = commands::check(content.path(), &ProgressBar::hidden())
        .unwrap()
        .article_count();
    commands::generate(content.path(), 40, 5, None).unwrap();
    let library = commands::check(content.path(), &ProgressBar::hidden()).unwrap();
    assert_eq!(library.article_count(), shipped + 40);
}

/// `generate --with-photos` gives each sample a lead photo of
/// `content/photos/`, each photo in turn, and changes nothing else.
#[test]
fn generate_with_photos_gives_each_sample_a_lead_photo_in_turn() {
    let plain = empty_content();
    commands::generate(plain.path(), 8, 3, None).unwrap();
    let content = content_copy();
    let shipped = commands::check(content.path(), &ProgressBar::hidden())
        .unwrap()
        .article_count();
    let folder = commands::generate_with(content.path(), 8, 3, None, true).unwrap();

    let with_photos = tree(&folder);
    let without: Vec<(String, String)> = tree(&plain.path().join("de/generated"))
        .into_iter()
        .map(|(name, bytes)| (name, String::from_utf8(bytes).unwrap()))
        .collect();
    assert_eq!(with_photos.len(), 8);
    let mut used = Vec::new();
    for ((name, bytes), (plain_name, plain_text)) in with_photos.into_iter().zip(without) {
        assert_eq!(name, plain_name);
        let text = String::from_utf8(bytes).unwrap();
        let image = text
            .lines()
            .find_map(|line| line.strip_prefix("image = \""))
            .and_then(|rest| rest.strip_suffix('"'))
            .unwrap_or_else(|| panic!("{name} has no lead photo:\n{text}"))
            .to_owned();
        assert!(text.contains(&format!("image_alt = \"Beispielfoto ({image})\"\n")));
        let rest: Vec<&str> = text.lines().filter(|line| !line.starts_with("image")).collect();
        assert_eq!(rest, plain_text.lines().collect::<Vec<_>>(), "{name}");
        used.push(image);
    }
    used.sort();
    let photos = [
        "astronaut.jpg",
        "coffee.jpg",
        "rocket-launch.jpg",
        "storm-over-road.jpg",
    ];
    let twice: Vec<String> = photos
        .iter()
        .flat_map(|photo| [format!("photos/{photo}"), format!("photos/{photo}")])
        .collect();
    assert_eq!(used, twice);

    let library = commands::check(content.path(), &ProgressBar::hidden()).unwrap();
    assert_eq!(library.article_count(), shipped + 8);

    let none = commands::generate_with(plain.path(), 8, 3, None, true).unwrap_err();
    assert_eq!(
        problems(none),
        [format!(
            "{}: cannot read it: No such file or directory (os error 2)",
            plain.path().join("photos").display()
        )]
    );
}

/// Builds `content` into `out` with every page.
fn build_with_pages(content: &Path, out: &Path) -> Result<BuildReport, commands::Failure> {
    common::build_with_pages(content, out, &common::page_shell(), now())
}

/// Puts `prefix` before the headline of the source at `file`.
fn prefix_headline(file: &Path, prefix: &str) {
    let text = fs::read_to_string(file).unwrap();
    fs::write(
        file,
        text.replacen("headline = \"", &format!("headline = \"{prefix}"), 1),
    )
    .unwrap();
}

#[test]
fn every_address_gets_a_page_and_a_rebuild_writes_nothing() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    build_with_pages(content.path(), out.path()).unwrap();
    let files = tree(out.path());
    for page in [
        "index.html",
        "404.html",
        "de/index.html",
        "de/pages/1.html",
        "de/section/bri-nachrichten/index.html",
        "de/section/bri-nachrichten/aktuelles/index.html",
        "de/article/ecf15130d4b083e2.html",
        "de/author/beispiel-redaktion/index.html",
        "de/offline.html",
    ] {
        assert!(files.contains_key(page), "{page} missing");
    }
    let pages = files.keys().filter(|name| name.ends_with(".html")).count();
    let articles = files
        .keys()
        .filter(|name| name.starts_with("de/article/"))
        .count();
    assert_eq!(articles, 33);
    assert!(pages > articles + 5, "{pages} pages");

    let again = build_with_pages(content.path(), out.path()).unwrap();
    assert_eq!((again.written, again.removed), (0, 0));

    fs::remove_file(content.path().join("de/beispiel-chronik.txt")).unwrap();
    build_with_pages(content.path(), out.path()).unwrap();
    assert!(!out.path().join("de/article/beispiel-chronik.html").exists());
}

#[test]
fn each_author_has_a_page_listing_their_articles_and_a_rebuild_writes_none_of_it_again() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    build_with_pages(content.path(), out.path()).unwrap();
    let document: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(
            out.path()
                .join("api/v2/de/authors/beispiel-redaktion/pages/newest.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(document["author"]["name"], "Beispielredaktion");
    assert_eq!(
        (document["page"].as_u64(), document["total"].as_u64()),
        (Some(1), Some(1))
    );
    let ids: Vec<&str> = document["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|article| article["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["beispiel-artikelformat"]);
    let page = fs::read_to_string(out.path().join("de/author/beispiel-redaktion/index.html")).unwrap();
    assert!(page.contains("<title>Beispielredaktion – „Belt and Road“-Nachrichtennetzwerk</title>"));
    assert!(page.contains(r#"href="/de/article/beispiel-artikelformat""#));
    let sitemap = fs::read_to_string(out.path().join("sitemaps/de-pages.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://brnn-news.example/de/author/beispiel-redaktion/</loc>"));

    let again = build_with_pages(content.path(), out.path()).unwrap();
    assert_eq!((again.written, again.removed), (0, 0));
}

#[test]
fn a_page_shows_its_text_as_text_and_carries_its_documents_safely() {
    let content = content_copy();
    let seed = content.path().join("de/ecf15130d4b083e2.txt");
    let text = fs::read_to_string(&seed).unwrap().replacen(
        "headline = \"China",
        "headline = \"</script><script>alert(1)</script> China",
        1,
    );
    fs::write(&seed, text).unwrap();
    let out = TempDir::new().unwrap();
    build_with_pages(content.path(), out.path()).unwrap();
    let page = fs::read_to_string(out.path().join("de/article/ecf15130d4b083e2.html")).unwrap();
    assert!(page.contains("<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; China"));
    assert!(!page.contains("<script>alert"), "no script from content");
    assert_eq!(page.matches("<title>").count(), 1);
    assert_eq!(page.matches(r#"<meta name="description""#).count(), 1);
    assert!(page
        .contains(r#"<link rel="canonical" href="https://brnn-news.example/de/article/ecf15130d4b083e2">"#));
    assert!(page.contains(r#"data-brnn-document="de/articles/ecf15130d4b083e2.json""#));
    assert!(!page.contains("<!>"), "no bogus comments");
}

#[test]
fn a_build_that_fails_midway_leaves_the_previous_site_as_it_was() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    build_with_pages(content.path(), out.path()).unwrap();
    let before = tree(out.path());

    let edited = content.path().join("de/beispiel-chronik.txt");
    prefix_headline(&edited, "Neu: ");
    // A folder where the article's new page would be written: that write fails.
    let blocker = out.path().join(format!(
        "de/article/beispiel-chronik.html{}",
        brnn_content::build::PARTIAL_SUFFIX
    ));
    fs::create_dir_all(&blocker).unwrap();
    let failure = build_with_pages(content.path(), out.path()).unwrap_err();
    assert!(problems(failure)[0].contains("cannot write"));
    assert_eq!(
        tree(out.path()),
        before,
        "no file changed, none half-written, none left over"
    );

    fs::remove_dir(&blocker).unwrap();
    let after = build_with_pages(content.path(), out.path()).unwrap();
    assert!(after.written > 0);
    assert!(
        fs::read_to_string(out.path().join("de/article/beispiel-chronik.html"))
            .unwrap()
            .contains("Neu: ")
    );
}

#[test]
fn a_first_build_that_fails_midway_stops_indexing_and_leaves_no_file() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    // A folder where the first edition's document, among the first files, would be written.
    let blocker = out.path().join(format!(
        "api/v2/de/edition.json{}",
        brnn_content::build::PARTIAL_SUFFIX
    ));
    fs::create_dir_all(&blocker).unwrap();
    // Every edition's search bundles wait to be built beside the build,
    // a bundle ahead: the failed build stops their thread, not waits for it.
    let (done, failed) = std::sync::mpsc::channel();
    let (from, into) = (content.path().to_owned(), out.path().to_owned());
    std::thread::spawn(move || {
        let _ = done.send(build_with_pages(&from, &into));
    });
    let failure = failed
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("the build returns")
        .unwrap_err();
    assert!(problems(failure)[0].contains("cannot write"));
    let left: Vec<String> = tree(out.path()).into_keys().collect();
    assert_eq!(left, Vec::<String>::new(), "no file written");
}

#[test]
fn the_search_index_holds_every_article_of_its_edition_and_a_rebuild_leaves_it_as_it_was() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    build(content.path(), out.path()).unwrap();
    // Every bundle, as `bundles.json` names them.
    let bundles = |edition: &str| -> Vec<String> {
        let folder = out.path().join(format!("pagefind/{edition}"));
        serde_json::from_slice(&fs::read(folder.join("bundles.json")).unwrap()).unwrap()
    };
    let indexed = |edition: &str| -> u64 {
        let folder = out.path().join(format!("pagefind/{edition}"));
        bundles(edition)
            .iter()
            .map(|bundle| {
                let entry = fs::read(folder.join(format!("{bundle}/pagefind-entry.json"))).unwrap();
                let entry: serde_json::Value = serde_json::from_slice(&entry).unwrap();
                let languages = entry["languages"].as_object().unwrap();
                languages
                    .values()
                    .map(|language| language["page_count"].as_u64().unwrap())
                    .sum::<u64>()
            })
            .sum()
    };
    let sources = |edition: &str| {
        fs::read_dir(content.path().join(edition))
            .unwrap()
            .filter(|entry| {
                entry
                    .as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|ext| ext == "txt")
            })
            .count() as u64
    };
    for edition in ["de", "en", "zh", "ar"] {
        assert!(sources(edition) >= 15, "{edition}");
        assert_eq!(indexed(edition), sources(edition), "{edition}");
    }
    let index = || tree(&out.path().join("pagefind"));
    let before = index();
    // The newest day, the rest of its month, the rest of its year.
    assert_eq!(bundles("de"), ["2025-day", "2025-month", "2025"]);
    assert!(
        before.contains_key("de/2025/pagefind.js") && before.contains_key("zh/2025-day/pagefind-worker.js")
    );
    assert!(
        !before.keys().any(|name| name.contains("-ui.")),
        "no ready-made search interface"
    );
    let again = build(content.path(), out.path()).unwrap();
    assert_eq!(again.written, 0);
    assert_eq!(again.bundles_indexed, 0, "no bundle indexed again");
    assert_eq!(index(), before, "the index as it was");

    // A copy of the seed, published at `published` (its dateline `dateline`), as `name`.
    let seed = fs::read_to_string(content.path().join("de/ecf15130d4b083e2.txt")).unwrap();
    let publish_copy = |name: &str, published: &str, dateline: &str| {
        let copy = seed
            .replace("2025-11-04T00:00:00+08:00", published)
            .replace("Dienstag, 04. November 2025", dateline)
            .replace("China und Russland", &format!("{name}: China und Russland"));
        fs::write(content.path().join(format!("de/{name}.txt")), copy).unwrap();
        build(content.path(), out.path()).unwrap()
    };

    // Published into the newest day: only that day's bundle is indexed again.
    let same_day = publish_copy(
        "am-selben-tag",
        "2025-11-04T09:00:00+08:00",
        "Dienstag, 04. November 2025",
    );
    assert_eq!(same_day.bundles_indexed, 1, "{same_day:?}");
    let changed = index();
    let differs = |name: &String| before.get(name) != changed.get(name);
    assert!(
        changed
            .keys()
            .chain(before.keys())
            .filter(|name| differs(name))
            .all(|name| name.starts_with("de/2025-day/")),
        "only the day's bundle changed"
    );
    assert_eq!(indexed("de"), sources("de"));

    // A new day: it has a bundle of its own, and the day before joins its month's.
    let next_day = publish_copy(
        "am-tag-danach",
        "2025-11-05T08:00:00+08:00",
        "Mittwoch, 05. November 2025",
    );
    assert_eq!(next_day.bundles_indexed, 2, "{next_day:?}");
    assert_eq!(bundles("de"), ["2025-day", "2025-month", "2025"]);
    assert_eq!(indexed("de"), sources("de"));

    // An article of another year: that year's bundle is built, 2025's kept.
    let with_2024 = publish_copy(
        "ein-jahr-davor",
        "2024-03-01T09:00:00+08:00",
        "Freitag, 01. März 2024",
    );
    assert_eq!(with_2024.bundles_indexed, 1, "{with_2024:?}");
    assert_eq!(
        fs::read_to_string(out.path().join("pagefind/de/bundles.json")).unwrap(),
        r#"["2025-day","2025-month","2025","2024"]"#
    );
    assert_eq!(indexed("de"), sources("de"));

    fs::remove_file(content.path().join("de/beispiel-chronik.txt")).unwrap();
    build(content.path(), out.path()).unwrap();
    assert_eq!(indexed("de"), sources("de"));
}

#[test]
fn a_shell_without_its_base_is_refused_and_names_what_is_missing() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    // index.html as it is in the repository, before Trunk fills in the base.
    let shell = repo().join("index.html");
    let failure = commands::build(
        content.path(),
        out.path(),
        &image_cache(),
        None,
        Some(&shell),
        now(),
        &ProgressBar::hidden(),
    )
    .unwrap_err();
    let message = failure.problems[0].to_string();
    assert!(message.contains("no `<base href>`"), "{message}");
    assert!(message.contains("index.html"), "{message}");
}

#[test]
fn a_rebuild_makes_no_photo_again_and_the_renditions_of_a_photo_no_article_shows_are_removed() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    let cache = TempDir::new().unwrap();
    let build = || {
        commands::build(
            content.path(),
            out.path(),
            cache.path(),
            None,
            None,
            now(),
            &ProgressBar::hidden(),
        )
        .unwrap()
    };
    let media = || -> Vec<String> { tree(&out.path().join("api/v2/media")).into_keys().collect() };

    assert_eq!(build().images_processed, 4, "the four shipped photos");
    let rockets = media()
        .iter()
        .filter(|name| name.starts_with("rocket-launch-"))
        .count();
    assert_eq!(
        rockets,
        4,
        "640 px wide: 480 and 640, as WebP and JPEG: {:?}",
        media()
    );
    let again = build();
    assert_eq!((again.images_processed, again.written, again.removed), (0, 0, 0));

    for file in ["de/beispiel-artikelformat.txt", "ar/mithal-mina.txt"] {
        let path = content.path().join(file);
        let text = fs::read_to_string(&path).unwrap();
        let without: Vec<&str> = text
            .lines()
            .filter(|line| !line.contains("rocket-launch.jpg"))
            .collect();
        fs::write(&path, without.join("\n") + "\n").unwrap();
    }
    let after = build();
    assert_eq!(after.images_processed, 0);
    assert!(after.removed >= rockets, "{after:?}");
    assert!(
        !media().iter().any(|name| name.starts_with("rocket-launch-")),
        "{:?}",
        media()
    );
    assert!(media()
        .iter()
        .any(|name| name.starts_with("storm-over-road-1600-")));
}

#[test]
fn an_article_with_a_lead_photo_gets_a_large_link_preview_and_one_without_a_small_one() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    build_with_pages(content.path(), out.path()).unwrap();
    let page = fs::read_to_string(out.path().join("de/article/beispiel-artikelformat.html")).unwrap();
    let property = |name: &str| {
        let (_, rest) = page
            .split_once(&format!(r#"<meta property="{name}" content=""#))
            .unwrap_or_else(|| panic!("no {name}"));
        rest.split_once('"').unwrap().0.to_owned()
    };
    let image = property("og:image");
    assert!(
        image.starts_with("https://brnn-news.example/api/v2/media/") && image.ends_with(".jpg"),
        "{image}"
    );
    let width: u32 = property("og:image:width").parse().unwrap();
    assert!(width >= 1200, "a large preview needs 1200 px, not {width}");
    assert!(property("og:image:height").parse::<u32>().unwrap() > 0);
    assert!(!property("og:image:alt").is_empty());
    let file = image.trim_start_matches("https://brnn-news.example/");
    assert!(out.path().join(file).is_file(), "{file} is built");
    assert!(page.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
    assert!(page.contains(r#"<meta name="robots" content="max-image-preview:large">"#));
    assert!(
        page.contains(&format!(r#""image":["{image}"]"#)),
        "JSON-LD names the photo"
    );

    let seed = fs::read_to_string(out.path().join("de/article/ecf15130d4b083e2.html")).unwrap();
    assert!(seed.contains(r#"<meta name="twitter:card" content="summary">"#));
    assert!(!seed.contains("og:image"));
}
