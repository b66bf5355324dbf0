//! What a page says about itself to machines: schema.org JSON-LD
//! (<https://schema.org/NewsArticle>, `BreadcrumbList`, `CollectionPage`)
//! and the Open Graph locale. Built here, from the same values the page
//! shows, so that the data and the visible page cannot disagree.

use serde_json::{json, Value};

use crate::format::{Article, Author, Edition};
use crate::site::Crumb;

/// The page's breadcrumb as a `BreadcrumbList`; `absolute` turns a site path into a URL.
pub fn breadcrumb_list(crumbs: &[Crumb], absolute: impl Fn(&str) -> String) -> Value {
    let items: Vec<Value> = crumbs
        .iter()
        .enumerate()
        .map(|(index, crumb)| {
            json!({
                "@type": "ListItem",
                "position": index + 1,
                "name": crumb.label,
                "item": absolute(&crumb.href),
            })
        })
        .collect();
    json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items })
}

/// An article page as a `NewsArticle`; `url` is its absolute address,
/// `author_url` gives an author's page's.
pub fn news_article(
    edition: &Edition,
    article: &Article,
    url: &str,
    description: &str,
    author_url: impl Fn(&Author) -> String,
    image_url: Option<&str>,
) -> Value {
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": description,
        "datePublished": article.published.to_string(),
        "inLanguage": edition.lang,
        "articleSection": edition.section_name(&article.section).unwrap_or_default(),
        "isAccessibleForFree": true,
        "mainEntityOfPage": { "@type": "WebPage", "@id": url },
        "publisher": { "@type": "NewsMediaOrganization", "name": edition.network.name },
    });
    if let Some(updated) = article.updated {
        data["dateModified"] = updated.to_string().into();
    }
    if let Some(image_url) = image_url {
        data["image"] = json!([image_url]);
    }
    if !article.authors.is_empty() {
        let authors: Vec<Value> = article
            .authors
            .iter()
            .map(|author| json!({ "@type": "Person", "name": author.name, "url": author_url(author) }))
            .collect();
        data["author"] = authors.into();
    }
    data
}

/// A list page (front page or section) as a `CollectionPage`.
pub fn collection_page(edition: &Edition, name: &str, url: &str) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": name,
        "url": url,
        "inLanguage": edition.lang,
        "isPartOf": { "@type": "WebSite", "name": edition.name },
        "publisher": { "@type": "NewsMediaOrganization", "name": edition.network.name },
    })
}

/// JSON-LD as the text of a `<script>` element.
pub fn script_text(data: &Value) -> String {
    script_safe(&data.to_string())
}

/// JSON text made safe inside a `<script>` element: `<`, `>` and `&` (which
/// JSON has only inside strings) become `\u` escapes, so no text can close
/// the element, and the JSON still reads the same.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// `og:locale` is `language_TERRITORY` (Open Graph): the tag's region if it
/// names one (`de-CH` is `de_CH`, `zh-Hans-TW` is `zh_TW`), else the
/// territory Facebook's locale list gives the language (`de` is `de_DE`,
/// `ar` is `ar_AR`); a language it does not know stands alone.
pub fn og_locale(lang: &str) -> String {
    let mut subtags = lang.split('-');
    let language = subtags.next().unwrap_or_default().to_ascii_lowercase();
    let region = subtags
        .find(|subtag| subtag.len() == 2 && subtag.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase);
    let territory = region.or_else(|| {
        let likely = match language.as_str() {
            "de" => "DE",
            "en" => "GB",
            "zh" => "CN",
            "ar" => "AR",
            _ => return None,
        };
        Some(likely.to_owned())
    });
    match territory {
        Some(territory) => format!("{language}_{territory}"),
        None => language,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_can_close_the_script_element_and_the_data_stays_equal() {
        let data = json!({ "headline": "</script><script>alert(1)</script> & more" });
        let text = script_text(&data);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), data);
    }

    #[test]
    fn the_breadcrumb_list_numbers_every_crumb_with_its_absolute_address() {
        let crumbs = [
            Crumb {
                label: "BRNN".into(),
                href: "/".into(),
            },
            Crumb {
                label: "Aktuelles".into(),
                href: "/de/section/a/".into(),
            },
        ];
        let list = breadcrumb_list(&crumbs, |path| format!("https://x.org{path}"));
        assert_eq!(list["itemListElement"][1]["position"], 2);
        assert_eq!(list["itemListElement"][1]["name"], "Aktuelles");
        assert_eq!(list["itemListElement"][1]["item"], "https://x.org/de/section/a/");
    }

    #[test]
    fn an_article_names_its_authors_as_people_with_their_pages_its_photo_and_when_it_changed() {
        let edition: Edition = serde_json::from_value(json!({
            "format": 1, "network": { "short_name": "BRNN", "name": "BRNN" }, "id": "de",
            "lang": "de", "name": "BRNN Deutsch", "page_size": 10, "sections": []
        }))
        .unwrap();
        let mut article: Article = serde_json::from_value(json!({
            "id": "a1", "section": "aktuelles", "headline": "Kopf",
            "published": "2025-11-04T00:00:00+08:00", "paragraphs": ["Text."],
            "authors": [{ "slug": "li-wei", "name": "Li Wei" }],
            "updated": "2025-11-05T09:30:00+08:00"
        }))
        .unwrap();
        let page = |author: &Author| format!("https://x.org/de/author/{}/", author.slug);
        let photo = Some("https://x.org/api/v2/media/hafen-1600-0123456789abcdef.jpg");
        let data = news_article(
            &edition,
            &article,
            "https://x.org/de/article/a1",
            "Text.",
            page,
            photo,
        );
        assert_eq!(data["image"], json!([photo]));
        assert_eq!(
            data["author"],
            json!([{ "@type": "Person", "name": "Li Wei", "url": "https://x.org/de/author/li-wei/" }])
        );
        assert_eq!(data["dateModified"], "2025-11-05T09:30:00+08:00");
        article.authors.clear();
        article.updated = None;
        let plain = news_article(
            &edition,
            &article,
            "https://x.org/de/article/a1",
            "Text.",
            page,
            None,
        );
        assert!(
            plain.get("author").is_none()
                && plain.get("dateModified").is_none()
                && plain.get("image").is_none()
        );
    }

    #[test]
    fn og_locale_is_language_and_territory() {
        assert_eq!(og_locale("de"), "de_DE");
        assert_eq!(og_locale("de-CH"), "de_CH");
        assert_eq!(og_locale("zh-Hans"), "zh_CN");
        assert_eq!(og_locale("zh-Hant-TW"), "zh_TW");
        assert_eq!(og_locale("ar"), "ar_AR");
        assert_eq!(og_locale("en"), "en_GB");
        assert_eq!(og_locale("eo"), "eo");
    }
}
