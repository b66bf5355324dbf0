//! The leads of the library's articles, kept in a file of their own rather
//! than in memory: at a million articles they took some 250 MB, and a build
//! shows only those of the pages it renders. The file has no name
//! (`tempfile`), so nothing is left of it once the library goes, however
//! the tool ends.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::{Mutex, PoisonError};

/// Where a lead is in [`Leads`]: where it starts, and its length in the
/// lowest [`LENGTH_BITS`] bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeadAt(u64);

impl LeadAt {
    /// Where `lead` is when it starts at `start`; an error if it is too long to find.
    fn of(start: u64, lead: &str) -> io::Result<Self> {
        let length = u64::try_from(lead.len())
            .ok()
            .filter(|length| *length < 1 << LENGTH_BITS)
            .ok_or_else(|| io::Error::other(format!("a lead of {} bytes is too long", lead.len())))?;
        Ok(LeadAt(start << LENGTH_BITS | length))
    }
}

/// A lead is at most [`brnn_model::format::Article::LEAD_MAX_CHARS`] characters and an ellipsis.
const LENGTH_BITS: u32 = 16;

/// The leads as the library reads its sources, written one after another.
pub struct LeadsWriter {
    file: BufWriter<File>,
    length: u64,
}

impl LeadsWriter {
    /// Writes into a new file in `folder`.
    pub fn new(folder: &Path) -> io::Result<Self> {
        Ok(LeadsWriter {
            file: BufWriter::new(tempfile::tempfile_in(folder)?),
            length: 0,
        })
    }

    pub fn put(&mut self, lead: &str) -> io::Result<LeadAt> {
        let at = LeadAt::of(self.length, lead)?;
        self.file.write_all(lead.as_bytes())?;
        self.length += lead.len() as u64;
        Ok(at)
    }

    /// The leads written, to be read.
    pub fn finish(self) -> io::Result<Leads> {
        let file = self.file.into_inner().map_err(io::IntoInnerError::into_error)?;
        Ok(Leads(Mutex::new(file)))
    }
}

/// The leads written, read one at a time as lists are made.
#[derive(Debug)]
pub struct Leads(Mutex<File>);

impl Leads {
    pub fn get(&self, at: LeadAt) -> io::Result<String> {
        let start = at.0 >> LENGTH_BITS;
        let mut bytes = vec![0; (at.0 & ((1 << LENGTH_BITS) - 1)) as usize];
        // Each read says where it starts: one that failed leaves nothing to undo.
        let mut file = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut bytes)?;
        String::from_utf8(bytes).map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))
    }

    /// Puts `lead` after the others: an article a watching build publishes
    /// into the library it keeps (`library::update`).
    pub fn put(&self, lead: &str) -> io::Result<LeadAt> {
        let mut file = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let end = file.seek(SeekFrom::End(0))?;
        let at = LeadAt::of(end, lead)?;
        file.write_all(lead.as_bytes())?;
        Ok(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_lead_reads_back_as_it_was_put_and_none_is_too_long_to_find() {
        let folder = tempfile::TempDir::new().unwrap();
        let mut writer = LeadsWriter::new(folder.path()).unwrap();
        let leads = ["Erster Absatz …", "", "首段。", "Dernier."];
        let places: Vec<LeadAt> = leads.iter().map(|lead| writer.put(lead).unwrap()).collect();
        let too_long = "a".repeat(1 << LENGTH_BITS);
        assert!(writer.put(&too_long).is_err());
        let read = writer.finish().unwrap();
        for (lead, at) in leads.iter().zip(&places).rev() {
            assert_eq!(read.get(*at).unwrap(), *lead);
        }
        assert_eq!(
            std::fs::read_dir(folder.path()).unwrap().count(),
            0,
            "the file has no name"
        );
    }
}
