//! `build --watch`: when to build again. A change anywhere in the content
//! folder (a save, a new file, a rename, a removal), as the system tells
//! it, wakes the build once the saves have settled; a process watched for
//! (Trunk, whose hook started the build) ending stops it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the folder must be quiet before a build: an editor's save is
/// often a few changes (a temporary file written, then renamed over the source).
const SETTLE: Duration = Duration::from_millis(30);
/// How often the watched-for process is asked after.
const LOOK_AGAIN: Duration = Duration::from_secs(1);

/// The content folder's changes, from the moment it is made.
pub struct ContentWatch {
    /// Kept only to keep watching: dropping it stops the events.
    _watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
}

impl ContentWatch {
    pub fn of(content: &Path) -> notify::Result<Self> {
        let (sender, events) = mpsc::channel();
        // Reads are dropped as they come: a build reads every source while
        // nobody takes the events, and at a million articles the reads
        // waiting in the channel took some 700 MB.
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
            if is_change(&event) {
                // Fails only once the watch is dropped, when nobody listens.
                let _ = sender.send(event);
            }
        })?;
        watcher.watch(content, RecursiveMode::Recursive)?;
        Ok(ContentWatch {
            _watcher: watcher,
            events,
        })
    }

    /// Waits until something in the folder changed and then was quiet for
    /// a moment, and says what changed. `None` once the process
    /// `while_running` (when given) has ended, or the watch has.
    pub fn changed(&self, while_running: Option<u32>) -> Option<Changes> {
        let mut changes = Changes::Paths(BTreeSet::new());
        loop {
            match self.events.recv_timeout(LOOK_AGAIN) {
                Ok(event) => {
                    changes.add(event);
                    break;
                }
                Err(RecvTimeoutError::Timeout) => {
                    if while_running.is_some_and(|process| !running(process)) {
                        return None;
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        // Everything until the quiet moment is part of the same save.
        while let Ok(event) = self.events.recv_timeout(SETTLE) {
            changes.add(event);
        }
        Some(changes)
    }
}

/// What changed in the content folder, as the system told it.
#[derive(Debug, PartialEq, Eq)]
pub enum Changes {
    /// Something at each of these paths: made, written, renamed or removed.
    Paths(BTreeSet<PathBuf>),
    /// Events were lost, or the system could not tell where: anything may have.
    Unknown,
}

impl Changes {
    fn add(&mut self, event: notify::Result<Event>) {
        let Changes::Paths(paths) = self else {
            return;
        };
        match event {
            Ok(event) if !event.need_rescan() && !event.paths.is_empty() => paths.extend(event.paths),
            _ => *self = Changes::Unknown,
        }
    }
}

/// Whether an event may change what the build makes: not a mere read (the
/// build's own, of a changed source). An error (events lost, say) may hide
/// any change.
fn is_change(event: &notify::Result<Event>) -> bool {
    event
        .as_ref()
        .map_or(true, |event| !matches!(event.kind, EventKind::Access(_)))
}

/// Whether the process `id` still runs (a signal 0 to it is allowed, or refused for lack of rights).
#[cfg(unix)]
fn running(id: u32) -> bool {
    let Ok(id) = libc::pid_t::try_from(id) else {
        return false;
    };
    // SAFETY: signal 0 is never delivered; kill only checks that the process exists.
    let signalled = unsafe { libc::kill(id, 0) };
    signalled == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Elsewhere, not asked: the build watches until it is stopped.
#[cfg(not(unix))]
fn running(_id: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::thread;

    #[test]
    fn a_save_in_a_subfolder_wakes_it_and_reads_do_not() {
        let content = tempfile::TempDir::new().unwrap();
        let folder = content.path().join("de/2025");
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join("a.txt"), "a").unwrap();
        let watch = ContentWatch::of(content.path()).unwrap();
        fs::read(folder.join("a.txt")).unwrap();
        thread::sleep(Duration::from_millis(100));
        assert!(watch.events.try_recv().is_err(), "a read is not even kept");
        let saving = folder.clone();
        let save = thread::spawn(move || {
            thread::sleep(Duration::from_millis(200));
            fs::write(saving.join("a.txt.new"), "b").unwrap();
            fs::rename(saving.join("a.txt.new"), saving.join("a.txt")).unwrap();
        });
        let changes = watch.changed(None).unwrap();
        save.join().unwrap();
        let Changes::Paths(paths) = changes else {
            panic!("{changes:?}");
        };
        assert!(paths.contains(&folder.join("a.txt")), "{paths:?}");
        assert!(
            watch.events.try_recv().is_err(),
            "the save's events are all taken with it"
        );
        assert!(!is_change(&Ok(Event::new(EventKind::Access(
            notify::event::AccessKind::Any
        )))));
    }

    #[test]
    #[cfg(unix)]
    fn it_stops_once_the_process_it_watches_for_has_ended() {
        let content = tempfile::TempDir::new().unwrap();
        let watch = ContentWatch::of(content.path()).unwrap();
        let mut process = std::process::Command::new("true").spawn().unwrap();
        let id = process.id();
        process.wait().unwrap();
        assert_eq!(watch.changed(Some(id)), None);
        assert!(running(std::process::id()));
    }
}
