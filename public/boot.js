// Starts the reader once the page has been painted. Every page is readable
// HTML before any script runs; the wasm's download and compile must not hold
// its first paint back (on a slow phone they would). Also a file, not an
// inline script, so a strict Content-Security-Policy allows it.
const { js, wasm } = document.querySelector('script[data-brnn-app]').dataset;
await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
const bindings = await import(js);
await bindings.default({ module_or_path: wasm });
// Set once the app runs and has taken the page over.
window.wasmBindings = bindings;
