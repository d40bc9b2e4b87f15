// Temporary (the lead owns the real one): the nodejs glue, for testing this shell before the build bundles it.
export * from '../node/stream_payments.js';
