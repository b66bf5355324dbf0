//! The brnn-news content model, shared by the reader (wasm) and the content
//! tool (native): publication dates, the one list order, paging, the
//! endpoint's JSON format and its decoding, the interface language, and a
//! page's versions in the network's other languages.
//!
//! Nothing here touches the DOM or the network, so all of it is tested with
//! a plain `cargo test`.

pub mod alternates;
pub mod body;
pub mod date;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod format;
pub mod front;
pub mod link_click;
pub mod load;
pub mod locale;
pub mod paging;
pub mod prefetch;
pub mod search;
pub mod site;
pub mod slug;
pub mod sorting;
pub mod structured_data;
