//! The body's JSON both ways, and what a reader does with JSON it does not
//! expect: nothing fails, nothing recurses without bound.

use serde::Deserialize;
use serde_json::json;

use super::*;
use crate::fixtures::{every_block, image, text};

#[derive(Deserialize)]
struct BodyOnly {
    #[serde(deserialize_with = "decode::body")]
    body: Vec<Block>,
}

fn decode_body(json: &str) -> Vec<Block> {
    serde_json::from_str::<BodyOnly>(json).unwrap().body
}

#[test]
fn every_block_type_reads_back_as_it_was_written() {
    let blocks = every_block();
    let json = serde_json::to_string(&json!({ "body": blocks })).unwrap();
    assert_eq!(decode_body(&json), blocks);
}

#[test]
fn blocks_are_written_as_tagged_objects_and_text_as_bare_strings() {
    let json = serde_json::to_value(every_block()).unwrap();
    assert_eq!(
        json[0]["content"][6],
        json!({"type": "link", "article": {"edition": "de", "id": "ecf15130d4b083e2"}, "content": ["ein Artikel"]})
    );
    assert_eq!(json[0]["content"][8]["href"], "https://example.org/");
    assert_eq!(json[0]["content"][5], json!({"type": "line_break"}));
    assert_eq!(
        json[2],
        json!({"type": "heading", "level": 3, "content": ["Unterpunkt"]})
    );
    assert_eq!(json[3]["items"][1][1]["ordered"], true);
    assert_eq!(
        json[5],
        json!({"type": "pull_quote", "content": ["Ein Satz, groß."]})
    );
    assert_eq!(json[6]["image"]["sources"][0]["type"], "image/webp");
    assert_eq!(json[7], json!({"type": "separator"}));
}

#[test]
fn plain_text_puts_items_quotes_and_breaks_on_lines_of_their_own() {
    let texts: Vec<String> = every_block().iter().map(Block::plain_text).collect();
    assert_eq!(
        texts[0],
        "Ein betontes und ein starkes Wort,\nein Artikel und eine Seite"
    );
    assert_eq!(texts[3], "eins\nzwei\nzwei a");
    assert_eq!(texts[4], "Gesagt ist gesagt.\n– Li Wei");
    assert_eq!(texts[6], "Am Kai, früh");
    assert_eq!(texts[7], "");
}

#[test]
fn only_https_http_and_mailto_addresses_are_links() {
    for accepted in [
        "https://example.org/a?b#c",
        "HTTP://example.org",
        "mailto:redaktion@example.org",
    ] {
        assert!(Href::parse(accepted).is_some(), "{accepted}");
    }
    for refused in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " https://example.org",
        "data:text/html,<script>alert(1)</script>",
        "/de/article/x",
        "//example.org",
        "https://",
        "ftp://example.org",
        "",
    ] {
        assert!(Href::parse(refused).is_none(), "{refused}");
    }
}

#[test]
fn unknown_blocks_are_skipped_and_unknown_inlines_keep_their_text() {
    let body = decode_body(
        r#"{"body": [
            {"type": "video", "content": "anything", "src": {"deep": [1, 2]}},
            "not a block", 42, null,
            {"type": "paragraph", "content": [
                "a", {"type": "footnote", "text": "1"}, {"type": "abbr", "content": ["EU"]},
                {"type": "sparkle"}, 7, ["nested"]
            ]},
            {"content": ["no type"]}
        ]}"#,
    );
    assert_eq!(
        body,
        [Block::Paragraph {
            content: vec![text("a"), text("1"), text("EU")]
        }]
    );
}

#[test]
fn a_link_the_reader_does_not_accept_is_shown_as_its_text() {
    let body = decode_body(
        r#"{"body": [{"type": "paragraph", "content": [
            {"type": "link", "href": "javascript:alert(1)", "content": ["eins"]},
            {"type": "link", "href": "data:text/html,x", "content": [{"type": "strong", "content": ["zwei"]}]},
            {"type": "link", "article": {"edition": "../de", "id": "x"}, "content": ["drei"]},
            {"type": "link", "podcast": "x", "content": ["vier"]},
            {"type": "link", "href": "https://example.org", "content": [
                {"type": "link", "href": "https://example.com", "content": ["fünf"]}
            ]}
        ]}]}"#,
    );
    let Block::Paragraph { content } = &body[0] else {
        panic!("{body:?}")
    };
    assert_eq!(
        content[..4],
        [
            text("eins"),
            Inline::Strong(vec![text("zwei")]),
            text("drei"),
            text("vier")
        ]
    );
    // A link inside a link (no page can draw one) is its text.
    assert!(matches!(&content[4], Inline::Link { content, .. } if content == &[text("fünf")]));
}

#[test]
fn a_figure_without_what_an_image_needs_is_skipped() {
    let body = decode_body(
        r#"{"body": [
            {"type": "figure", "image": {"src": "a.jpg", "width": 10}},
            {"type": "figure", "image": {"src": "a.jpg", "width": 10, "height": 0}},
            {"type": "figure", "image": {"src": "", "width": 10, "height": 10}},
            {"type": "figure", "image": {"src": "a.jpg", "width": 10.5, "height": 10}},
            {"type": "figure", "image": {"src": "a.jpg", "width": 10, "height": 10,
                "sources": [{"src": "a.webp", "width": 5}, {"src": "a.webp", "width": 5, "type": "image/webp"}]}}
        ]}"#,
    );
    let [Block::Figure { image }] = &body[..] else {
        panic!("{body:?}")
    };
    assert_eq!((image.alt.as_str(), image.sources.len()), ("", 1));
}

/// `depth` lists, each the only item of the one around it.
fn nested_lists(depth: usize) -> String {
    let open = r#"{"type": "list", "items": [["#;
    format!(
        r#"{{"body": [{}{{"type": "paragraph", "content": ["innen"]}}{}]}}"#,
        open.repeat(depth),
        "]]}".repeat(depth)
    )
}

/// How many lists sit one in the other from the first block down.
fn list_depth(blocks: &[Block]) -> usize {
    match blocks.first() {
        Some(Block::List { items, .. }) => 1 + list_depth(&items[0]),
        _ => 0,
    }
}

#[test]
fn lists_nested_deeper_than_the_model_allows_are_flattened_into_their_parent() {
    assert_eq!(list_depth(&decode_body(&nested_lists(3))), 3);
    let four = decode_body(&nested_lists(4));
    assert_eq!(list_depth(&four), 3);
    assert!(four[0].plain_text().ends_with("innen"), "{four:?}");
}

#[test]
fn ten_thousand_levels_of_nesting_decode_bounded_without_failing_the_body() {
    let deep_lists = nested_lists(10_000);
    assert_eq!(list_depth(&decode_body(&deep_lists)), MAX_BLOCK_NESTING);

    let deep_inlines = format!(
        r#"{{"body": [{{"type": "paragraph", "content": ["vorn", {}"innen"{}]}}, {{"type": "separator"}}]}}"#,
        r#"{"type": "strong", "content": ["#.repeat(10_000),
        "]}".repeat(10_000)
    );
    let body = decode_body(&deep_inlines);
    assert_eq!(body.len(), 2);
    assert_eq!(body[1], Block::Separator);

    let deep_arrays = format!(
        r#"{{"body": [{}1{}, {{"type": "separator"}}]}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert_eq!(decode_body(&deep_arrays), [Block::Separator]);
}

#[test]
fn a_hundred_thousand_blocks_decode() {
    let block = r#"{"type": "paragraph", "content": ["Absatz"]},"#;
    let json = format!(
        r#"{{"body": [{}{{"type": "separator"}}]}}"#,
        block.repeat(100_000)
    );
    let body = decode_body(&json);
    assert_eq!(body.len(), 100_001);
    assert_eq!(body[99_999], Block::plain_paragraph("Absatz"));
}

#[test]
fn a_thumbnail_keeps_the_small_renditions_and_the_narrowest_jpeg_at_its_own_size() {
    let rendition = |width: u32, media_type: &str| ImageSource {
        src: format!(
            "media/hafen-{width}.{}",
            if media_type == "image/webp" { "webp" } else { "jpg" }
        ),
        width,
        media_type: media_type.into(),
    };
    let photo = Image {
        src: "media/hafen-1600.jpg".into(),
        width: 1600,
        height: 1000,
        sources: [480, 800, 1600]
            .into_iter()
            .flat_map(|width| [rendition(width, "image/webp"), rendition(width, "image/jpeg")])
            .collect(),
        ..image()
    };
    let thumbnail = photo.thumbnail(480);
    assert_eq!(
        thumbnail.sources,
        [rendition(480, "image/webp"), rendition(480, "image/jpeg")]
    );
    assert_eq!(
        (thumbnail.src.as_str(), thumbnail.width, thumbnail.height),
        ("media/hafen-480.jpg", 480, 300)
    );
    assert!(thumbnail.caption.is_empty() && thumbnail.credit.is_none());
    assert_eq!(thumbnail.alt, photo.alt);
    // Nothing narrow enough: the narrowest there is.
    assert_eq!(photo.thumbnail(100).sources.len(), 2);
    // No renditions: the image as it is.
    let bare = Image {
        sources: Vec::new(),
        ..photo.clone()
    };
    assert_eq!(bare.thumbnail(480).src, "media/hafen-1600.jpg");
}
