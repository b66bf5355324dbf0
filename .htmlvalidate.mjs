// html-validate's rules for the built pages (dist/**/*.html), read by
// tests/validate.test.mjs and by `npx html-validate dist`. A JavaScript file,
// not .htmlvalidate.json, so that every rule turned off says why.
export default {
  // No configuration above the checkout applies.
  root: true,
  // Every page is a whole document: `document` adds the doctype, heading
  // levels, references (aria-labelledby and the like) and SRI.
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // Trunk removes its <link data-trunk> lines from index.html but leaves their indentation: blank lines in the head.
    'no-trailing-whitespace': 'off',
    // Trunk writes its stylesheet <link .../> self-closed, the shell and Leptos write <link>; HTML allows both.
    'void-style': 'off',
    // A title is "headline – edition" (src/routes/article.rs): a search engine shortens it in its results, no error.
    'long-title': 'off',
    // SRI guards files from other hosts; boot.js comes from the page's own (the hashed CSS carries one anyway).
    'require-sri': ['error', { target: 'crossorigin' }],
  },
};
