// Errors the stores throw at the JS API; the control API turns them into 404 / 409 / 400.
export class NotFoundError extends Error {}
export class StateError extends Error {}
