//! Where a page keeps its parts, for the renderer that writes them
//! (`prerender.rs`), the app that takes them over (`main.rs`) and the head
//! it keeps up to date (`head.rs`).
//!
//! One more marker is an attribute the views write as a literal, as `view!`
//! wants: `data-brnn-needs-app` marks a screen that cannot work without the
//! app (search results, the network's root, the bare shell), where
//! `public/boot.js` starts the app at once; elsewhere it waits for the
//! reader's first sign of intent. `data-brnn-preload` names what such a
//! screen's app fetches first (the search page: `bundles`, the search
//! index's list of bundles), which `boot.js` fetches ahead while the app loads.
//! `data-brnn-search-index` (with `-bundles`, `-base` and `-limit`) names the
//! search page's index, and `<template data-brnn-first-results>` (with
//! `data-brnn-search-running`, the status meanwhile) holds a hit's entry, so
//! that `search_index.js` draws the address's first results before the app
//! runs; `boot.js` starts the app once they are drawn.

/// Ends the prerendered screen in the body; what comes before it is the app's.
pub const PAGE_END: &str = "<!--brnn-page-end-->";
/// The title and head tags of the screen lie between these two; both are in `index.html`.
pub const HEAD_START: &str = "<!--HEAD-->";
pub const HEAD_END: &str = "<!--/HEAD-->";
/// Names a carried document's path below the endpoint, on its JSON data block.
pub const DOCUMENT_ATTRIBUTE: &str = "data-brnn-document";
/// The id of each page's `<main>`, where the skip link leads.
pub const MAIN_ID: &str = "inhalt";

/// The children of `parent` after the comment `start` (from the first child
/// if `None`) and before the comment `end`, and that `end` comment; `None`
/// if a marker is missing.
pub fn children_between(
    parent: &web_sys::Node,
    start: Option<&str>,
    end: &str,
) -> Option<(Vec<web_sys::Node>, web_sys::Node)> {
    let nodes = parent.child_nodes();
    let nodes: Vec<web_sys::Node> = (0..nodes.length())
        .filter_map(|index| nodes.item(index))
        .collect();
    let first = match start {
        None => 0,
        Some(marker) => nodes.iter().position(|node| is_comment(node, marker))? + 1,
    };
    let length = nodes[first..].iter().position(|node| is_comment(node, end))?;
    Some((
        nodes[first..first + length].to_vec(),
        nodes[first + length].clone(),
    ))
}

/// Whether `node` is the comment `marker` (written `<!--text-->`).
fn is_comment(node: &web_sys::Node, marker: &str) -> bool {
    node.node_type() == web_sys::Node::COMMENT_NODE
        && node.node_value().is_some_and(|text| {
            marker
                .strip_prefix("<!--")
                .and_then(|inner| inner.strip_suffix("-->"))
                == Some(text.as_str())
        })
}
