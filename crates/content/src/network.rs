//! `content/network.toml`: the network, its editions and their section trees.

use std::path::Path;

use brnn_model::format::{Edition, Network, Section, FORMAT_VERSION};
use brnn_model::slug::{SectionPath, Slug};
use serde::Deserialize;

use crate::problem::{line_of, Problem};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworkFile {
    network: Network,
    editions: Vec<EditionEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionEntry {
    id: Slug,
    lang: String,
    name: String,
    page_size: u32,
    sections: Vec<SectionEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionEntry {
    path: SectionPath,
    name: String,
}

/// Reads the network description into one [`Edition`] document per edition.
pub fn parse(file: &Path, text: &str) -> Result<Vec<Edition>, Vec<Problem>> {
    let parsed: NetworkFile = toml::from_str(text).map_err(|error| {
        let line = error.span().map_or(1, |span| line_of(text, span.start));
        vec![Problem::at(file, line, error.message().trim())]
    })?;
    let mut problems = Vec::new();
    let editions = parsed
        .editions
        .into_iter()
        .map(|entry| {
            let mut sections = Vec::new();
            for section in entry.sections {
                if let Err(message) = insert(&mut sections, &section) {
                    problems.push(Problem::in_file(
                        file,
                        format!("edition `{}`: {message}", entry.id),
                    ));
                }
            }
            if entry.page_size == 0 {
                problems.push(Problem::in_file(
                    file,
                    format!("edition `{}`: page_size must be at least 1", entry.id),
                ));
            }
            Edition {
                format: FORMAT_VERSION,
                network: parsed.network.clone(),
                id: entry.id,
                lang: entry.lang,
                name: entry.name,
                page_size: entry.page_size,
                sections,
            }
        })
        .collect();
    if problems.is_empty() {
        Ok(editions)
    } else {
        Err(problems)
    }
}

/// Adds `entry` below its parent, which must already be in `tree`.
fn insert(tree: &mut Vec<Section>, entry: &SectionEntry) -> Result<(), String> {
    let (slug, parents) = entry
        .path
        .slugs()
        .split_last()
        .expect("a section path has a slug");
    let mut level = tree;
    for parent in parents {
        level = &mut level
            .iter_mut()
            .find(|section| &section.slug == parent)
            .ok_or_else(|| format!("section `{}` is listed before its parent `{parent}`", entry.path))?
            .sections;
    }
    if level.iter().any(|section| &section.slug == slug) {
        return Err(format!("section `{}` is listed twice", entry.path));
    }
    level.push(Section {
        slug: slug.clone(),
        name: entry.name.clone(),
        sections: Vec::new(),
    });
    Ok(())
}
