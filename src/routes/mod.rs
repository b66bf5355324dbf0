//! One file per screen a reader sees.

pub mod archive;
pub mod article;
pub mod edition;
pub mod front;
pub mod house;
pub mod listing;
pub mod root;
pub mod search;
