//! When the app fetches a document ahead of a click: a pointer resting on
//! a link, or an article read to its end. Never on a connection whose
//! reader asked to save data, or one as slow as 2G, where a guess costs
//! more than it saves; and no more than [`LIMIT`] documents a visit.

/// The most documents fetched ahead in one visit of the app.
pub const LIMIT: usize = 24;

/// Whether a connection allows fetching ahead: `save_data` and
/// `effective_type` as the browser's Network Information API says them
/// (`effective_type` absent where the browser does not say).
pub fn allowed(save_data: bool, effective_type: Option<&str>) -> bool {
    !save_data && !matches!(effective_type, Some("slow-2g" | "2g"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saving_data_or_a_2g_connection_fetches_nothing_ahead() {
        assert!(allowed(false, None));
        assert!(allowed(false, Some("4g")));
        assert!(allowed(false, Some("3g")));
        assert!(!allowed(true, Some("4g")));
        assert!(!allowed(false, Some("2g")));
        assert!(!allowed(false, Some("slow-2g")));
    }
}
