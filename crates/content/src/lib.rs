//! The brnn-news content tool as a library: what `brnn-content` does, with
//! its results as values. The binary (`src/main.rs`) only parses arguments
//! and prints.
//!
//! | module | what |
//! | --- | --- |
//! | [`commands`] | the four commands: import, check, build, generate; the lock that keeps two builds out of one site |
//! | [`library`] | all sources of the content folder, read and checked as a whole |
//! | [`article_card`] | what the library keeps of each article: what lists show, without its body |
//! | [`source_cache`] | the sources the last build parsed, so that a build parses only those that changed |
//! | [`network`] | `network.toml`: site address, editions, section trees |
//! | [`article_source`] | one article source file: parse, check, render |
//! | [`house_page`] | one page of the house (about, imprint, …): parse, check |
//! | [`markdown`] | an article's body in CommonMark, read into blocks |
//! | [`images`] | photos: read, checked, credited, and their renditions made and cached |
//! | [`import`] | articles from elsewhere into sources: a plain-text page of the network, feeds, WordPress; HTML sanitized into blocks |
//! | [`build`] | the endpoint, feeds and sitemaps written from a library |
//! | [`watch`] | `build --watch`: the content folder's changes, which build the site again |
//! | [`generate`] | synthetic sample articles |
//! | [`problem`] | a problem located by file and line |
//! | `translations` | translations named in sources, checked across editions and resolved |
//! | `article_links` | links to articles in bodies, checked across editions |
//! | `source_ids` | the ids of each edition's sources, for what links and translations may point to |
//! | `this_build` | this tool's own build, for what a new build may make differently |
//! | `file_time` | files' modification times as the build's records keep them |
//! | `whole_file` | the tool's own records, each written whole or not at all |

pub mod article_card;
mod article_links;
pub mod article_source;
pub mod build;
pub mod commands;
mod file_time;
pub mod generate;
pub mod house_page;
pub mod images;
pub mod import;
pub mod library;
pub mod markdown;
pub mod network;
pub mod problem;
pub mod source_cache;
mod source_ids;
mod this_build;
mod translations;
pub mod up_to_date;
pub mod watch;
mod whole_file;

/// Progress of long commands; [`ProgressBar::hidden`] draws nothing.
pub use indicatif::ProgressBar;
