//! A page of the house: about the newsroom, its imprint, privacy, contact.

use brnn_model::format::HousePage;
use brnn_model::site::Crumb;
use brnn_model::slug::Slug;
use brnn_model::structured_data::breadcrumb_list;
use leptos::prelude::*;

use crate::components::body::ArticleBody;
use crate::components::breadcrumb::Breadcrumb;
use crate::components::load_state::load_state;
use crate::components::page_head::{PageHead, PageKind};
use crate::components::published_date::PublishedDate;
use crate::context::{use_config, use_edition, use_locale};

/// `/{edition}/info/{slug}`.
#[component]
pub fn HouseScreen(slug: Slug) -> impl IntoView {
    let page = use_config().endpoint.house_page(&use_edition().id, &slug);
    load_state(page, |page| view! { <HouseView page/> })
}

#[component]
fn HouseView(page: HousePage) -> impl IntoView {
    let edition = use_edition();
    let config = use_config();
    let path = config.site.house_page(&edition.id, &page.slug);
    let mut crumbs = config.site.breadcrumb(&edition, None).unwrap_or_default();
    crumbs.push(Crumb {
        label: page.title.clone(),
        href: path.clone(),
    });
    PageHead {
        title: format!("{} – {}", page.title, edition.name),
        description: page.description(),
        path,
        kind: PageKind::Website,
        data: |_: &str, _: &str| vec![breadcrumb_list(&crumbs, |path| config.absolute(path))],
        links: Vec::new(),
        alternates: Vec::new(),
        image: None,
    }
    .show();
    let updated = page.updated.map(|updated| {
        view! { <p class="updated">{use_locale().updated_label()}<PublishedDate published=updated/></p> }
    });
    view! {
        <Breadcrumb crumbs/>
        <article class="article house-page">
            <h1>{page.title}</h1>
            <ArticleBody blocks=page.body/>
            {updated}
        </article>
    }
    .into_any()
}
