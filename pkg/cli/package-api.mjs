// The package's public API as the command line sees it: the one place to re-point when the
// package's Node entry moves (e.g. to a bundled pkg/dist/ layout).
export * from '../node/index.mjs';
