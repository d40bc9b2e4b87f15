// A tiny path router: '/api/v2/payments/:id/refund' patterns, matched segment by segment.

export function createRouter() {
  const routes = [];
  return {
    add(method, pattern, handler) {
      routes.push({ method, segments: pattern.split('/'), handler });
      return this;
    },
    /** { handler, params } | { allowed: [methods] } when only the method is wrong | null */
    match(method, path) {
      const parts = path.split('/');
      let allowed = null;
      for (const r of routes) {
        if (r.segments.length !== parts.length) continue;
        const params = {};
        let ok = true;
        for (let i = 0; i < parts.length && ok; i++) {
          const s = r.segments[i];
          if (s.startsWith(':')) {
            try {
              params[s.slice(1)] = decodeURIComponent(parts[i]);
            } catch {
              params[s.slice(1)] = parts[i];
            }
            ok = parts[i] !== '';
          } else ok = s === parts[i];
        }
        if (!ok) continue;
        if (r.method === method || (method === 'HEAD' && r.method === 'GET')) return { handler: r.handler, params };
        (allowed ??= []).push(r.method);
      }
      return allowed ? { allowed } : null;
    },
  };
}
