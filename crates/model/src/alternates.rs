//! A page's versions in the network's other languages: the links of a
//! language switcher, and the `hreflang` alternates of a page's head and of
//! the sitemaps.
//!
//! Alternates must be reciprocal: every page of a group names every other
//! one, and all name the same `x-default`. So the group's order comes from
//! what every member shares, the network's order of editions
//! ([`Edition::editions`], as `network.toml` lists them), never from the
//! member asking. `x-default`, the page for readers whose language no
//! member serves, is the member in the earliest edition of that order: the
//! network's default edition (its first, German) whenever the group has a
//! member there. The content tool's `check` makes sure that every member of
//! a group names the same translations, so each computes the same group.

use crate::format::{Edition, Translation};
use crate::locale::Locale;
use crate::site::Site;
use crate::slug::Slug;

/// `hreflang`'s value for the page that serves every other language.
pub const X_DEFAULT: &str = "x-default";

/// One `<link rel="alternate" hreflang="…" href="…">`, or a sitemap's `xhtml:link`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternate {
    /// A BCP 47 tag, or [`X_DEFAULT`].
    pub hreflang: String,
    /// A path of the site ([`Site`]); absolute URLs add the origin.
    pub href: String,
}

/// One language version of a page, as a language switcher links it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageLink {
    /// BCP 47 tag: the link's `hreflang`, and the `lang` of its label.
    pub lang: String,
    /// The language's name in itself: `Deutsch`, `English`, `中文`, `العربية`.
    pub label: String,
    /// A path of the site.
    pub href: String,
    /// Whether this is the page being shown (`aria-current="page"`, no link needed).
    pub current: bool,
}

impl Site {
    /// The front page of every edition of the network, in the network's
    /// order, for the language switcher of `edition`'s pages; `current`
    /// marks `edition`'s own. Empty for a document that lists no editions.
    pub fn edition_links(&self, edition: &Edition) -> Vec<LanguageLink> {
        edition
            .editions
            .iter()
            .map(|link| LanguageLink {
                lang: link.lang.clone(),
                label: Locale::name_of_language(&link.lang, &link.name).to_owned(),
                href: self.listing(&link.id, None),
                current: link.id == edition.id,
            })
            .collect()
    }

    /// The article `article` of `edition` in every language it has, itself
    /// included (`current`), in the network's order of editions. Empty for
    /// an article without translations: a switcher of one language says nothing.
    pub fn translation_links(
        &self,
        edition: &Edition,
        article: &Slug,
        translations: &[Translation],
    ) -> Vec<LanguageLink> {
        if translations.is_empty() {
            return Vec::new();
        }
        let version = |id: &Slug| {
            if *id == edition.id {
                return Some((edition.lang.as_str(), article, true));
            }
            translations
                .iter()
                .find(|translation| translation.edition == *id)
                .map(|translation| (translation.lang.as_str(), &translation.id, false))
        };
        // The network's order; editions it does not list (older or
        // hand-made documents) after it, as they come. (No sort: the wasm
        // would carry one for this alone.)
        let listed = |id: &Slug| edition.editions.iter().any(|link| link.id == *id);
        let mut unlisted: Vec<&Slug> = std::iter::once(&edition.id)
            .chain(translations.iter().map(|translation| &translation.edition))
            .filter(|id| !listed(id))
            .collect();
        unlisted.dedup();
        let order = edition.editions.iter().map(|link| &link.id).chain(unlisted);
        order
            .filter_map(|id| version(id).map(|(lang, article, current)| (id, lang, article, current)))
            .map(|(id, lang, article, current)| LanguageLink {
                lang: lang.to_owned(),
                label: language_label(edition, id, lang),
                href: self.article(id, article),
                current,
            })
            .collect()
    }

    /// The `hreflang` alternates of an article page: each translation and
    /// the article itself, then `x-default` (see the module's
    /// documentation). Empty for an article without translations.
    pub fn article_alternates(
        &self,
        edition: &Edition,
        article: &Slug,
        translations: &[Translation],
    ) -> Vec<Alternate> {
        alternates(self.translation_links(edition, article, translations))
    }

    /// The `hreflang` alternates of an edition's front page: every
    /// edition's front page, then `x-default`, the default edition's. Empty
    /// for a network of one edition.
    pub fn front_page_alternates(&self, edition: &Edition) -> Vec<Alternate> {
        let links = self.edition_links(edition);
        if links.len() < 2 {
            return Vec::new();
        }
        alternates(links)
    }
}

/// Each link as an alternate, then the first as `x-default`; `links` are in the network's order.
fn alternates(links: Vec<LanguageLink>) -> Vec<Alternate> {
    let x_default = links.first().map(|first| Alternate {
        hreflang: X_DEFAULT.to_owned(),
        href: first.href.clone(),
    });
    links
        .into_iter()
        .map(|link| Alternate {
            hreflang: link.lang,
            href: link.href,
        })
        .chain(x_default)
        .collect()
}

/// The language name a switcher shows for the edition `id` in `lang`.
fn language_label(edition: &Edition, id: &Slug, lang: &str) -> String {
    match edition.editions.iter().find(|link| link.id == *id) {
        Some(link) => Locale::name_of_language(&link.lang, &link.name),
        None => Locale::name_of_language(lang, lang),
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::EditionLink;

    fn slug(text: &str) -> Slug {
        text.parse().unwrap()
    }

    /// Edition `id` of a network of de, en, zh and ar, in that order.
    fn edition(id: &str) -> Edition {
        let mut edition: Edition = serde_json::from_str(
            r#"{"format":1,"network":{"short_name":"BRNN","name":"N"},"id":"de","lang":"de","name":"E",
                "page_size":10,"sections":[]}"#,
        )
        .unwrap();
        edition.editions = [("de", "de"), ("en", "en"), ("zh", "zh-Hans"), ("ar", "ar")]
            .map(|(id, lang)| EditionLink {
                id: slug(id),
                lang: lang.to_owned(),
                name: format!("Edition {id}"),
            })
            .to_vec();
        let own = edition
            .editions
            .iter()
            .find(|link| link.id.as_str() == id)
            .unwrap()
            .clone();
        edition.id = own.id;
        edition.lang = own.lang;
        edition
    }

    fn translation(edition: &str, lang: &str, id: &str) -> Translation {
        Translation {
            edition: slug(edition),
            lang: lang.to_owned(),
            id: slug(id),
            headline: format!("{id} headline"),
        }
    }

    fn pairs(alternates: &[Alternate]) -> Vec<(String, String)> {
        let mut pairs: Vec<_> = alternates
            .iter()
            .map(|alternate| (alternate.hreflang.clone(), alternate.href.clone()))
            .collect();
        pairs.sort();
        pairs
    }

    #[test]
    fn an_article_names_itself_each_translation_and_the_default_editions_as_x_default() {
        let site = Site::new("/");
        let alternates = site.article_alternates(
            &edition("zh"),
            &slug("shili-wuliu"),
            &[
                translation("ar", "ar", "mithal-lujistiyat"),
                translation("de", "de", "beispiel-logistik"),
            ],
        );
        let written: Vec<(&str, &str)> = alternates
            .iter()
            .map(|alternate| (alternate.hreflang.as_str(), alternate.href.as_str()))
            .collect();
        assert_eq!(
            written,
            [
                ("de", "/de/article/beispiel-logistik"),
                ("zh-Hans", "/zh/article/shili-wuliu"),
                ("ar", "/ar/article/mithal-lujistiyat"),
                ("x-default", "/de/article/beispiel-logistik"),
            ]
        );
    }

    #[test]
    fn every_member_of_a_group_names_the_same_alternates() {
        let site = Site::new("/news/");
        let group = [
            translation("en", "en", "sample-launch"),
            translation("zh", "zh-Hans", "shili-qidong"),
            translation("ar", "ar", "mithal-itlaq"),
        ];
        let from = |member: &Translation| {
            let others: Vec<Translation> = group.iter().filter(|t| *t != member).cloned().collect();
            pairs(&site.article_alternates(&edition(member.edition.as_str()), &member.id, &others))
        };
        let seen_from_english = from(&group[0]);
        assert_eq!(from(&group[1]), seen_from_english);
        assert_eq!(from(&group[2]), seen_from_english);
        // No German member: x-default is the member of the next edition in the network, English.
        assert!(seen_from_english.contains(&(
            "x-default".to_owned(),
            "/news/en/article/sample-launch".to_owned()
        )));
        assert_eq!(seen_from_english.len(), 4);
    }

    #[test]
    fn an_article_without_translations_has_no_alternates_and_no_switcher() {
        let site = Site::new("/");
        assert_eq!(site.article_alternates(&edition("de"), &slug("a1"), &[]), []);
        assert_eq!(site.translation_links(&edition("de"), &slug("a1"), &[]), []);
    }

    #[test]
    fn a_translation_switcher_labels_each_language_in_itself_and_marks_the_current_one() {
        let site = Site::new("/");
        let links = site.translation_links(
            &edition("ar"),
            &slug("mithal-lujistiyat"),
            &[translation("en", "en", "sample-logistics")],
        );
        let shown: Vec<(&str, &str, bool)> = links
            .iter()
            .map(|link| (link.label.as_str(), link.href.as_str(), link.current))
            .collect();
        assert_eq!(
            shown,
            [
                ("English", "/en/article/sample-logistics", false),
                ("العربية", "/ar/article/mithal-lujistiyat", true),
            ]
        );
        assert_eq!(links[1].lang, "ar");
    }

    #[test]
    fn the_edition_switcher_lists_every_front_page_in_network_order() {
        let site = Site::new("/");
        let links = site.edition_links(&edition("en"));
        let shown: Vec<(&str, &str, &str, bool)> = links
            .iter()
            .map(|link| {
                (
                    link.lang.as_str(),
                    link.label.as_str(),
                    link.href.as_str(),
                    link.current,
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("de", "Deutsch", "/de/", false),
                ("en", "English", "/en/", true),
                ("zh-Hans", "中文", "/zh/", false),
                ("ar", "العربية", "/ar/", false),
            ]
        );
        let alternates = site.front_page_alternates(&edition("ar"));
        assert_eq!(alternates.len(), 5);
        assert_eq!(
            alternates.last(),
            Some(&Alternate {
                hreflang: X_DEFAULT.to_owned(),
                href: "/de/".to_owned()
            })
        );
    }

    #[test]
    fn a_language_the_reader_has_no_texts_for_is_called_by_its_editions_name() {
        let mut edition = edition("de");
        edition.editions.push(EditionLink {
            id: slug("fr"),
            lang: "fr".to_owned(),
            name: "Réseau d'information".to_owned(),
        });
        let labels: Vec<String> = Site::new("/")
            .edition_links(&edition)
            .into_iter()
            .map(|link| link.label)
            .collect();
        assert_eq!(labels.last().map(String::as_str), Some("Réseau d'information"));
        // An edition document from before editions were listed has no switcher.
        edition.editions.clear();
        assert_eq!(Site::new("/").edition_links(&edition), []);
        assert_eq!(Site::new("/").front_page_alternates(&edition), []);
    }
}
