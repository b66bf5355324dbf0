//! Mounts the reader; everything else is in the library.

fn main() {
    console_error_panic_hook::set_once();
    // index.html shows a loading line until the app runs; the app has its own.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(brnn_news::App);
}
