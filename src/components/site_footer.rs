//! The footer of every page of an edition: its sections, the network's
//! editions, the edition's feeds, the pages of the house and the archive,
//! the copyright line; printed, only the page's address.

use brnn_model::format::Section;
use brnn_model::site::{ArchivePeriod, FeedKind, Site};
use brnn_model::slug::SectionPath;
use leptos::either::Either;
use leptos::prelude::*;

use crate::context::{use_config, CurrentEdition};
use crate::router::use_location;

/// Drawn by the edition layout, as the header is.
#[component]
pub fn SiteFooter(edition: CurrentEdition) -> impl IntoView {
    let config = use_config();
    let site = config.site.clone();
    let locale = edition.locale();
    let editions = site
        .edition_links(&edition)
        .into_iter()
        .map(|link| {
            // The name keeps its own direction; the item keeps to the column's side.
            let name = if link.current {
                Either::Left(view! { <span aria-current="page" dir="auto">{link.label}</span> })
            } else {
                Either::Right(
                    view! { <a href=link.href hreflang=link.lang.clone() dir="auto">{link.label}</a> },
                )
            };
            view! { <li lang=link.lang>{name}</li> }
        })
        .collect_view();
    let feeds = FeedKind::ALL
        .map(|kind| {
            view! { <li><a href=site.feed(&edition.id, None, kind) type=kind.media_type()>{kind.label()}</a></li> }
        })
        .to_vec();
    let house = edition
        .pages
        .iter()
        .map(|page| view! { <li><a href=site.house_page(&edition.id, &page.slug)>{page.title.clone()}</a></li> })
        .collect_view();
    let location = use_location();
    let address = move || location.with(|address| config.absolute(&address.path));
    view! {
        <footer class="site-footer">
            <div class="footer-columns">
                <div class="footer-column footer-sections">
                    <h2>{locale.sections_label}</h2>
                    <SectionTree site=site.clone() edition=edition.clone() sections=edition.sections.clone() parent=None/>
                </div>
                <div class="footer-column">
                    <h2>{locale.house_label}</h2>
                    <ul>
                        {house}
                        <li><a href=site.archive(&edition.id, ArchivePeriod::All)>{locale.archive}</a></li>
                    </ul>
                </div>
                <div class="footer-column footer-editions">
                    <h2>{locale.editions_label}</h2>
                    <ul>{editions}</ul>
                </div>
                <div class="footer-column">
                    <h2>{locale.feeds_label}</h2>
                    <ul>{feeds}</ul>
                </div>
            </div>
            {edition.copyright.clone().map(|line| view! { <p class="copyright">{line}</p> })}
            <p class="print-address">{address}</p>
        </footer>
    }
}

/// `sections` (below `parent`, or the top level) as a list, each with its own below it.
#[component]
fn SectionTree(
    site: Site,
    edition: CurrentEdition,
    sections: Vec<Section>,
    parent: Option<SectionPath>,
) -> impl IntoView {
    let items = sections
        .into_iter()
        .map(|section| {
            let path = match &parent {
                Some(parent) => parent.child(section.slug),
                None => SectionPath::from(section.slug),
            };
            let href = site.listing(&edition.id, Some(&path));
            let below = (!section.sections.is_empty()).then(|| {
                view! { <SectionTree site=site.clone() edition=edition.clone() sections=section.sections parent=Some(path)/> }
                    .into_any()
            });
            view! { <li><a href=href>{section.name}</a>{below}</li> }
        })
        .collect_view();
    view! { <ul>{items}</ul> }
}
