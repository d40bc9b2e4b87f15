export * from '../web/stream_payments.js';
