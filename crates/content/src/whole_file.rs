//! The tool's own records (the build's manifest, change list and folders,
//! the sources' cache, the up-to-date record), each written whole or not
//! at all.

use std::fs;
use std::io;
use std::path::Path;

/// Writes `bytes` to `path` whole or not at all: beside it first, then renamed.
pub fn write_whole(path: &Path, bytes: impl AsRef<[u8]>) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    fs::write(&partial, bytes)?;
    fs::rename(&partial, path)
}
