//! The date archive: the months that have articles, a month's days, and a
//! day's articles in the newsroom's calendar.

use brnn_model::date::YearMonth;
use brnn_model::format::{ArchiveIndex, DayArchive, MonthArchive};
use brnn_model::site::{ArchivePeriod, Crumb};
use brnn_model::structured_data::{breadcrumb_list, collection_page};
use leptos::prelude::*;

use crate::components::article_list::SummaryEntry;
use crate::components::breadcrumb::Breadcrumb;
use crate::components::load_state::load_state;
use crate::components::page_head::{PageHead, PageKind};
use crate::context::{use_config, use_edition, use_locale};

/// `/{edition}/archive/`, `…/archive/2025/11/`, `…/archive/2025/11/04`.
#[component]
pub fn ArchiveScreen(period: ArchivePeriod) -> impl IntoView {
    let edition = use_edition();
    let endpoint = use_config().endpoint;
    match period {
        ArchivePeriod::All => load_state(endpoint.archive_index(&edition.id), |index| {
            view! { <ArchiveIndexView index/> }
        })
        .into_any(),
        ArchivePeriod::Month(month) => load_state(endpoint.archive_month(&edition.id, month), |month| {
            view! { <MonthView month/> }
        })
        .into_any(),
        ArchivePeriod::Day(date) => load_state(endpoint.archive_day(&edition.id, date), |day| {
            view! { <DayView day/> }
        })
        .into_any(),
    }
}

#[component]
fn ArchiveIndexView(index: ArchiveIndex) -> impl IntoView {
    let edition = use_edition();
    let site = use_config().site;
    let locale = use_locale();
    let years = by_year(&index.months)
        .into_iter()
        .map(|(year, months)| {
            let months = months
                .into_iter()
                .map(|month| {
                    let href = site.archive(&edition.id, ArchivePeriod::Month(month));
                    view! { <li><a href=href>{locale.month_name(month)}</a></li> }
                })
                .collect_view();
            view! {
                <section class="archive-year">
                    <h2>{year}</h2>
                    <ul class="archive-periods">{months}</ul>
                </section>
            }
        })
        .collect_view();
    view! { <ArchivePage period=ArchivePeriod::All>{years}</ArchivePage> }
}

/// `months` (newest first) by their year, newest first.
fn by_year(months: &[YearMonth]) -> Vec<(i32, Vec<YearMonth>)> {
    let mut years: Vec<(i32, Vec<YearMonth>)> = Vec::new();
    for month in months {
        match years.last_mut() {
            Some((year, same)) if *year == month.year => same.push(*month),
            _ => years.push((month.year, vec![*month])),
        }
    }
    years
}

#[component]
fn MonthView(month: MonthArchive) -> impl IntoView {
    let edition = use_edition();
    let site = use_config().site;
    let locale = use_locale();
    let days = month
        .days
        .into_iter()
        .map(|day| {
            let href = site.archive(&edition.id, ArchivePeriod::Day(day.date));
            view! {
                <li>
                    <a href=href><time datetime=day.date.to_string()>{locale.long_date(day.date)}</time></a>
                    " "<span class="archive-count">{locale.article_count(day.articles)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <ArchivePage period=ArchivePeriod::Month(month.month)>
            <ul class="archive-periods">{days}</ul>
        </ArchivePage>
    }
}

#[component]
fn DayView(day: DayArchive) -> impl IntoView {
    let entries = day
        .articles
        .into_iter()
        .map(|summary| view! { <li><SummaryEntry summary/></li> })
        .collect_view();
    view! {
        <ArchivePage period=ArchivePeriod::Day(day.date)>
            <ol class="article-list">{entries}</ol>
        </ArchivePage>
    }
}

/// A page of the archive: its head, the breadcrumb down to it, its heading, then `children`.
#[component]
fn ArchivePage(period: ArchivePeriod, children: Children) -> impl IntoView {
    let edition = use_edition();
    let config = use_config();
    let locale = use_locale();
    let site = &config.site;
    let crumb = |period| Crumb {
        label: match period {
            ArchivePeriod::All => locale.archive.to_owned(),
            ArchivePeriod::Month(month) => locale.month_name(month),
            ArchivePeriod::Day(date) => locale.long_date(date),
        },
        href: site.archive(&edition.id, period),
    };
    let mut crumbs = site.breadcrumb(&edition, None).unwrap_or_default();
    crumbs.push(crumb(ArchivePeriod::All));
    match period {
        ArchivePeriod::All => {}
        ArchivePeriod::Month(month) => crumbs.push(crumb(ArchivePeriod::Month(month))),
        ArchivePeriod::Day(date) => crumbs.extend([
            crumb(ArchivePeriod::Month(date.year_month())),
            crumb(ArchivePeriod::Day(date)),
        ]),
    }
    let heading = crumbs.last().map(|crumb| crumb.label.clone()).unwrap_or_default();
    PageHead {
        title: format!("{heading} – {}", edition.name),
        description: format!("{} – {heading}", locale.archive),
        path: site.archive(&edition.id, period),
        kind: PageKind::Website,
        data: |url: &str, _: &str| {
            vec![
                collection_page(&edition, &heading, url),
                breadcrumb_list(&crumbs, |path| config.absolute(path)),
            ]
        },
        links: Vec::new(),
        alternates: Vec::new(),
        image: None,
    }
    .show();
    view! {
        <Breadcrumb crumbs/>
        <h1>{heading}</h1>
        {children()}
    }
}
