// Injected into the CommonJS bundles (see build.mjs): ES modules bundled into them
// (tinyglobby's fdir) read import.meta.url, which CommonJS does not have.
export const importMetaUrl = require('url').pathToFileURL(__filename).href;
