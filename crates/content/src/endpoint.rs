//! Writes the static endpoint: the JSON documents of `brnn_model::format`.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use brnn_model::format::{
    paths, ArticleLink, ArticlePage, ArticleSummary, ListPage, Section, FORMAT_VERSION,
};
use brnn_model::paging::Paging;
use brnn_model::slug::SectionPath;
use brnn_model::sorting::newest_first;
use serde::Serialize;

use crate::library::EditionContent;

/// What a build did, for the line the tool prints.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct BuildReport {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// Writes every document of every edition below `out`. Files whose bytes
/// would not change are left alone, and JSON files below an edition's
/// folder that the content no longer produces are removed.
pub fn build(contents: &[EditionContent], out: &Path) -> io::Result<BuildReport> {
    let mut writer = Writer {
        out,
        report: BuildReport::default(),
        written: HashSet::new(),
    };
    for content in contents {
        let edition = &content.edition;
        writer.write(&paths::edition(&edition.id), edition)?;

        let mut summaries: Vec<ArticleSummary> = content.articles.iter().map(|a| a.summary()).collect();
        summaries.sort_by(newest_first);
        let page_size = edition.page_size as usize;
        writer.write_list(
            |page| paths::list_page(&edition.id, None, page),
            &summaries,
            page_size,
        )?;
        for section in section_paths(&edition.sections) {
            let in_section: Vec<ArticleSummary> = summaries
                .iter()
                .filter(|s| s.section.is_within(&section))
                .cloned()
                .collect();
            writer.write_list(
                |page| paths::list_page(&edition.id, Some(&section), page),
                &in_section,
                page_size,
            )?;
        }

        let neighbours = neighbours_in_section(&summaries);
        for article in &content.articles {
            let (newer, older) = neighbours.get(article.id.as_str()).cloned().unwrap_or_default();
            let page = ArticlePage {
                format: FORMAT_VERSION,
                article: article.clone(),
                newer,
                older,
            };
            writer.write(&paths::article(&edition.id, &article.id), &page)?;
        }
        writer.remove_stale(&out.join(edition.id.as_str()))?;
    }
    Ok(writer.report)
}

/// Every section's path, parents before children.
fn section_paths(sections: &[Section]) -> Vec<SectionPath> {
    fn walk(sections: &[Section], prefix: &str, out: &mut Vec<SectionPath>) {
        for section in sections {
            let path = format!("{prefix}{}", section.slug);
            out.push(SectionPath::try_from(path.as_str()).expect("slugs joined by `/` are a section path"));
            walk(&section.sections, &format!("{path}/"), out);
        }
    }
    let mut out = Vec::new();
    walk(sections, "", &mut out);
    out
}

type Neighbours = (Option<ArticleLink>, Option<ArticleLink>);

/// For each article id, the next newer and next older article of its own section.
fn neighbours_in_section(sorted: &[ArticleSummary]) -> HashMap<&str, Neighbours> {
    let mut by_section: HashMap<&SectionPath, Vec<&ArticleSummary>> = HashMap::new();
    for summary in sorted {
        by_section.entry(&summary.section).or_default().push(summary);
    }
    let link = |summary: &ArticleSummary| ArticleLink {
        id: summary.id.clone(),
        headline: summary.headline.clone(),
    };
    let mut neighbours = HashMap::new();
    for list in by_section.values() {
        for (index, summary) in list.iter().enumerate() {
            let newer = index.checked_sub(1).map(|i| link(list[i]));
            let older = list.get(index + 1).map(|s| link(s));
            neighbours.insert(summary.id.as_str(), (newer, older));
        }
    }
    neighbours
}

struct Writer<'a> {
    out: &'a Path,
    report: BuildReport,
    written: HashSet<PathBuf>,
}

impl Writer<'_> {
    fn write_list(
        &mut self,
        path_of_page: impl Fn(u32) -> String,
        sorted: &[ArticleSummary],
        page_size: usize,
    ) -> io::Result<()> {
        let paging = Paging::new(sorted.len(), page_size);
        for page in 1..=paging.pages() {
            let items = paging.items_on(page).expect("pages counted by the same paging");
            let document = ListPage {
                format: FORMAT_VERSION,
                page: page as u32,
                pages: paging.pages() as u32,
                total: sorted.len() as u32,
                articles: sorted[items].to_vec(),
            };
            self.write(&path_of_page(page as u32), &document)?;
        }
        Ok(())
    }

    fn write(&mut self, relative: &str, document: &impl Serialize) -> io::Result<()> {
        let path = self.out.join(relative);
        let bytes = serde_json::to_vec(document).map_err(io::Error::other)?;
        if fs::read(&path).is_ok_and(|existing| existing == bytes) {
            self.report.unchanged += 1;
        } else {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, bytes)?;
            self.report.written += 1;
        }
        self.written.insert(path);
        Ok(())
    }

    fn remove_stale(&mut self, folder: &Path) -> io::Result<()> {
        let Ok(entries) = fs::read_dir(folder) else {
            return Ok(());
        };
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                self.remove_stale(&path)?;
            } else if path.extension().is_some_and(|ext| ext == "json") && !self.written.contains(&path) {
                fs::remove_file(&path)?;
                self.report.removed += 1;
            }
        }
        Ok(())
    }
}
