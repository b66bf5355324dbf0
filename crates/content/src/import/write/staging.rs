//! Files written under a temporary name beside their place
//! (`<name>.import-partial`), then renamed into place all at once: an import
//! that fails leaves the content folder as it was.

use std::fs;
use std::path::{Path, PathBuf};

use crate::problem::Problem;

use super::Outcome;

/// The suffix of a file written but not yet in place.
const PARTIAL_SUFFIX: &str = ".import-partial";

/// Files written under a temporary name beside their place, put in place
/// all at once.
#[derive(Default)]
pub struct Staging {
    /// Each file written, with the name it gets.
    staged: Vec<(PathBuf, PathBuf)>,
    /// Folders this import made, removed again if it fails.
    made_folders: Vec<PathBuf>,
}

impl Staging {
    /// Writes `bytes` beside `target` unless `target` holds them already.
    pub fn stage(&mut self, target: &Path, bytes: &[u8]) -> Result<Outcome, Problem> {
        let outcome = match fs::read(target) {
            Ok(existing) if existing == bytes => return Ok(Outcome::Unchanged),
            Ok(_) => Outcome::Updated,
            Err(_) => Outcome::New,
        };
        if let Some(folder) = target.parent() {
            let mut missing = Vec::new();
            let mut ancestor = Some(folder);
            while let Some(path) = ancestor.filter(|path| !path.as_os_str().is_empty() && !path.exists()) {
                missing.push(path.to_owned());
                ancestor = path.parent();
            }
            fs::create_dir_all(folder)
                .map_err(|error| Problem::in_file(folder, format!("cannot make the folder: {error}")))?;
            self.made_folders.extend(missing.into_iter().rev());
        }
        let mut partial = target.as_os_str().to_owned();
        partial.push(PARTIAL_SUFFIX);
        let partial = PathBuf::from(partial);
        if let Err(error) = fs::write(&partial, bytes) {
            let _ = fs::remove_file(&partial);
            return Err(Problem::in_file(target, format!("cannot write it: {error}")));
        }
        self.staged.push((partial, target.to_owned()));
        Ok(outcome)
    }

    /// Removes every staged file and the folders made for them.
    pub fn discard(&mut self) {
        for (partial, _) in self.staged.drain(..) {
            let _ = fs::remove_file(partial);
        }
        for folder in self.made_folders.drain(..).rev() {
            let _ = fs::remove_dir(folder);
        }
    }

    /// Renames every staged file into place. One that fails stops it: the
    /// files before it stay replaced (undoing them could fail the same
    /// way), the others are removed, and the problem names what was replaced.
    pub fn commit(&mut self) -> Result<(), Problem> {
        for done in 0..self.staged.len() {
            let (partial, target) = &self.staged[done];
            if let Err(error) = fs::rename(partial, target) {
                let failed = target.clone();
                let replaced: Vec<String> = self.staged[..done]
                    .iter()
                    .map(|(_, target)| target.display().to_string())
                    .collect();
                for (partial, _) in self.staged.drain(..).skip(done) {
                    let _ = fs::remove_file(partial);
                }
                let state = if replaced.is_empty() {
                    "nothing was replaced: the content folder is as it was".to_owned()
                } else {
                    format!("already in place: {}", replaced.join(", "))
                };
                return Err(Problem::in_file(
                    &failed,
                    format!("cannot put it in place ({error}); {state}"),
                ));
            }
        }
        self.staged.clear();
        self.made_folders.clear();
        Ok(())
    }
}
