//! Markdown into blocks, through the endpoint's JSON and back; what the
//! tool refuses, on which line; plain text that stays plain.

use brnn_model::fixtures::{every_block, text};
use brnn_model::format::Article;

use super::*;

fn blocks(markdown: &str) -> Vec<Block> {
    parse(Path::new("de/a1.txt"), markdown, 8).unwrap().blocks
}

fn refusals(markdown: &str) -> Vec<String> {
    parse(Path::new("de/a1.txt"), markdown, 8)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

const EVERY_BLOCK: &str = "\
Ein *betontes* und ein **starkes** Wort,\\
[ein Artikel](article:de/ecf15130d4b083e2) und [eine Seite](https://example.org/)

## Zwischentitel

### Unterpunkt

- eins
- zwei
  1. zwei a

> Gesagt ist gesagt.
>
> — Li Wei

> [!pullquote]
> Ein Satz, groß.

---

> [!correction]
> Eine frühere Fassung nannte ein falsches Datum.
";

#[test]
fn every_block_type_goes_from_markdown_through_json_and_back() {
    let body = blocks(EVERY_BLOCK);
    // Markdown has every block of the model's but the figure, which photos bring.
    let mut expected = every_block();
    expected.retain(|block| !matches!(block, Block::Figure { .. }));
    assert_eq!(body, expected);

    let mut article: Article = serde_json::from_str(
        r#"{"id": "a1", "section": "aktuelles", "headline": "Kopf",
            "published": "2025-11-04T00:00:00+08:00", "paragraphs": []}"#,
    )
    .unwrap();
    article.set_body(body.clone());
    let json = serde_json::to_string(&article).unwrap();
    let read: Article = serde_json::from_str(&json).unwrap();
    assert_eq!(read.body, body);
    // Every block but the separator has text.
    assert_eq!(read.paragraphs.len(), 7, "{:?}", read.paragraphs);
}

#[test]
fn a_pull_quote_keeps_its_attribution_and_a_quote_its_paragraphs() {
    let body = blocks("> [!PullQuote]\n> Wer baut, bleibt.\n>\n> – Li Wei\n\n> Eins.\n>\n> Zwei.\n");
    assert_eq!(
        body,
        [
            Block::PullQuote {
                content: vec![text("Wer baut, bleibt.")],
                attribution: Some("Li Wei".into())
            },
            Block::Quote {
                blocks: vec![Block::plain_paragraph("Eins."), Block::plain_paragraph("Zwei.")],
                attribution: None
            },
        ]
    );
}

#[test]
fn raw_html_is_refused_on_its_line() {
    assert_eq!(
        refusals("Erster Absatz.\n\n<div>Kasten</div>\n\nText mit <b>fett</b>.\n"),
        [
            format!("de/a1.txt:10: {RAW_HTML}"),
            format!("de/a1.txt:12: {RAW_HTML}"),
            format!("de/a1.txt:12: {RAW_HTML}"),
        ]
    );
}

#[test]
fn javascript_data_and_relative_links_are_refused() {
    let found = refusals(
        "[a](javascript:alert(1)) [b](data:text/html,x)\n\n[c](/de/article/x) [d](article:de) [e](article:DE/x)\n",
    );
    assert_eq!(found.len(), 5, "{found:?}");
    assert!(found[0]
        .starts_with("de/a1.txt:8: the link `javascript:alert(1)` is refused: a link leads to an `https:`"));
    assert!(found[1].starts_with("de/a1.txt:8: the link `data:text/html,x` is refused"));
    assert!(found[2].starts_with("de/a1.txt:10: the link `/de/article/x` is refused"));
    assert!(found[3].starts_with(
        "de/a1.txt:10: the link `article:de` names no article: write it `article:<edition>/<id>`"
    ));
    assert!(found[4].starts_with("de/a1.txt:10: the link `article:DE/x` names no article"));
}

#[test]
fn headings_of_level_one_or_deeper_than_three_are_refused() {
    assert_eq!(
        refusals("# Titel\n\nText.\n\n#### Tief\n\nZweiter\n========\n"),
        [
            "de/a1.txt:8: a heading of level 1: the headline is the article's only one; a subheading is `## …` or `### …`",
            "de/a1.txt:12: a heading of level 4: subheadings go two levels below the headline, `## …` and `### …`",
            "de/a1.txt:14: a heading of level 1: the headline is the article's only one; a subheading is `## …` or `### …`",
        ]
    );
}

#[test]
fn photos_without_alt_or_beside_text_code_deep_lists_and_misspelt_markers_are_refused() {
    let found = refusals(
        "![](photos/hafen.jpg)\n\n    eingerückt\n\nText ![Ein Hafen](photos/hafen.jpg)\n- 1\n  - 2\n    - 3\n      - 4\n\n> [!pullqoute]\n> Text\n\n> [!pullquote]\n> Eins.\n>\n> Zwei.\n",
    );
    assert_eq!(
        found,
        [
            "de/a1.txt:8: the photo `photos/hafen.jpg` has no alt text: say what it shows between `![` and `]`, for who cannot see it",
            "de/a1.txt:10: a code block: an article has none; a paragraph starts at the line's beginning, not indented by 4 spaces or fenced by ```",
            "de/a1.txt:12: a photo stands alone in its paragraph, as a figure: put a blank line between it and the text",
            "de/a1.txt:16: lists and quotes nest at most 3 deep",
            "de/a1.txt:18: the quote's marker `[!pullqoute]` is unknown: a quote may start with `[!pullquote]` or `[!correction]`",
            "de/a1.txt:21: a pull quote is one paragraph, and may end with an attribution `— Name`, below its marker line",
        ]
    );
}

#[test]
fn a_photo_alone_in_its_paragraph_is_a_figure_with_its_alt_text_and_caption() {
    let parsed = parse(
        Path::new("de/a1.txt"),
        "Eins.\n\n![Ein *Hafen* am Abend](photos/hafen.jpg \"Am Kai\")\n",
        8,
    )
    .unwrap();
    assert_eq!(
        parsed.blocks[1],
        Block::Figure {
            image: written_image(
                "photos/hafen.jpg",
                "Ein Hafen am Abend".into(),
                vec![text("Am Kai")]
            ),
        }
    );
    assert_eq!(parsed.photos, [("photos/hafen.jpg".to_owned(), 10)]);
}

#[test]
fn the_article_links_are_kept_with_their_lines() {
    let parsed = parse(
        Path::new("de/a1.txt"),
        "Eins.\n\nSiehe [hier](article:en/sample-logistics).\n",
        8,
    )
    .unwrap();
    let links: Vec<(String, usize)> = parsed
        .article_links
        .iter()
        .map(|(article, line)| (format!("{}/{}", article.edition, article.id), *line))
        .collect();
    assert_eq!(links, [("en/sample-logistics".to_owned(), 10)]);
}

#[test]
fn plain_text_that_looks_like_markup_stays_plain_text() {
    let paragraphs: Vec<String> = [
        "# Keine Überschrift",
        "1. Kein Punkt einer Liste",
        "2025) auch keiner",
        "- kein Spiegelstrich",
        "+ auch keiner",
        "> kein Zitat",
        "---",
        "=== und ~~~",
        "*kein* _Akzent_ und **nichts** __hier__",
        "[kein](https://link.example) <b>kein HTML</b> <https://auch.nicht>",
        "![kein Bild](x.jpg) `kein Code` \\ Rückstrich \\* am Ende \\",
        "&amp; bleibt &amp; und &#42; bleibt &#42;",
        "5 * 3 = 15 | a_b_c | C# [1]",
    ]
    .map(String::from)
    .to_vec();
    let body = blocks(&plain_paragraphs(&paragraphs));
    let read: Vec<String> = body.iter().map(Block::plain_text).collect();
    assert_eq!(read, paragraphs);
    assert!(body.iter().all(Block::is_plain_paragraph), "{body:?}");
}
