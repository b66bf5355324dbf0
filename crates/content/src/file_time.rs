//! Files' modification times as the build's records keep them.

use std::fs::Metadata;
use std::time::UNIX_EPOCH;

/// A file's or folder's modification time in nanoseconds since the epoch;
/// 0 when the system does not tell it (never trusted then).
pub fn modified_ns(metadata: &Metadata) -> u64 {
    metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |since| u64::try_from(since.as_nanos()).unwrap_or(0))
}
