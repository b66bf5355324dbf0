//! Every folder of the site with its modification time, as the last build
//! left them ([`FILE`] below `<out>/.brnn/`). A file added to a folder,
//! removed from it or renamed in it changes the folder's time, so a folder
//! whose time is the one recorded holds just the files the last build's
//! manifest lists there: a build asks the file system once per folder
//! (hundreds at 100,000 articles) instead of once per file (hundreds of
//! thousands), and a build with nothing to do (`up_to_date`) sees that a
//! file of the site went.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;
use std::time::Duration;

use super::manifest::BUILD_FOLDER;
use crate::file_time::modified_ns;
use crate::whole_file::write_whole;

/// The record's file below the build's folder.
const FILE: &str = "folders.bin";

/// Folders below the output folder (the build's own aside, the output
/// folder itself as ""), by path with `/` between its parts, with their
/// times in nanoseconds.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FolderTimes(BTreeMap<String, u64>);

/// Longer than a tick of the clock that file times come from (coarse on
/// Linux: a few milliseconds).
const CLOCK_TICK: Duration = Duration::from_millis(20);

impl FolderTimes {
    /// Every folder of the site below `out`, after the build's writes: it
    /// waits a tick of the file times' clock first, so that any change
    /// after the look gives its folder a new time, not the one recorded.
    /// The folders `recorded` before the build that still have their time
    /// are not read: their folders are the ones recorded below them (at a
    /// million articles, a folder holds up to 250,000 files).
    pub fn after_writing(out: &Path, recorded: &FolderTimes) -> io::Result<Self> {
        std::thread::sleep(CLOCK_TICK);
        Self::of(out, recorded)
    }

    /// Every folder of the site below `out` as it is now; see [`Self::after_writing`].
    fn of(out: &Path, recorded: &FolderTimes) -> io::Result<Self> {
        let mut times = BTreeMap::new();
        let mut folders = vec![String::new()];
        while let Some(folder) = folders.pop() {
            let path = out.join(&folder);
            let time = modified_ns(&fs::metadata(&path)?);
            if recorded.0.get(&folder) == Some(&time) {
                // No entry came or went since: no folder either.
                folders.extend(recorded.recorded_below(&folder));
            } else {
                for entry in fs::read_dir(&path)? {
                    let entry = entry?;
                    if entry.file_type()?.is_dir()
                        && !(folder.is_empty() && entry.file_name() == BUILD_FOLDER)
                    {
                        folders.push(join(&folder, &entry.file_name().to_string_lossy()));
                    }
                }
            }
            times.insert(folder, time);
        }
        Ok(FolderTimes(times))
    }

    /// What the last build below `out` recorded; empty when there is none
    /// or it cannot be read (nothing is then trusted).
    pub fn read(out: &Path) -> Self {
        fs::read(out.join(BUILD_FOLDER).join(FILE))
            .ok()
            .and_then(|bytes| rmp_serde::from_slice(&bytes).ok())
            .map(FolderTimes)
            .unwrap_or_default()
    }

    pub fn write(&self, out: &Path) -> io::Result<()> {
        let bytes = rmp_serde::to_vec(&self.0).map_err(io::Error::other)?;
        write_whole(&out.join(BUILD_FOLDER).join(FILE), bytes)
    }

    /// The recorded folders whose time is still the one recorded.
    pub fn still_as_recorded(&self, out: &Path) -> Vec<String> {
        self.0
            .iter()
            .filter(|(folder, time)| {
                fs::metadata(out.join(folder)).is_ok_and(|now| modified_ns(&now) == **time)
            })
            .map(|(folder, _)| folder.clone())
            .collect()
    }

    /// Whether some folder was recorded and every one is still as recorded.
    pub fn all_still_as_recorded(&self, out: &Path) -> bool {
        !self.0.is_empty() && self.still_as_recorded(out).len() == self.0.len()
    }

    /// The recorded folders right below `folder`.
    pub fn recorded_below(&self, folder: &str) -> Vec<String> {
        let prefix = if folder.is_empty() {
            String::new()
        } else {
            format!("{folder}/")
        };
        self.0
            .range(prefix.clone()..)
            .map(|(path, _)| path)
            .take_while(|path| path.starts_with(&prefix))
            .filter(|path| !path.is_empty() && !path[prefix.len()..].contains('/'))
            .cloned()
            .collect()
    }
}

/// `name` in `folder` (`""`: the output folder), with `/` between.
pub fn join(folder: &str, name: &str) -> String {
    if folder.is_empty() {
        name.to_owned()
    } else {
        format!("{folder}/{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_gained_or_lost_a_file_is_no_longer_as_recorded() {
        let out = tempfile::TempDir::new().unwrap();
        fs::create_dir_all(out.path().join("de/article")).unwrap();
        fs::create_dir_all(out.path().join(BUILD_FOLDER)).unwrap();
        fs::write(out.path().join("de/article/a.html"), "a").unwrap();
        // Older than the clock's tick, so that a change now is a new time.
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for folder in ["", "de", "de/article"] {
            fs::File::open(out.path().join(folder))
                .unwrap()
                .set_modified(an_hour_ago)
                .unwrap();
        }
        let times = FolderTimes::of(out.path(), &FolderTimes::default()).unwrap();
        times.write(out.path()).unwrap();
        let read = FolderTimes::read(out.path());
        assert_eq!(read, times);
        assert_eq!(read.recorded_below(""), ["de"]);
        assert_eq!(read.recorded_below("de"), ["de/article"]);
        assert!(read.all_still_as_recorded(out.path()));

        // Rewritten in place: the folder stays as it was.
        fs::write(out.path().join("de/article/a.html"), "b").unwrap();
        assert!(read.all_still_as_recorded(out.path()));
        fs::remove_file(out.path().join("de/article/a.html")).unwrap();
        assert_eq!(read.still_as_recorded(out.path()), ["", "de"]);
        assert!(!read.all_still_as_recorded(out.path()));
        assert!(
            !FolderTimes::default().all_still_as_recorded(out.path()),
            "nothing recorded, nothing trusted"
        );
    }

    #[test]
    fn a_look_that_trusts_the_folders_still_as_recorded_finds_what_a_whole_look_finds() {
        let out = tempfile::TempDir::new().unwrap();
        for folder in ["de/article", "de/list", "en/article", BUILD_FOLDER] {
            fs::create_dir_all(out.path().join(folder)).unwrap();
        }
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for folder in ["", "de", "de/article", "de/list", "en", "en/article"] {
            fs::File::open(out.path().join(folder))
                .unwrap()
                .set_modified(an_hour_ago)
                .unwrap();
        }
        let recorded = FolderTimes::of(out.path(), &FolderTimes::default()).unwrap();
        // A file in one folder, a new folder in another, one gone in a third.
        fs::write(out.path().join("de/article/a.html"), "a").unwrap();
        fs::create_dir(out.path().join("de/list/2")).unwrap();
        fs::remove_dir(out.path().join("en/article")).unwrap();
        let trusting = FolderTimes::of(out.path(), &recorded).unwrap();
        assert_eq!(
            trusting,
            FolderTimes::of(out.path(), &FolderTimes::default()).unwrap()
        );
        assert_eq!(trusting.recorded_below("de/list"), ["de/list/2"]);
        assert_eq!(trusting.recorded_below("en"), Vec::<String>::new());
    }
}
