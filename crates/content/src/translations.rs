//! Translations named in sources (`translations = { en = "sample-logistics" }`),
//! checked across editions and resolved into what an article's page carries.
//!
//! A translation must point at an article of another edition of the
//! network, and that article must name this one back. Every version of an
//! article must name the same versions: pages then give every member of
//! the group the same `hreflang` alternates, reciprocal as search engines
//! require.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use brnn_model::format::{Edition, Translation};
use brnn_model::slug::Slug;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::article_card::ArticleCard;
use crate::article_source::ParsedSource;
use crate::problem::Problem;
use crate::source_ids::SourceIds;

/// What one source says about its translations, and where.
struct Claim {
    file: PathBuf,
    /// Edition id → the article id there, and the line that says so.
    translations: BTreeMap<Slug, (Slug, usize)>,
}

/// The translations of every edition's sources, gathered while they are
/// read; editions are added in the network's order.
#[derive(Default)]
pub(crate) struct Claims {
    /// Per edition: article id → what its source names.
    by_edition: Vec<BTreeMap<Slug, Claim>>,
}

/// Per edition, in the network's order: the articles read that some
/// source names as its translation, by id.
type Named<'a> = Vec<FxHashMap<&'a Slug, &'a ArticleCard>>;

impl Claims {
    /// Starts the next edition.
    pub(crate) fn add_edition(&mut self) {
        self.by_edition.push(BTreeMap::new());
    }

    /// Keeps what `parsed`, a source of the edition added last, names.
    pub(crate) fn add(&mut self, file: &Path, parsed: &ParsedSource) {
        let source = &parsed.source;
        if source.translations.is_empty() {
            return;
        }
        let translations = source
            .translations
            .iter()
            .map(|(edition, id)| {
                let line = parsed.translation_lines.get(edition).copied().unwrap_or(1);
                (edition.clone(), (id.clone(), line))
            })
            .collect();
        if let Some(edition) = self.by_edition.last_mut() {
            edition.insert(
                source.article.id.clone(),
                Claim {
                    file: file.to_owned(),
                    translations,
                },
            );
        }
    }

    /// The articles of `editions` that some source names, found in one
    /// look through the editions named: without translations, none (an
    /// index of every article, made by `check` and again by `resolve`, held
    /// a million entries at a million articles).
    fn named<'a>(&'a self, editions: &'a [(Edition, Vec<ArticleCard>)]) -> Named<'a> {
        let mut wanted: Vec<FxHashSet<&Slug>> = vec![FxHashSet::default(); editions.len()];
        for claim in self.by_edition.iter().flat_map(BTreeMap::values) {
            for (edition, (target, _)) in &claim.translations {
                if let Some(other) = position(editions, edition) {
                    wanted[other].insert(target);
                }
            }
        }
        editions
            .iter()
            .zip(wanted)
            .map(|((_, articles), wanted)| match wanted.is_empty() {
                true => FxHashMap::default(),
                false => articles
                    .iter()
                    .filter(|article| wanted.contains(&article.id))
                    .map(|article| (&article.id, article))
                    .collect(),
            })
            .collect()
    }

    /// Every translation that points nowhere (to none of the sources of
    /// `ids`), at its own edition, at an article that does not point back,
    /// or at a group that differs; `editions` are the network's, in its
    /// order, with the articles read.
    pub(crate) fn check(&self, editions: &[(Edition, Vec<ArticleCard>)], ids: &SourceIds) -> Vec<Problem> {
        let known = editions
            .iter()
            .map(|(edition, _)| format!("`{}`", edition.id))
            .collect::<Vec<_>>()
            .join(", ");
        let read = self.named(editions);
        let mut problems = Vec::new();
        // A group's difference is found from each member that names it; say it once.
        let mut differences_told: HashSet<(usize, &Slug, &Slug)> = HashSet::new();
        for (own, claims) in self.by_edition.iter().enumerate() {
            let own_edition = &editions[own].0.id;
            for (id, claim) in claims {
                for (edition, (target, line)) in &claim.translations {
                    let problem =
                        |message: String| Problem::at(&claim.file, *line, format!("translations: {message}"));
                    let Some(other) = position(editions, edition) else {
                        problems.push(problem(format!(
                            "network.toml has no edition `{edition}`; it has {known}"
                        )));
                        continue;
                    };
                    if other == own {
                        problems.push(problem(format!(
                            "`{edition}` is this article's own edition; name its versions in other editions"
                        )));
                        continue;
                    }
                    if !read[other].contains_key(target) {
                        if !ids.contains(edition, target.as_str()) {
                            problems.push(problem(format!("edition `{edition}` has no article `{target}`")));
                        }
                        // Else its source has problems of its own, reported with it.
                        continue;
                    }
                    let back = self.by_edition[other]
                        .get(target)
                        .and_then(|theirs| Some((theirs, theirs.translations.get(own_edition)?)));
                    let (theirs, back_line) = match back {
                        Some((theirs, (named, back_line))) if named == id => (theirs, *back_line),
                        Some((_, (named, _))) => {
                            problems.push(problem(format!(
                                "`{edition}/{target}` names `{own_edition}/{named}` as its `{own_edition}` version, not this article"
                            )));
                            continue;
                        }
                        None => {
                            problems.push(problem(format!(
                                "`{edition}/{target}` does not name this article back; add `{own_edition} = \"{id}\"` to its translations"
                            )));
                            continue;
                        }
                    };
                    // Both name each other: the target must name every other version this one names.
                    for (third, (expected, _)) in &claim.translations {
                        if third == edition || third == own_edition || position(editions, third).is_none() {
                            continue;
                        }
                        let named = theirs.translations.get(third).map(|(named, _)| named);
                        if named == Some(expected) || !differences_told.insert((other, target, third)) {
                            continue;
                        }
                        let message = match named {
                            Some(named) => format!(
                                "translations: names `{third}/{named}`, but its `{own_edition}` version `{own_edition}/{id}` names `{third}/{expected}`; every version must name the same articles"
                            ),
                            None => format!(
                                "translations: its `{own_edition}` version `{own_edition}/{id}` also names `{third}/{expected}`; name it here too (`{third} = \"{expected}\"`), so that every version names the same articles"
                            ),
                        };
                        problems.push(Problem::at(&theirs.file, back_line, message));
                    }
                }
            }
        }
        problems
    }

    /// Each edition's translations as its article pages carry them, by
    /// article id, in the network's order of editions. Call it on what
    /// [`Claims::check`] found no problem in.
    pub(crate) fn resolve(
        &self,
        editions: &[(Edition, Vec<ArticleCard>)],
    ) -> Vec<HashMap<Slug, Vec<Translation>>> {
        let articles = self.named(editions);
        self.by_edition
            .iter()
            .map(|claims| {
                claims
                    .iter()
                    .map(|(id, claim)| {
                        let mut translations: Vec<(usize, Translation)> = claim
                            .translations
                            .iter()
                            .filter_map(|(edition, (target, _))| {
                                let other = position(editions, edition)?;
                                let article = articles[other].get(target)?;
                                Some((
                                    other,
                                    Translation {
                                        edition: edition.clone(),
                                        lang: editions[other].0.lang.clone(),
                                        id: target.clone(),
                                        headline: article.headline.to_string(),
                                    },
                                ))
                            })
                            .collect();
                        translations.sort_by_key(|(other, _)| *other);
                        (id.clone(), translations.into_iter().map(|(_, t)| t).collect())
                    })
                    .collect()
            })
            .collect()
    }
}

/// Where the edition `id` stands in the network.
fn position(editions: &[(Edition, Vec<ArticleCard>)], id: &Slug) -> Option<usize> {
    editions.iter().position(|(edition, _)| edition.id == *id)
}
