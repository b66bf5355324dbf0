//! The edition's authors as an import meets them: found in `network.toml`
//! by slug or name, else added to it under its edition behind a comment.

use std::collections::{BTreeMap, HashMap};

use brnn_model::format::Author;
use brnn_model::slug::Slug;

use crate::import::{slugify, stable_id, ImportedAuthor};
use crate::network::{EditionConfig, NetworkConfig};

/// The edition's authors as the import finds and adds them.
pub struct Authors {
    /// Per edition: every author, those of network.toml and those added.
    known: HashMap<Slug, Vec<Author>>,
    /// Those added by this import, with their edition.
    pub added: Vec<(Slug, Author)>,
}

impl Authors {
    /// The authors `network.toml` lists, none added yet.
    pub fn of(network: &NetworkConfig) -> Authors {
        Authors {
            known: network
                .editions
                .iter()
                .map(|config| (config.edition.id.clone(), config.authors.clone()))
                .collect(),
            added: Vec::new(),
        }
    }

    /// The slug of the edition's author `author` is: one of the same slug
    /// or name, else one added.
    pub fn slug_of(&mut self, config: &EditionConfig, author: &ImportedAuthor, origin: &str) -> Slug {
        let edition = &config.edition.id;
        let name = author.name.split_whitespace().collect::<Vec<_>>().join(" ");
        let wanted: Option<Slug> = author.slug.as_deref().and_then(|slug| slug.parse().ok());
        let known = self.known.entry(edition.clone()).or_default();
        if let Some(found) = known.iter().find(|known| Some(&known.slug) == wanted.as_ref()) {
            return found.slug.clone();
        }
        if let Some(found) = known
            .iter()
            .find(|known| known.name.to_lowercase() == name.to_lowercase())
        {
            return found.slug.clone();
        }
        let base = wanted.map(String::from).unwrap_or_else(|| slugify(&name));
        let base = if base.is_empty() {
            stable_id(&name).to_string()
        } else {
            base
        };
        let mut slug = base.clone();
        let mut number = 2;
        while known.iter().any(|known| known.slug.as_str() == slug) {
            slug = format!("{base}-{number}");
            number += 1;
        }
        let added = Author {
            slug: slug.parse().unwrap_or_else(|_| stable_id(&slug)),
            name: if name.is_empty() { origin.to_owned() } else { name },
            description: author.description.clone(),
        };
        known.push(added.clone());
        self.added.push((edition.clone(), added.clone()));
        added.slug
    }
}

/// `network.toml`'s text with `added` authors, each after the last line of
/// its edition (before the next `[[editions]]`), under a comment.
pub fn with_authors(text: &str, network: &NetworkConfig, added: &[(Slug, Author)]) -> String {
    let string = |text: &str| toml::Value::String(text.to_owned()).to_string();
    let lines: Vec<&str> = text.lines().collect();
    // Where each edition's table starts, in the file's order (the editions' order).
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.trim() == "[[editions]]")
        .map(|(index, _)| index)
        .collect();
    let mut insert_at: BTreeMap<usize, String> = BTreeMap::new();
    for (index, config) in network.editions.iter().enumerate() {
        let entries: Vec<&Author> = added
            .iter()
            .filter(|(edition, _)| *edition == config.edition.id)
            .map(|(_, author)| author)
            .collect();
        if entries.is_empty() {
            continue;
        }
        let mut end = starts.get(index + 1).copied().unwrap_or(lines.len());
        // Before the comments and blank lines that open the next edition.
        while end > 0 && (lines[end - 1].trim().is_empty() || lines[end - 1].trim_start().starts_with('#')) {
            end -= 1;
        }
        let mut block = String::from(
            "\n# Added by `cargo content import`: the importer met these authors; check the\n# names and add a `description`.\n",
        );
        for author in entries {
            block += &format!(
                "[[editions.authors]]\nslug = {}\nname = {}\n",
                string(author.slug.as_str()),
                string(&author.name)
            );
            if let Some(description) = &author.description {
                block += &format!("description = {}\n", string(description));
            }
        }
        insert_at.insert(end, block);
    }
    let mut out = String::with_capacity(text.len() + 256);
    for (index, line) in lines.iter().enumerate() {
        if let Some(block) = insert_at.get(&index) {
            out.push_str(block);
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
    }
    if let Some(block) = insert_at.get(&lines.len()) {
        out.push_str(block);
    }
    out
}
