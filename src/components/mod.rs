//! Reusable pieces of the view, one component per file.

pub mod article_entry;
pub mod article_list;
pub mod body;
pub mod breadcrumb;
pub mod byline;
pub mod language_links;
pub mod load_state;
pub mod navigation_focus;
pub mod not_found;
pub mod page_head;
pub mod pager;
pub mod picture;
pub mod published_date;
pub mod search_form;
pub mod site_footer;
pub mod site_header;
