// The timers the installed package sets, seen through the global setTimeout / clearTimeout it
// calls: a test waits for "the client is waiting now" and asserts "nothing of the call is left"
// on them, instead of on a time.

const fromPackage = (stack) =>
  stack.split('\n').slice(2).some((line) => line.includes('/node_modules/stream-payments/') && !line.includes('/node_modules/stream-payments/mock/'));

/** Starts tracking; `pending()` lists the delays of the package's timers not yet fired or
 *  cleared, `restore()` puts the globals back. */
export function trackClientTimers() {
  const { setTimeout: set, clearTimeout: clear } = globalThis;
  const live = new Map();
  globalThis.setTimeout = function setTimeout(callback, ms, ...args) {
    const mine = fromPackage(new Error().stack ?? '');
    const timer = set((...a) => {
      live.delete(timer);
      callback(...a);
    }, ms, ...args);
    if (mine) live.set(timer, ms);
    return timer;
  };
  globalThis.clearTimeout = function clearTimeout(timer) {
    live.delete(timer);
    clear(timer);
  };
  return {
    pending: () => [...live.values()],
    restore() {
      globalThis.setTimeout = set;
      globalThis.clearTimeout = clear;
    },
  };
}
