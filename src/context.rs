//! What a view reads from around it: the configuration, the edition it is
//! in, and the interface language.
//!
//! Routes and components both use this module; it uses neither, so the
//! imports of `src/` run one way: `lib` → `routes` → `components` → `context`.

use std::ops::Deref;
use std::sync::Arc;

use brnn_model::format::Edition;
use brnn_model::locale::Locale;
use leptos::prelude::*;

use crate::config::Config;

/// The run-time settings the app started with.
pub fn use_config() -> Config {
    expect_context()
}

/// The loaded document of the edition a page belongs to. The edition layout
/// provides it to the screens below once it has it, so they never wait for it.
#[derive(Debug, Clone)]
pub struct CurrentEdition(Arc<Edition>);

impl CurrentEdition {
    pub fn new(edition: Edition) -> Self {
        Self(Arc::new(edition))
    }

    /// The edition's interface language.
    pub fn locale(&self) -> &'static Locale {
        Locale::for_lang(&self.0.lang)
    }
}

impl Deref for CurrentEdition {
    type Target = Edition;

    fn deref(&self) -> &Edition {
        &self.0
    }
}

/// The edition of the screen being drawn; only screens below the edition layout have one.
pub fn use_edition() -> CurrentEdition {
    expect_context()
}

/// The interface language in force: the edition's where there is one, the
/// default language before an edition is known (loading it, or an address
/// outside every edition).
pub fn use_locale() -> &'static Locale {
    use_context::<CurrentEdition>().map_or_else(|| Locale::for_lang(""), |edition| edition.locale())
}
