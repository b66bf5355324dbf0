use super::*;

use brnn_model::body::LinkTarget;
use serde_json::Value;

fn text(text: &str) -> Inline {
    Inline::Text(text.to_owned())
}

fn paragraph(content: Vec<Inline>) -> Block {
    Block::Paragraph { content }
}

fn blocks(html: &str) -> Vec<Block> {
    body_blocks(html).0
}

/// Every text of `blocks`, and every address, as one string to search.
fn everything(blocks: &[Block]) -> String {
    serde_json::to_string(blocks).unwrap()
}

/// The posts of the recorded WordPress site, by slug: (title, content) as rendered.
fn wordpress_post(slug: &str) -> String {
    let posts: Value = serde_json::from_str(include_str!(
        "../../../../../tests/fixtures/wordpress/rest/wp-v2-posts._embed.per_page-100.page-1.json"
    ))
    .unwrap();
    let post = posts
        .as_array()
        .unwrap()
        .iter()
        .find(|post| post["slug"] == slug)
        .unwrap_or_else(|| panic!("no post {slug}"));
    post["content"]["rendered"].as_str().unwrap().to_owned()
}

#[test]
fn paragraphs_headings_and_inline_markup_map_onto_blocks() {
    let html = "<h1>Top</h1><p>One <em>two</em> <strong>three</strong> <i>four</i> <b>five</b><br>six</p>\
                <h2>Two</h2><h3>Three</h3><h6>Six</h6><hr>";
    assert_eq!(
        blocks(html),
        vec![
            Block::Heading {
                level: HeadingLevel::Two,
                content: vec![text("Top")]
            },
            paragraph(vec![
                text("One "),
                Inline::Emphasis(vec![text("two")]),
                text(" "),
                Inline::Strong(vec![text("three")]),
                text(" "),
                Inline::Emphasis(vec![text("four")]),
                text(" "),
                Inline::Strong(vec![text("five")]),
                Inline::LineBreak,
                text("six"),
            ]),
            Block::Heading {
                level: HeadingLevel::Two,
                content: vec![text("Two")]
            },
            Block::Heading {
                level: HeadingLevel::Three,
                content: vec![text("Three")]
            },
            Block::Heading {
                level: HeadingLevel::Three,
                content: vec![text("Six")]
            },
            Block::Separator,
        ]
    );
}

#[test]
fn links_keep_only_web_and_mail_addresses() {
    let html = r#"<p><a href="https://example.org/">web</a> <a href="mailto:a@example.org">mail</a>
        <a href="javascript:alert(1)">js</a> <a href=" &#x6A;avascript:alert(1)">entity</a>
        <a href="data:text/html,x">data</a> <a href="vbscript:x">vb</a> <a href="/relative">rel</a>
        <a href="https://example.org/"><a href="https://example.com/">inner</a></a></p>"#;
    let (found, report) = body_blocks(html);
    let Block::Paragraph { content } = &found[0] else {
        panic!("{found:?}")
    };
    let links: Vec<&str> = content
        .iter()
        .filter_map(|inline| match inline {
            Inline::Link {
                target: LinkTarget::External(href),
                ..
            } => Some(href.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        links,
        [
            "https://example.org/",
            "mailto:a@example.org",
            "https://example.com/"
        ]
    );
    assert_eq!(found[0].plain_text(), "web mail js entity data vb rel inner");
    assert_eq!(report.links_as_text, 5);
}

#[test]
fn lists_nest_within_the_model_and_deeper_ones_become_paragraphs() {
    let html = "<ul><li>a<ul><li>b<ol><li>c<ul><li>d</li></ul></li></ol></li></ul></li><li>e</li></ul>";
    let found = blocks(html);
    let Block::List {
        ordered: false,
        items,
    } = &found[0]
    else {
        panic!("{found:?}")
    };
    assert_eq!(items.len(), 2);
    let Block::List { items: second, .. } = &items[0][1] else {
        panic!("{items:?}")
    };
    let Block::List {
        ordered: true,
        items: third,
    } = &second[0][1]
    else {
        panic!("{second:?}")
    };
    // The fourth level has no list: its item is a paragraph of the third's.
    assert_eq!(
        third[0],
        vec![paragraph(vec![text("c")]), paragraph(vec![text("d")])]
    );
}

#[test]
fn a_list_right_inside_a_list_is_the_previous_items_sublist() {
    let found = blocks("<ul><li>a</li><ul><li>b</li></ul><li>c</li></ul>");
    let Block::List { items, .. } = &found[0] else {
        panic!("{found:?}")
    };
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(matches!(items[0][1], Block::List { .. }));
}

#[test]
fn quotes_take_their_attribution_from_cite_footer_or_a_dash() {
    let found = blocks(
        "<blockquote><p>Said.</p><cite>— Li Wei</cite></blockquote>\
         <blockquote><p>Also said.</p><footer>Amira</footer></blockquote>\
         <blockquote><p>Third.</p><p>— Jonas</p></blockquote>",
    );
    let attributions: Vec<Option<&str>> = found
        .iter()
        .map(|block| match block {
            Block::Quote { attribution, .. } => attribution.as_deref(),
            _ => panic!("{block:?}"),
        })
        .collect();
    assert_eq!(attributions, [Some("Li Wei"), Some("Amira"), Some("Jonas")]);
}

#[test]
fn gutenberg_pull_quotes_are_pull_quotes() {
    let found = blocks(
        r#"<figure class="wp-block-pullquote"><blockquote><p>Big words.</p><p>More.</p><cite>Amira Haddad</cite></blockquote></figure>
           <blockquote class="wp-block-pullquote"><p>Older form.</p></blockquote>"#,
    );
    assert_eq!(
        found,
        vec![
            Block::PullQuote {
                content: vec![text("Big words."), Inline::LineBreak, text("More.")],
                attribution: Some("Amira Haddad".to_owned())
            },
            Block::PullQuote {
                content: vec![text("Older form.")],
                attribution: None
            },
        ]
    );
}

#[test]
fn figures_keep_the_image_url_alt_and_caption_and_images_in_a_paragraph_stand_between_its_parts() {
    let found = blocks(
        r#"<figure class="wp-block-image"><a href="https://x.test/big.jpg"><img src="https://x.test/a.jpg" alt="A cup" onerror="alert(1)"></a><figcaption>The <em>cup</em></figcaption></figure>
           <p>Before <img src="http://x.test/b.jpg" alt=""> after</p>
           <p><img src="data:image/png;base64,AAAA" alt="data"><img src="javascript:x" alt="js"></p>"#,
    );
    assert_eq!(found.len(), 4, "{found:?}");
    let Block::Figure { image } = &found[0] else {
        panic!("{found:?}")
    };
    assert_eq!(image.src, "https://x.test/a.jpg");
    assert_eq!(image.alt, "A cup");
    assert_eq!(
        image.caption,
        vec![text("The "), Inline::Emphasis(vec![text("cup")])]
    );
    assert_eq!(found[1], paragraph(vec![text("Before")]));
    assert_eq!(found[3], paragraph(vec![text("after")]));
    assert!(matches!(&found[2], Block::Figure { image } if image.src == "http://x.test/b.jpg"));
}

#[test]
fn dangerous_elements_go_with_their_content_and_wrappers_keep_their_text() {
    let (found, report) = body_blocks(
        r#"<div><script>alert("x")</script><style>p{}</style><iframe src="https://evil.test">frame text</iframe>
           <span onclick="alert(1)">kept</span> <font color="red">too</font></div><noscript>no</noscript>
           <svg><script>alert(2)</script></svg><math><mi>x</mi></math><form><input value="v"></form>
           <template><p>t</p></template><object>obj</object><embed src="x"><base href="https://evil.test/"><meta http-equiv="refresh">"#,
    );
    assert_eq!(found, vec![paragraph(vec![text("kept too")])]);
    let removed: Vec<&str> = report.removed.keys().map(String::as_str).collect();
    assert_eq!(
        removed,
        [
            "base", "embed", "form", "iframe", "math", "meta", "noscript", "object", "script", "style",
            "svg", "template"
        ]
    );
    assert_eq!(report.unwrapped.get("div"), Some(&1));
    assert_eq!(report.unwrapped.get("span"), Some(&1));
    assert_eq!(report.unwrapped.get("font"), Some(&1));
    assert!(
        report.to_string().starts_with("removed 1 base, 1 embed,"),
        "{report}"
    );
}

#[test]
fn tables_and_preformatted_text_are_kept_as_paragraphs() {
    let (found, report) = body_blocks(
        "<table><caption>Prices</caption><thead><tr><th>a</th><th>b</th></tr></thead>\
         <tbody><tr><td>1</td><td></td><td>2</td></tr></tbody></table><pre><code>let x = 1;\n  x + 1\n</code></pre>",
    );
    assert_eq!(
        found,
        vec![
            paragraph(vec![text("Prices")]),
            paragraph(vec![text("a | b")]),
            paragraph(vec![text("1 | 2")]),
            paragraph(vec![text("let x = 1;"), Inline::LineBreak, text("x + 1")]),
        ]
    );
    assert_eq!(report.to_string(), "kept as text 1 pre, 1 table");
}

#[test]
fn entities_quotes_comments_and_caption_shortcodes_come_out_as_clean_text() {
    let found = blocks(
        "<p>&#8220;Quoted&#8221; &amp; dashed &#8212; dots&#8230; &lt;b&gt;</p><p><!--more--></p><p>&nbsp;</p>\
         <p>[caption id=\"attachment_6\" align=\"alignright\" width=\"300\"]A caption[/caption]</p>",
    );
    assert_eq!(
        found,
        vec![
            paragraph(vec![text("“Quoted” & dashed — dots… <b>")]),
            paragraph(vec![text("A caption")]),
        ]
    );
}

#[test]
fn whitespace_collapses_and_stays_outside_emphasis() {
    assert_eq!(
        blocks("<p>  a\n\n<em> b </em>c <strong><br>d</strong>  </p>"),
        vec![paragraph(vec![
            text("a "),
            Inline::Emphasis(vec![text("b")]),
            text(" c"),
            Inline::LineBreak,
            Inline::Strong(vec![text("d")]),
        ])]
    );
}

#[test]
fn inline_containers_nest_at_most_as_deep_as_the_model_allows() {
    let found = blocks("<p><em><strong><em><strong><em>deep</em></strong></em></strong></em></p>");
    fn depth(inlines: &[Inline]) -> usize {
        inlines
            .iter()
            .map(|inline| match inline {
                Inline::Emphasis(content) | Inline::Strong(content) | Inline::Link { content, .. } => {
                    1 + depth(content)
                }
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    let Block::Paragraph { content } = &found[0] else {
        panic!("{found:?}")
    };
    assert_eq!(depth(content), MAX_INLINE_NESTING);
    assert_eq!(found[0].plain_text(), "deep");
}

#[test]
fn the_hostile_wordpress_post_keeps_its_text_and_nothing_executable() {
    let (found, report) = body_blocks(&wordpress_post("hostile-html"));
    // The post's own sentences name what they hold ("a javascript: link"):
    // what must not survive is what ran, and every address but the good ones.
    let all = everything(&found);
    for executable in [
        "alert(",
        "ran\"",
        "evil.example",
        "expression(",
        "x.swf",
        "msgbox",
        "noscript.",
    ] {
        assert!(!all.contains(executable), "{executable} in {all}");
    }
    let text: String = found.iter().map(Block::plain_text).collect::<Vec<_>>().join("\n");
    for kept in [
        "Every text here must survive the import",
        "A paragraph with onclick and onmouseover attributes: its text stays.",
        "a javascript: link",
        "a good link with a bad attribute",
        "A div whose style has a javascript: URL and a CSS expression: its text stays.",
        "Unclosed bold and italic",
        "Text after the broken markup.",
        "span that would cover the page",
    ] {
        assert!(text.contains(kept), "{kept} missing in {text}");
    }
    for removed in [
        "script", "style", "noscript", "iframe", "object", "embed", "svg", "math", "form", "meta", "base",
        "link",
    ] {
        assert!(
            report.removed.contains_key(removed),
            "{removed} not reported: {report}"
        );
    }
    assert_eq!(report.links_as_text, 5, "{report}");
    assert_eq!(report.images_dropped, 1, "{report}");
}

#[test]
fn the_markup_tour_maps_every_kind_of_block() {
    let (found, report) = body_blocks(&wordpress_post("markup-tour"));
    let kinds: std::collections::BTreeSet<&str> = found
        .iter()
        .map(|block| match block {
            Block::Paragraph { .. } => "paragraph",
            Block::Heading { .. } => "heading",
            Block::List { .. } => "list",
            Block::Quote { .. } => "quote",
            Block::PullQuote { .. } => "pull_quote",
            Block::Figure { .. } => "figure",
            Block::Separator => "separator",
            Block::Correction { .. } => "correction",
        })
        .collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        [
            "figure",
            "heading",
            "list",
            "paragraph",
            "pull_quote",
            "quote",
            "separator"
        ]
    );
    assert!(report.removed.contains_key("iframe"), "{report}");
    assert!(report.kept_as_text.contains_key("table"), "{report}");
    assert!(report.kept_as_text.contains_key("pre"), "{report}");
}

#[test]
fn the_classic_editor_post_reads_as_its_paragraphs() {
    let (found, _) = body_blocks(&wordpress_post("classic-editor"));
    let text: Vec<String> = found
        .iter()
        .filter(|block| !matches!(block, Block::Figure { .. }))
        .map(Block::plain_text)
        .collect();
    assert!(text[0].contains("(“wpautop”)"), "{text:?}");
    assert!(found.iter().any(|block| matches!(block, Block::Figure { image }
        if image.alt.starts_with("A Falcon 9") && paragraph(image.caption.clone()).plain_text() == "A photo in the caption shortcode of the classic editor.")));
    assert!(text.iter().any(|line| line == "spans two rows | b"), "{text:?}");
    assert!(text
        .iter()
        .any(|line| line.starts_with("A div from an old theme, a bold span, and a font element.")));
    assert!(
        !text
            .iter()
            .any(|line| line.trim().is_empty() || line.contains("more-->")),
        "{text:?}"
    );
}

#[test]
fn deep_wide_and_broken_markup_never_panics_and_keeps_its_text() {
    let deep = format!(
        "{}deep text{}",
        "<div><span><em>".repeat(1_000),
        "</em></span></div>".repeat(1_000)
    );
    let (found, report) = body_blocks(&deep);
    assert!(everything(&found).contains("deep text"));
    assert!(report.too_deep > 0);

    let wide: String = (0..100_000).map(|index| format!("<p>p{index}</p>")).collect();
    assert_eq!(blocks(&wide).len(), 100_000);

    let lists = format!("{}item{}", "<ul><li>".repeat(1_000), "</li></ul>".repeat(1_000));
    assert!(everything(&blocks(&lists)).contains("item"));

    for broken in [
        "<p><b><i>unclosed",
        "</p></div><p>closing first",
        "<table><p>in a table</p><tr><td>cell",
        "<a href='https://x.test/'><p>block in a link</p></a>",
        "<li>stray item</li><td>stray cell</td>",
        "<<<>>>&&&;;;<p",
        "<figure><figcaption>caption without image</figcaption></figure>",
        "<blockquote></blockquote><ul></ul><h2> </h2>",
    ] {
        let found = blocks(broken);
        assert!(!everything(&found).contains('\u{0}'), "{broken}");
    }
    assert_eq!(
        blocks("<figure><figcaption>caption without image</figcaption></figure>"),
        vec![paragraph(vec![text("caption without image")])]
    );
}

#[test]
fn plain_text_reads_a_title() {
    assert_eq!(
        plain_text("A <em>tour</em> &#038; &#8220;more&#8221;<script>x</script>"),
        "A tour & “more”"
    );
}

#[test]
fn the_readers_own_markup_reads_back_as_its_blocks() {
    // As the reader's components draw them, in our feeds.
    let found = blocks(
        r#"<figure class="figure"><picture><source type="image/webp" srcset="https://x.test/a-480.webp 480w"><img src="https://x.test/a-1200.jpg" width="1200" height="800" alt="Ein Hafen"></picture><figcaption>Am Kai <span class="credit">NASA, public domain</span></figcaption></figure>
           <aside class="pull-quote"><p>Ein Satz, groß.</p><footer><cite>Li Wei</cite></footer></aside>
           <blockquote class="quote"><p>Gesagt.</p><footer><cite>Amira</cite></footer></blockquote>
           <p class="correction" role="note">Eine frühere Fassung nannte ein falsches Datum.</p>"#,
    );
    let Block::Figure { image } = &found[0] else {
        panic!("{found:?}")
    };
    assert_eq!(
        (image.src.as_str(), image.alt.as_str(), image.credit.as_deref()),
        (
            "https://x.test/a-1200.jpg",
            "Ein Hafen",
            Some("NASA, public domain")
        )
    );
    assert_eq!(image.caption, vec![text("Am Kai")]);
    assert_eq!(
        found[1..],
        [
            Block::PullQuote {
                content: vec![text("Ein Satz, groß.")],
                attribution: Some("Li Wei".to_owned())
            },
            Block::Quote {
                blocks: vec![paragraph(vec![text("Gesagt.")])],
                attribution: Some("Amira".to_owned())
            },
            Block::Correction {
                content: vec![text("Eine frühere Fassung nannte ein falsches Datum.")]
            },
        ]
    );
}

/// Classic XSS vectors (OWASP's filter evasion cheat sheet and html5sec.org
/// in spirit), each with a text beside it that must survive. An element
/// removed with its content that is never closed takes the rest of the post
/// with it, as it does in a browser (the report names it), so those here are closed.
const HOSTILE: [&str; 56] = [
    r#"<script>alert(1)</script>"#,
    r#"<SCRIPT SRC=//evil.test/x.js></SCRIPT>"#,
    r#"<script/src="data:text/javascript,alert(1)"></script>"#,
    r#"<img src=x onerror=alert(1)>"#,
    r#"<img src="javascript:alert(1)">"#,
    r#"<img src=JaVaScRiPt:alert(1)>"#,
    r#"<img src="jav&#x09;ascript:alert(1)">"#,
    r#"<img src="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">"#,
    r#"<img src=" javascript:alert(1)">"#,
    r#"<img src="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+">"#,
    r#"<img srcset="javascript:alert(1) 1x">"#,
    r#"<img dynsrc="javascript:alert(1)">"#,
    r#"<img """><script>alert(1)</script>">"#,
    r#"<a href="javascript:alert(1)">x</a>"#,
    r#"<a href="JAVASCRIPT:alert(1)">x</a>"#,
    r#"<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>"#,
    r#"<a href="java&#x0A;script:alert(1)">x</a>"#,
    r#"<a href="&#x20;javascript:alert(1)">x</a>"#,
    r#"<a href="vbscript:msgbox(1)">x</a>"#,
    r#"<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>"#,
    r#"<a href="livescript:alert(1)">x</a>"#,
    r#"<a href="//evil.test/">x</a>"#,
    r#"<a href="https://ok.test/" onclick="alert(1)">x</a>"#,
    r#"<a href="https://ok.test/" style="behavior:url(x.htc)">x</a>"#,
    r#"<body onload=alert(1)>"#,
    r#"<svg onload=alert(1)>"#,
    r#"<svg><script>alert(1)</script></svg>"#,
    r#"<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>"#,
    r#"<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>"#,
    r#"<math><mtext><img src=x onerror=alert(1)></mtext></math>"#,
    r#"<iframe src="javascript:alert(1)"></iframe>"#,
    r#"<iframe srcdoc="<script>alert(1)</script>"></iframe>"#,
    r#"<object data="javascript:alert(1)"></object>"#,
    r#"<embed src="javascript:alert(1)">"#,
    r#"<form action="javascript:alert(1)"><button>x</button></form>"#,
    r#"<input onfocus=alert(1) autofocus>"#,
    r#"<details open ontoggle=alert(1)>"#,
    r#"<video><source onerror="alert(1)"></video>"#,
    r#"<audio src=x onerror=alert(1)></audio>"#,
    r#"<base href="javascript:alert(1)//">"#,
    r#"<meta http-equiv="refresh" content="0;url=javascript:alert(1)">"#,
    r#"<link rel="stylesheet" href="javascript:alert(1)">"#,
    r#"<style>@import 'javascript:alert(1)';</style>"#,
    r#"<div style="width:expression(alert(1))">"#,
    r#"<div style="background:url(javascript:alert(1))">"#,
    r#"<table background="javascript:alert(1)">"#,
    r#"<noscript><p title="</noscript><img src=x onerror=alert(1)>">"#,
    r#"<template><script>alert(1)</script></template>"#,
    r#"<!--<script>alert(1)</script>-->"#,
    r#"<![CDATA[<script>alert(1)</script>]]>"#,
    r#"<scr<script>ipt>alert(1)</script>"#,
    r#"<<script>alert(1)//<</script>"#,
    r#"<xss onafterscriptexecute=alert(1)><script>1</script>"#,
    r#"<marquee onstart=alert(1)>"#,
    r#"<isindex action="javascript:alert(1)" type=submit>"#,
    r#"<frameset onload=alert(1)>"#,
];

#[test]
fn no_classic_xss_vector_leaves_anything_executable_and_the_text_beside_it_stays() {
    fn addresses(blocks: &[Block], found: &mut Vec<String>) {
        fn inlines(content: &[Inline], found: &mut Vec<String>) {
            for inline in content {
                match inline {
                    Inline::Link {
                        target: LinkTarget::External(href),
                        content,
                    } => {
                        found.push(href.as_str().to_owned());
                        inlines(content, found);
                    }
                    Inline::Emphasis(content) | Inline::Strong(content) | Inline::Link { content, .. } => {
                        inlines(content, found)
                    }
                    _ => {}
                }
            }
        }
        for block in blocks {
            match block {
                Block::Paragraph { content }
                | Block::Heading { content, .. }
                | Block::PullQuote { content, .. }
                | Block::Correction { content } => inlines(content, found),
                Block::List { items, .. } => items.iter().for_each(|item| addresses(item, found)),
                Block::Quote { blocks, .. } => addresses(blocks, found),
                Block::Figure { image } => {
                    found.push(image.src.clone());
                    inlines(&image.caption, found);
                }
                Block::Separator => {}
            }
        }
    }
    for vector in HOSTILE {
        let html = format!("<p>before</p>{vector}<p>after</p>");
        let found = blocks(&html);
        let text: Vec<String> = found.iter().map(Block::plain_text).collect();
        assert!(
            text.first().is_some_and(|first| first == "before"),
            "{vector}: {text:?}"
        );
        assert!(
            text.iter().any(|line| line.ends_with("after")),
            "{vector}: {text:?}"
        );
        // A browser shows these two as text (a bogus comment, then the
        // rest; a tag named `scr<script`): text is harmless, and kept.
        let shown_as_text = vector.starts_with("<![CDATA[") || vector.starts_with("<scr<script>");
        if !shown_as_text {
            let executable = |line: &String| line.contains("alert(") || line.contains("msgbox");
            assert!(!text.iter().any(executable), "{vector}: {text:?}");
        }
        let mut found_addresses = Vec::new();
        addresses(&found, &mut found_addresses);
        for address in found_addresses {
            let lower = address.to_ascii_lowercase();
            assert!(
                lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"),
                "{vector}: {address}"
            );
        }
    }
}
