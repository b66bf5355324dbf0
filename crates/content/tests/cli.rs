//! The binary as editors and operators run it: arguments, exit status and
//! what it prints. What the commands do is tested on the library, in
//! `commands.rs`.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::{content_copy, repo, seed_page};
use tempfile::TempDir;

const TOOL: &str = env!("CARGO_BIN_EXE_brnn-content");

fn run(args: &[&str]) -> Output {
    Command::new(TOOL).args(args).output().expect("the tool runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn every_subcommand_has_help() {
    for command in ["import", "check", "build", "generate"] {
        let output = run(&[command, "--help"]);
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && text.contains("Usage: brnn-content") && text.contains("--content"),
            "{command}: {text}"
        );
    }
}

/// Usage errors come from clap: status 2, the argument named, nothing done.
#[test]
fn arguments_of_the_wrong_shape_are_usage_errors() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    let seed = seed_page();
    let cases: [(Vec<&str>, &str); 5] = [
        (
            vec![
                "build",
                "--out",
                path(out.path()),
                "--site-url",
                "news.example.org",
            ],
            "site url `news.example.org` does not start with https:// or http://",
        ),
        (
            vec!["build", "--out", path(out.path()), "--now", "2025-11-05"],
            "`2025-11-05` is not a timestamp like 2025-11-04T09:30:00+08:00",
        ),
        (
            vec!["import", "--id", "Über", path(&seed)],
            "`Über` is not a slug",
        ),
        (
            vec!["import", "--id", "eins", path(&seed), path(&seed)],
            "--id names one article; give one page with it",
        ),
        (vec!["generate", "5", "--edition", "DE"], "`DE` is not a slug"),
    ];
    for (args, expected) in cases {
        let mut all = vec!["--content", path(content.path())];
        all.extend(&args);
        let output = run(&all);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(expected),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    assert!(fs::read_dir(out.path()).unwrap().next().is_none());
}

#[test]
fn import_writes_the_source_and_says_so() {
    let content = content_copy();
    let target = content.path().join("de/ecf15130d4b083e2.txt");
    fs::remove_file(&target).unwrap();
    let output = run(&["import", "--content", path(content.path()), path(&seed_page())]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).ends_with("ecf15130d4b083e2.txt: written\n"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read(&target).unwrap(),
        fs::read(repo().join("content/de/ecf15130d4b083e2.txt")).unwrap()
    );

    let again = run(&["import", "--content", path(content.path()), path(&seed_page())]);
    assert!(
        stderr(&again).ends_with("ecf15130d4b083e2.txt: unchanged\n"),
        "{}",
        stderr(&again)
    );

    let printed = run(&[
        "import",
        "--content",
        path(content.path()),
        "--stdout",
        "--id",
        "anders",
        path(&seed_page()),
    ]);
    assert!(
        String::from_utf8_lossy(&printed.stdout).starts_with("+++\n"),
        "{}",
        stderr(&printed)
    );
    assert!(!content.path().join("de/anders.txt").exists());
}

#[test]
fn problems_are_printed_one_a_line_and_counted_with_status_1() {
    let content = content_copy();
    let de = content.path().join("de");
    let seed = fs::read_to_string(de.join("ecf15130d4b083e2.txt")).unwrap();
    fs::write(
        de.join("wochentag.txt"),
        seed.replace("Dienstag, 04.", "Sonntag, 04."),
    )
    .unwrap();
    let output = run(&["check", "--content", path(content.path())]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines.len(), 2, "{message}");
    assert!(lines[0].contains("de/wochentag.txt:5: the dateline `Sonntag, 04. November 2025` contradicts published 2025-11-04T00:00:00+08:00"), "{message}");
    assert_eq!(lines[1], "brnn-content: 1 problem(s); fix them and check again");
}

#[test]
fn check_and_build_say_what_they_did() {
    let output = run(&["check", "--content", path(&repo().join("content"))]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).ends_with("articles in 4 edition(s), no problems\n"));

    let out = TempDir::new().unwrap();
    let content = repo().join("content");
    let cache = common::image_cache();
    let build = |more: &[&str]| {
        let mut args = vec![
            "build",
            "--content",
            path(&content),
            "--out",
            path(out.path()),
            "--cache",
            path(&cache),
        ];
        args.extend(more);
        run(&args)
    };
    let output = build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(" files written, 0 unchanged (0 not rendered), 0 removed; "),
        "{}",
        stderr(&output)
    );

    // Again, with the change list copied out: nothing changed, nothing listed.
    let changes = out.path().join("../changes-for-upload.txt");
    let again = build(&["--changes", path(&changes)]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stderr(&again).contains(" 0 files written, "),
        "{}",
        stderr(&again)
    );
    assert_eq!(fs::read_to_string(&changes).unwrap(), "");
    fs::remove_file(changes).unwrap();
}

#[test]
fn a_warning_is_printed_on_its_own_line_and_counted_but_fails_nothing() {
    let content = content_copy();
    fs::remove_file(content.path().join("de/pages/impressum.txt")).unwrap();
    let output = run(&["check", "--content", path(content.path())]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stderr(&output);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 2, "{printed}");
    assert!(
        lines[0].starts_with(&format!(
            "{}: warning: edition `de` has no page with `role = \"imprint\"`",
            content.path().join("de/pages").display()
        )),
        "{printed}"
    );
    assert!(lines[1].ends_with("no problems, 1 warning"), "{printed}");
}

/// One build at a time writes a site: a build started while another holds
/// the site's lock says that it waits, and builds once the lock is let go.
#[test]
fn a_build_waits_for_the_build_that_holds_its_site() {
    let content = content_copy();
    let out = TempDir::new().unwrap();
    let held = brnn_content::commands::lock_site(out.path(), || panic!("nobody else holds it")).unwrap();
    let mut build = Command::new(TOOL)
        .args([
            "build",
            "--content",
            path(content.path()),
            "--out",
            path(out.path()),
        ])
        .args([
            "--cache",
            path(&common::image_cache()),
            "--now",
            "2025-11-29T12:00:00+08:00",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .expect("the tool runs");
    thread::sleep(Duration::from_secs(2));
    assert!(build.try_wait().unwrap().is_none(), "it waits");
    assert!(!out.path().join("api").exists(), "and has written nothing");
    drop(held);
    let output = build.wait_with_output().unwrap();
    let said = stderr(&output);
    assert!(output.status.success(), "{said}");
    assert!(
        said.starts_with(&format!(
            "brnn-content: waiting for another build of {}\n",
            out.path().display()
        )),
        "{said}"
    );
    assert!(out.path().join("api/v2/de/edition.json").exists());
}

/// `trunk serve`'s build (`--build-in`): the site is kept in a folder of its
/// own and its entries are linked from the staging folder, which Trunk
/// makes anew every time; the next build, into a new staging folder, finds
/// nothing to do and links the same site.
#[test]
fn a_site_built_in_a_kept_folder_is_linked_from_each_new_staging_folder() {
    let content = content_copy();
    let cache = common::image_cache();
    let shell = common::page_shell();
    let kept = TempDir::new().unwrap();
    // What Trunk leaves in a staging folder before its hook runs: the shell and its own files.
    let staging = || {
        let folder = TempDir::new().unwrap();
        fs::copy(shell.path(), folder.path().join("index.html")).unwrap();
        fs::write(folder.path().join("boot.js"), "// Trunk's").unwrap();
        folder
    };
    let build = |out: &Path, more: &[&str]| {
        let shell = out.join("index.html");
        let mut args = vec![
            "build",
            "--content",
            path(content.path()),
            "--out",
            path(out),
            "--shell",
            path(&shell),
            "--cache",
            path(&cache),
            "--now",
            "2025-11-29T12:00:00+08:00",
        ];
        args.extend(more);
        run(&args)
    };
    let direct = staging();
    assert!(build(direct.path(), &[]).status.success());

    let first = staging();
    let output = build(first.path(), &["--build-in", path(kept.path())]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains(&format!("into {} in ", kept.path().display())));
    let home = fs::symlink_metadata(first.path().join("index.html")).unwrap();
    assert!(
        home.file_type().is_symlink(),
        "the home page is linked over Trunk's shell"
    );
    assert!(fs::symlink_metadata(first.path().join("api"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(!fs::symlink_metadata(first.path().join("boot.js"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(
        !first.path().join(brnn_content::build::BUILD_FOLDER).exists(),
        "the build's own folder is not served"
    );
    assert_eq!(
        common::tree(first.path()),
        common::tree(direct.path()),
        "the same site, through links"
    );

    let second = staging();
    let output = build(second.path(), &["--build-in", path(kept.path())]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains(": up to date, "), "{}", stderr(&output));
    assert_eq!(common::tree(second.path()), common::tree(direct.path()));
}

/// Trunk's hook (scripts/trunk-site, as `trunk serve` runs it) builds the
/// kept site, links it from the staging folder and leaves the content tool
/// watching content/: a saved edit is built into the kept site at once and
/// served through the links; a save with a problem is reported, and the
/// fix saved after it built; the site is then what a build of the edited
/// content makes. The watching build ends when Trunk does.
#[test]
fn trunk_serve_leaves_a_build_watching_content_that_builds_every_save_until_trunk_ends() {
    let content = content_copy();
    let shell = common::page_shell();
    let kept = TempDir::new().unwrap();
    let staging = TempDir::new().unwrap();
    fs::copy(shell.path(), staging.path().join("index.html")).unwrap();
    let log_folder = TempDir::new().unwrap();
    let log = log_folder.path().join("trunk.log");
    let log_file = fs::File::create(&log).unwrap();
    let said = || fs::read_to_string(&log).unwrap();
    // Trunk's stand-in: runs the hook as Trunk does, says how it ended,
    // then runs until a line comes on its input.
    let mut trunk = Command::new("sh")
        .args(["-c", "sh scripts/trunk-site; echo \"hook $?\"; read line"])
        .current_dir(repo())
        .env("TRUNK_PROFILE", "debug")
        .env("TRUNK_STAGING_DIR", staging.path())
        .env("BRNN_TRUNK_SITE", kept.path())
        .env("BRNN_CONTENT", content.path())
        .env("BRNN_NOW", "2025-11-29T12:00:00+08:00")
        .stdin(Stdio::piped())
        .stdout(log_file.try_clone().unwrap())
        .stderr(log_file)
        .spawn()
        .expect("sh runs");
    let article = || {
        fs::read_to_string(
            staging
                .path()
                .join("api/v2/de/articles/beispiel-brueckenbau.json"),
        )
        .unwrap()
    };

    within(Duration::from_secs(600), "the hook", || said().contains("hook "));
    assert!(said().contains("hook 0"), "{}", said());
    assert!(article().contains("Brückenbau über den Fluss erreicht die Mitte"));
    let watcher = fs::read_to_string(kept.path().join(".brnn/watcher.pid")).unwrap();
    let watcher = watcher.trim();

    let source = content.path().join("de/beispiel-brueckenbau.txt");
    let text = fs::read_to_string(&source).unwrap();
    let save = |text: &str| {
        // As editors save: a new file renamed over the old one.
        fs::write(source.with_extension("saving"), text).unwrap();
        fs::rename(source.with_extension("saving"), &source).unwrap();
    };
    save(&text.replace(
        "section = \"bri-nachrichten/aktuelles\"",
        "section = \"nirgendwo\"",
    ));
    within(Duration::from_secs(60), "the problem", || {
        said().contains("unknown section `nirgendwo`")
    });
    assert!(said().contains("problem(s); nothing built"), "{}", said());
    save(&text.replace("erreicht die Mitte", "ist fertig"));
    within(Duration::from_secs(60), "the edit", || {
        article().contains("Brückenbau über den Fluss ist fertig")
    });

    let direct = TempDir::new().unwrap();
    fs::copy(shell.path(), direct.path().join("index.html")).unwrap();
    let output = run(&[
        "build",
        "--content",
        path(content.path()),
        "--out",
        path(direct.path()),
        "--shell",
        path(&direct.path().join("index.html")),
        "--cache",
        path(&common::image_cache()),
        "--now",
        "2025-11-29T12:00:00+08:00",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(common::tree(staging.path()), common::tree(direct.path()));

    trunk.stdin.take().unwrap().write_all(b"done\n").unwrap();
    trunk.wait().unwrap();
    let running = || {
        let asked = Command::new("kill")
            .args(["-0", watcher])
            .stderr(Stdio::null())
            .status();
        asked.unwrap().success()
    };
    within(Duration::from_secs(10), "the watching build's end", || !running());
}

/// Waits until `done`, asking every 100 ms; fails after `limit`, naming `what`.
fn within(limit: Duration, what: &str, done: impl Fn() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < limit, "{what}: not after {limit:?}");
        thread::sleep(Duration::from_millis(100));
    }
}
