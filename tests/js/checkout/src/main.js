// src/main.js: a checkout page's script. The same file runs with no bundler (an import map names
// the package), bundled by Vite and bundled by webpack 5. It imports the small checkout build and
// hands it to the test (tests/js/browser/checkout-build.test.mjs), which drives it in Chromium.
import * as checkout from 'stream-payments/checkout';

window.sp = checkout;
document.getElementById('out').textContent = 'ready';
