//! The photos' renditions, copied from the image cache into the endpoint's
//! `media/` folder. Like every file of the build, one is written only when
//! its bytes change, and one no article shows any more is removed.

use std::fs;
use std::io;

use super::{Output, ENDPOINT_FOLDER};
use crate::images::Prepared;

pub fn write(media: &Prepared, output: &mut Output) -> io::Result<()> {
    for (name, cached) in &media.files {
        let bytes = fs::read(cached)?;
        output.write(&format!("{ENDPOINT_FOLDER}/{name}"), &bytes)?;
    }
    Ok(())
}
