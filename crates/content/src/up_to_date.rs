//! Whether a whole build may be skipped: nothing it is made from changed
//! since the last build that succeeded, and nothing of the site it wrote
//! went. With a million articles, even a build that renders nothing still
//! loads the archive and keys every file (over a minute); this asks only
//! the file system, a stat per source and per folder of the site.
//!
//! After a build, [`Record::write`] keeps in `<out>/.brnn/` ([`FILE`]):
//!
//! - a SHA-256 of the inputs: this format, this tool's own build, the
//!   options (the site's address, the pages' shell by its bytes) and every
//!   file below the content folder by path, size and modification time (ns);
//! - the span of the build's clock over which the site stays the same: it
//!   only decides which of the editors' front page choices have expired, so
//!   from the last expiry at or before the clock to the next one after it;
//! - what the build's report says of the content (articles, warnings), for
//!   a skipped build to say it again.
//!
//! Besides, every folder of the site must still have the time the build
//! left it with (`build::FolderTimes`, which the build records itself): a
//! file of the site that went is seen without a stat of each.
//!
//! As git does with its index, a time in the second the build began, or
//! later, is not trusted: a source changed then could change again with the
//! same size and time. Such a build keeps no record, so the next one builds.
//! A record is removed before a build starts, so one that fails leaves
//! none; a missing, damaged or other-version record means a build.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use brnn_model::date::Published;
use brnn_model::front::FrontChoice;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::build::{FolderTimes, BUILD_FOLDER};
use crate::file_time::modified_ns;
use crate::problem::Problem;
use crate::this_build::this_build;
use crate::whole_file::write_whole;

/// The record's file below the build's folder.
pub const FILE: &str = "up-to-date.bin";
/// Hashed with the inputs: a new format is a new record.
const FORMAT: &str = "brnn-content-up-to-date 2";

/// What a build is made from, as far as the file system tells without
/// reading a source: hashed, and whether any time was too recent to trust.
pub struct Inputs {
    hash: [u8; 32],
    /// Some source's time is in or after the second this look began.
    racy: bool,
    /// Every file below the content folder: path (`/` between its parts), size, time (ns).
    files: Vec<(String, u64, u64)>,
}

impl Inputs {
    /// Every file below `content`, the site's address and the pages' shell.
    pub fn of(content: &Path, site_url: Option<&str>, shell: Option<&[u8]>) -> std::io::Result<Self> {
        let began = whole_seconds(SystemTime::now());
        let mut files = Vec::new();
        walk_files(content, content, &mut files)?;
        files.sort_unstable();
        let mut hasher = Sha256::new();
        for part in [
            FORMAT.as_bytes(),
            &this_build(),
            site_url.unwrap_or("").as_bytes(),
        ] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        match shell {
            None => hasher.update([0]),
            Some(shell) => {
                hasher.update([1]);
                hasher.update(Sha256::digest(shell));
            }
        }
        let mut racy = false;
        for (path, size, modified) in &files {
            hasher.update((path.len() as u64).to_le_bytes());
            hasher.update(path.as_bytes());
            hasher.update(size.to_le_bytes());
            hasher.update(modified.to_le_bytes());
            racy |= *modified == 0 || modified / 1_000_000_000 >= began;
        }
        Ok(Inputs {
            hash: hasher.finalize().into(),
            racy,
            files,
        })
    }

    /// The files' paths, sizes and times, for the sources' cache not to ask again.
    pub fn take_files(&mut self) -> Vec<(String, u64, u64)> {
        std::mem::take(&mut self.files)
    }
}

/// What a build that succeeded leaves for the next to compare with.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    inputs: [u8; 32],
    /// The build's clock may be anywhere from `clock_from` (inclusive) to
    /// `clock_until` (exclusive), in seconds since the epoch; `None`: no bound.
    clock_from: Option<i64>,
    clock_until: Option<i64>,
    pub articles: usize,
    /// The files of the site.
    pub files: usize,
    pub warnings: Vec<(PathBuf, Option<usize>, String)>,
}

impl Record {
    /// The record of a build made from `inputs` at `now`, with `choices`
    /// the editors' front page choices of every edition, that left `files`;
    /// `None` when a time of its inputs cannot be trusted.
    pub fn after_build(
        inputs: &Inputs,
        now: Published,
        choices: &[&FrontChoice],
        articles: usize,
        files: usize,
        warnings: &[Problem],
    ) -> Option<Self> {
        if inputs.racy {
            return None;
        }
        let now = now.unix_seconds();
        let expiries = choices
            .iter()
            .filter_map(|choice| choice.until.map(Published::unix_seconds));
        let (mut clock_from, mut clock_until) = (None, None);
        for expiry in expiries {
            // A choice holds before its expiry, not at it (`FrontChoice::holds_at`).
            if expiry <= now {
                clock_from = clock_from.max(Some(expiry));
            } else {
                clock_until = Some(clock_until.map_or(expiry, |until: i64| until.min(expiry)));
            }
        }
        Some(Record {
            inputs: inputs.hash,
            clock_from,
            clock_until,
            articles,
            files,
            warnings: warnings
                .iter()
                .map(|problem| (problem.file.clone(), problem.line, problem.message.clone()))
                .collect(),
        })
    }

    /// The last build's record in `out`, if there is one this tool can read.
    pub fn read(out: &Path) -> Option<Self> {
        let bytes = fs::read(out.join(BUILD_FOLDER).join(FILE)).ok()?;
        rmp_serde::from_slice(&bytes).ok()
    }

    pub fn write(&self, out: &Path) -> std::io::Result<()> {
        let bytes = rmp_serde::to_vec(self).map_err(std::io::Error::other)?;
        write_whole(&out.join(BUILD_FOLDER).join(FILE), bytes)
    }

    /// Removes the record from `out`, before a build that may fail.
    pub fn remove(out: &Path) -> std::io::Result<()> {
        match fs::remove_file(out.join(BUILD_FOLDER).join(FILE)) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        }
    }

    /// Whether a build from `inputs` at `now` into `out` would write what
    /// the recorded one did: the same inputs, a clock within the span, and
    /// every folder of the site still as that build left it.
    pub fn holds_for(&self, inputs: &Inputs, now: Published, out: &Path) -> bool {
        let now = now.unix_seconds();
        !inputs.racy
            && inputs.hash == self.inputs
            && self.clock_from.is_none_or(|from| from <= now)
            && self.clock_until.is_none_or(|until| now < until)
            && FolderTimes::read(out).all_still_as_recorded(out)
    }

    /// The warnings as the build reported them.
    pub fn problems(&self) -> Vec<Problem> {
        self.warnings
            .iter()
            .map(|(file, line, message)| Problem {
                file: file.clone(),
                line: *line,
                message: message.clone(),
            })
            .collect()
    }
}

fn whole_seconds(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs())
}

/// `path` below `root`, with `/` between its parts whatever the system.
fn relative(root: &Path, path: &Path) -> String {
    let below = path.strip_prefix(root).unwrap_or(path);
    below
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every file below `folder` (links not followed): path below `root`, size, time.
fn walk_files(root: &Path, folder: &Path, files: &mut Vec<(String, u64, u64)>) -> std::io::Result<()> {
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            walk_files(root, &path, files)?;
        } else {
            // Asked of the folder the listing has open (`fstatat`), not by the
            // whole path: at a million sources, a second less.
            let metadata = entry.metadata()?;
            files.push((relative(root, &path), metadata.len(), modified_ns(&metadata)));
        }
    }
    Ok(())
}
