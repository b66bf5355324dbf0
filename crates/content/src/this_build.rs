//! This tool's own build, for what a new build of it may make differently:
//! the pages it renders (`build/pages.rs`) and the sources it parses
//! (`source_cache.rs`).

use std::time::UNIX_EPOCH;

/// This tool's own build, as far as its file tells (size and time).
pub fn this_build() -> Vec<u8> {
    let file = std::env::current_exe().and_then(|exe| exe.metadata());
    let Ok(file) = file else {
        // Unknown: a key no other build has, so nothing made before is taken.
        return std::process::id().to_le_bytes().to_vec();
    };
    let modified = file
        .modified()
        .ok()
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |since| since.as_nanos());
    [file.len().to_le_bytes().as_slice(), &modified.to_le_bytes()].concat()
}
