//! One file per screen a reader sees.

pub mod article;
pub mod edition;
pub mod listing;
pub mod root;
pub mod search;
