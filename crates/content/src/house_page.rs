//! A page of the house (about the newsroom, its imprint, privacy, contact):
//! `content/<edition>/pages/<slug>.txt`, in the frame of an article source
//! (`article_source`), a TOML header between `+++` lines and a body in the
//! same CommonMark (`markdown`), photos and links to articles included:
//!
//! ```text
//! +++
//! title = "Impressum"
//! role = "imprint"                    # optional: "about", "imprint", "privacy" or "contact"
//! updated = 2025-11-01T09:00:00+08:00 # optional: when it last changed
//! +++
//!
//! Angaben gemäß § 5 DDG …
//! ```
//!
//! The slug (the page's address, `/de/info/impressum`) is the file name.
//! The role says what the page is, whatever its slug in the edition's
//! language: the footer lists pages with a role first, in the order of
//! [`Role`], and `check` warns when a German edition has no imprint.

use std::path::Path;

use brnn_model::body::ArticleRef;
use brnn_model::format::{Edition, HousePage, FORMAT_VERSION};
use serde::Deserialize;
use toml::Spanned;

use crate::article_source::{read_body, read_header, slug_of, split, Fields};
use crate::markdown::ParsedBody;
use crate::problem::Problem;

/// The folder of an edition's content folder that holds its pages of the house.
pub const PAGES_FOLDER: &str = "pages";

/// What a page of the house is, in the order the footer lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    About,
    Contact,
    Privacy,
    /// The legal notice: who publishes and who is responsible (in Germany
    /// the Impressum, § 5 DDG and § 18 MStV).
    Imprint,
}

impl Role {
    const ALL: [Role; 4] = [Role::About, Role::Contact, Role::Privacy, Role::Imprint];

    /// As a source writes it: `role = "imprint"`.
    pub fn name(self) -> &'static str {
        match self {
            Role::About => "about",
            Role::Contact => "contact",
            Role::Privacy => "privacy",
            Role::Imprint => "imprint",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    title: Option<Spanned<String>>,
    role: Option<Spanned<String>>,
    updated: Option<Spanned<toml::Value>>,
}

/// A page of the house as its source holds it, and what the library checks
/// across files: its role (with its line), the articles it links to and the
/// photos it shows (each with its line; the figures hold them as written
/// until the library reads them).
pub struct ParsedHousePage {
    pub page: HousePage,
    pub role: Option<(Role, usize)>,
    pub article_links: Vec<(ArticleRef, usize)>,
    pub photos: Vec<(String, usize)>,
}

/// Parses and checks one page of the house; every problem found is reported.
pub fn parse(file: &Path, text: &str) -> Result<ParsedHousePage, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let slug = slug_of(file, "the page's slug").map_err(|problem| vec![problem])?;
    let parts = split(file, text).map_err(|problem| vec![problem])?;
    let header: Header = read_header(file, parts.header).map_err(|problem| vec![problem])?;
    let mut fields = Fields::new(file, parts.header);

    let title = match &header.title {
        None => {
            fields.missing("title", "\"Impressum\"");
            None
        }
        Some(title) if title.get_ref().trim().is_empty() => {
            fields.report(title.span(), "the title is empty");
            None
        }
        Some(title) => Some(title.get_ref().trim().to_owned()),
    };
    let role = header.role.as_ref().and_then(|role| {
        let written = role.get_ref().trim();
        let found = Role::ALL.into_iter().find(|known| known.name() == written);
        if found.is_none() {
            let names: Vec<String> = Role::ALL
                .iter()
                .map(|role| format!("`{}`", role.name()))
                .collect();
            fields.report(
                role.span(),
                format!(
                    "role: `{written}` is no role of a page; write one of {}, or remove the line",
                    names.join(", ")
                ),
            );
        }
        found.map(|found| (found, fields.line(role.span())))
    });
    let updated = header
        .updated
        .as_ref()
        .and_then(|updated| fields.timestamp("updated", updated));

    let ParsedBody {
        blocks,
        article_links,
        photos,
    } = read_body(
        file,
        &parts,
        "the body is empty: write the page's text below the header",
        &mut fields.problems,
    );
    match title {
        Some(title) if fields.problems.is_empty() => Ok(ParsedHousePage {
            page: HousePage {
                format: FORMAT_VERSION,
                slug,
                title,
                body: blocks,
                updated,
            },
            role,
            article_links,
            photos,
        }),
        _ => Err(fields.problems),
    }
}

/// The warning for `edition`, whose pages of the house in `folder` have
/// `roles`, when it must have an imprint and has none.
pub fn missing_imprint(
    edition: &Edition,
    folder: &Path,
    mut roles: impl Iterator<Item = Option<Role>>,
) -> Option<Problem> {
    if !imprint_required(&edition.lang) || roles.any(|role| role == Some(Role::Imprint)) {
        return None;
    }
    Some(Problem::in_file(
        folder,
        format!(
            "warning: edition `{}` has no page with `role = \"{}\"`: a German news site must name who publishes it and who is responsible (Impressum, § 5 DDG, § 18 MStV); add one, e.g. {}",
            edition.id,
            Role::Imprint.name(),
            folder.join("impressum.txt").display()
        ),
    ))
}

/// Whether an edition of language `lang` (BCP 47) must have an imprint:
/// German news sites must name who publishes them (§ 5 DDG, § 18 MStV).
fn imprint_required(lang: &str) -> bool {
    lang.split('-')
        .next()
        .is_some_and(|primary| primary.eq_ignore_ascii_case("de"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use brnn_model::body::{Block, Inline};
    use brnn_model::date::Published;

    fn messages(text: &str) -> Vec<String> {
        parse(Path::new("de/pages/impressum.txt"), text)
            .err()
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_page_reads_with_its_title_role_update_and_body_as_blocks() {
        let text =
            "+++\ntitle = \"Impressum\"\nrole = \"imprint\"\nupdated = 2025-11-01T09:00:00+08:00\n+++\n\n\
                    ## Anbieter\n\nBeispiel GmbH, [Kontakt](mailto:redaktion@example.org)\n";
        let parsed = parse(Path::new("de/pages/impressum.txt"), text).ok().unwrap();
        assert_eq!(parsed.page.slug.as_str(), "impressum");
        assert_eq!(parsed.page.title, "Impressum");
        assert_eq!(parsed.role, Some((Role::Imprint, 3)));
        assert_eq!(
            parsed.page.updated,
            Some(Published::parse("2025-11-01T09:00:00+08:00").unwrap())
        );
        assert_eq!(parsed.page.body.len(), 2);
        assert!(matches!(parsed.page.body[0], Block::Heading { .. }));
        let json = serde_json::to_value(&parsed.page).unwrap();
        assert_eq!(
            json["body"][1]["content"][0],
            serde_json::json!("Beispiel GmbH, "),
            "a plain page is blocks too"
        );

        let plain = parse(
            Path::new("en/pages/about.txt"),
            "+++\ntitle = \"About\"\n+++\n\nWho we are.\n",
        )
        .ok()
        .unwrap();
        assert_eq!(plain.role, None);
        assert_eq!(
            plain.page.body,
            [Block::Paragraph {
                content: vec![Inline::Text("Who we are.".into())]
            }]
        );
    }

    #[test]
    fn a_missing_title_an_unknown_role_a_bad_date_and_an_empty_body_are_reported_on_their_lines() {
        let found = messages("+++\nrole = \"impressum\"\nupdated = \"gestern\"\n+++\n\n");
        assert_eq!(found.len(), 4, "{found:#?}");
        assert_eq!(
            found[0],
            "de/pages/impressum.txt:1: the header has no `title`: add a line like `title = \"Impressum\"`"
        );
        assert_eq!(
            found[1],
            "de/pages/impressum.txt:2: role: `impressum` is no role of a page; write one of `about`, `contact`, `privacy`, `imprint`, or remove the line"
        );
        assert!(found[2].starts_with("de/pages/impressum.txt:3: updated: `gestern` is not a timestamp"));
        assert!(found[3].starts_with("de/pages/impressum.txt:5: the body is empty"));
        assert!(
            messages("+++\ntitle = \"x\"\nheadline = \"y\"\n+++\n\nText.\n")[0]
                .starts_with("de/pages/impressum.txt:3: unknown field `headline`")
        );
        assert!(messages("+++\ntitle = \"x\"\n+++\n\n<b>fett</b>\n")[0].contains("raw HTML"));
    }

    #[test]
    fn only_german_editions_must_have_an_imprint() {
        assert!(imprint_required("de") && imprint_required("de-AT") && imprint_required("DE-ch"));
        assert!(!imprint_required("en") && !imprint_required("zh-Hans") && !imprint_required("dea"));
    }
}
