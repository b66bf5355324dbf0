//! Each edition's offline page, `{edition}/offline.html`: what the service
//! worker (`public/sw.js`) answers an address it has not saved with while
//! the reader is offline, in the edition's language, listing the articles it
//! has saved. It is the edition's not-found page as the reader's own
//! components draw it (header, footer, language), with the offline texts in
//! place of the not-found ones, a `noindex` (a host serves it at
//! `{edition}/offline` like any page, but it is nobody's search result), and
//! without the app: the app would load the address the reader asked for and
//! show its failure instead of the list. Between [`ARTICLES_START`] and
//! [`ARTICLES_END`] it says that nothing is saved; the worker puts the saved
//! articles' list there.

use std::io;

use brnn_model::format::Edition;
use brnn_model::locale::Locale;
use brnn_news::head::escape_text;
use brnn_news::page_markers::PAGE_END;

use super::pages::Carried;
use super::{Output, Pages};

/// Where the saved articles' list goes; `public/sw.js` names the same two comments.
const ARTICLES_START: &str = "<!--brnn-offline-articles-->";
const ARTICLES_END: &str = "<!--/brnn-offline-articles-->";

/// Writes `edition`'s offline page; `edition_document` is what its header
/// and footer are drawn from.
pub(super) fn write(
    edition: &Edition,
    edition_document: Carried,
    pages: &Pages,
    output: &mut Output,
) -> io::Result<()> {
    let address = format!("{}/{}/offline", pages.site().base(), edition.id);
    // An address below the edition that leads nowhere: its not-found page.
    let not_found = pages.render(&address, &[edition_document])?;
    let page = offline_page(&not_found, Locale::for_lang(&edition.lang)).map_err(|missing| {
        io::Error::other(format!(
            "{}'s offline page: the not-found page has no {missing}; \
             build/offline.rs must follow how it is drawn now",
            edition.id
        ))
    })?;
    output.write(&pages.site().page_file(&address), page.as_bytes())
}

/// The offline page made of the edition's not-found page `not_found`, in
/// `locale`'s language; `Err` names the part of the not-found page it did
/// not find.
fn offline_page(not_found: &str, locale: &Locale) -> Result<String, String> {
    let title = format!("<title>{}</title>", escape_text(locale.not_found_title));
    let heading = format!(
        "<h1>{}</h1><p>{}</p>",
        escape_text(locale.not_found_title),
        escape_text(locale.not_found_text)
    );
    // The app's script, which Trunk puts into the shell; a shell without
    // one (as the content tool's tests use) has none to leave out.
    let boot_script = not_found
        .find(r#"<script type="module""#)
        .and_then(|start| {
            let end = start + not_found[start..].find("</script>")? + "</script>".len();
            not_found[start..end]
                .contains("data-brnn-app")
                .then_some(start..end)
        })
        .unwrap_or(0..0);
    let carried = not_found
        .find(PAGE_END)
        .map(|end| end + PAGE_END.len())
        .zip(not_found.rfind("</body>"))
        .ok_or("end of its screen (<!--brnn-page-end-->) or </body>")?;
    for (part, name) in [(&title, "title"), (&heading, "not-found heading and sentence")] {
        if not_found.matches(part.as_str()).count() != 1 {
            return Err(format!("{name} `{part}` (exactly once)"));
        }
    }
    // Ordered as they stand in the page: the boot script is in the head.
    let page = format!(
        "{}{}{}",
        &not_found[..boot_script.start],
        &not_found[boot_script.end..carried.0],
        &not_found[carried.1..]
    );
    Ok(page
        .replace(
            &title,
            &format!(
                r#"<title>{}</title><meta name="robots" content="noindex">"#,
                escape_text(locale.offline_title)
            ),
        )
        .replace(
            &heading,
            &format!(
                "<h1>{}</h1><p>{}</p><h2>{}</h2>{ARTICLES_START}<p>{}</p>{ARTICLES_END}",
                escape_text(locale.offline_title),
                escape_text(locale.offline_text),
                escape_text(locale.saved_articles),
                escape_text(locale.no_saved_articles),
            ),
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use brnn_model::locale::{ARABIC, GERMAN};

    const NOT_FOUND: &str = concat!(
        r#"<html lang="ar" dir="rtl"><head><!--HEAD--><title>الصفحة غير موجودة</title><!--/HEAD-->"#,
        r#"<script type="module" src="/boot.js" data-brnn-app data-js="/a.js" data-wasm="/a_bg.wasm"></script></head>"#,
        r#"<body><main><section class="not-found"><h1>الصفحة غير موجودة</h1><p>NOT_FOUND_TEXT</p>"#,
        r#"<p><a href="/ar/">FRONT</a></p></section></main><!--brnn-page-end-->"#,
        r#"<script type="application/json" data-brnn-document="ar/edition.json">{}</script></body></html>"#,
    );

    fn arabic_not_found() -> String {
        NOT_FOUND
            .replace("الصفحة غير موجودة", ARABIC.not_found_title)
            .replace("NOT_FOUND_TEXT", ARABIC.not_found_text)
    }

    #[test]
    fn the_offline_page_is_the_not_found_page_with_the_offline_texts_and_no_app() {
        let page = offline_page(&arabic_not_found(), &ARABIC).unwrap();
        assert!(page.starts_with(r#"<html lang="ar" dir="rtl">"#), "{page}");
        assert!(page.contains(&format!(
            r#"<title>{}</title><meta name="robots" content="noindex">"#,
            ARABIC.offline_title
        )));
        assert!(page.contains(&format!(
            "<h1>{}</h1><p>{}</p><h2>{}</h2><!--brnn-offline-articles--><p>{}</p><!--/brnn-offline-articles--><p><a href=\"/ar/\">",
            ARABIC.offline_title, ARABIC.offline_text, ARABIC.saved_articles, ARABIC.no_saved_articles
        )));
        assert!(!page.contains("<script"), "{page}");
        assert!(page.ends_with("<!--brnn-page-end--></body></html>"), "{page}");
    }

    #[test]
    fn a_not_found_page_drawn_otherwise_is_refused_by_name() {
        let german_texts = offline_page(&arabic_not_found(), &GERMAN).unwrap_err();
        assert!(
            german_texts.starts_with("title `<title>Seite nicht gefunden</title>`"),
            "{german_texts}"
        );
    }

    #[test]
    fn a_shell_without_the_app_gives_a_page_without_it_too() {
        let shell_without_app = arabic_not_found().replace(
            r#"<script type="module" src="/boot.js" data-brnn-app data-js="/a.js" data-wasm="/a_bg.wasm"></script>"#,
            "",
        );
        let page = offline_page(&shell_without_app, &ARABIC).unwrap();
        assert!(page.contains(ARABIC.offline_title), "{page}");
        assert!(!page.contains("<script"), "{page}");
    }
}
