//! Who made a photo and under which licence, in a file beside it: the
//! photo `photos/hafen.jpg` has `photos/hafen.jpg.toml`.
//!
//! ```toml
//! credit = "Marco Cogoni"          # who is named; optional only where the licence asks for no one
//! licence = "GPL-2.0-or-later"     # one of the identifiers of `Licence`
//! # where it came from, for the editors: a comment
//! ```
//!
//! The licence belongs to the photo, not to an article, so every article
//! that shows it credits it alike. The line a page shows is the credit and
//! the licence: `Marco Cogoni, GPL-2.0-or-later`.

use std::fs;
use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sidecar {
    credit: Option<String>,
    #[serde(alias = "license")]
    licence: String,
}

/// The licences a photo may have, by SPDX identifier (and `public-domain`),
/// and `unknown`, which an import writes when its source named none: the
/// page then says so beside the credit until an editor finds the licence.
const LICENCES: [(&str, &str, Attribution); 7] = [
    ("public-domain", "public domain", Attribution::Optional),
    ("CC0-1.0", "CC0", Attribution::Optional),
    ("CC-BY-4.0", "CC BY 4.0", Attribution::Required),
    ("CC-BY-SA-3.0", "CC BY-SA 3.0", Attribution::Required),
    ("CC-BY-SA-4.0", "CC BY-SA 4.0", Attribution::Required),
    ("GPL-2.0-or-later", "GPL-2.0-or-later", Attribution::Required),
    ("unknown", "licence unknown", Attribution::Required),
];

#[derive(Clone, Copy, PartialEq)]
enum Attribution {
    Optional,
    Required,
}

/// The credit line of the photo `file` (written `written` in sources), or
/// why it has none it may be shown with.
pub fn read(file: &Path, written: &str) -> Result<Option<String>, String> {
    let sidecar_name = format!("{written}.toml");
    let mut sidecar_file = file.as_os_str().to_owned();
    sidecar_file.push(".toml");
    let text = fs::read_to_string(&sidecar_file).map_err(|_| {
        format!(
            "the photo `{written}` has no `{sidecar_name}` beside it: write one with its `credit` and `licence` (e.g. `licence = \"CC-BY-SA-4.0\"`)"
        )
    })?;
    let sidecar: Sidecar =
        toml::from_str(&text).map_err(|error| format!("`{sidecar_name}`: {}", error.message().trim()))?;
    let Some((_, label, attribution)) = LICENCES.iter().find(|(id, ..)| *id == sidecar.licence) else {
        let known: Vec<&str> = LICENCES.iter().map(|(id, ..)| *id).collect();
        return Err(format!(
            "`{sidecar_name}`: the licence `{}` is unknown: it is one of {}",
            sidecar.licence,
            known.join(", ")
        ));
    };
    let credit = sidecar
        .credit
        .map(|credit| credit.trim().to_owned())
        .filter(|credit| !credit.is_empty());
    match (credit, attribution) {
        (Some(credit), _) => Ok(Some(format!("{credit}, {label}"))),
        (None, Attribution::Required) => Err(format!(
            "`{sidecar_name}`: {label} requires the author to be named: add `credit = \"…\"`"
        )),
        (None, Attribution::Optional) => Ok(Some(label.to_string())),
    }
}
