// Routing by URL hash: the view and its filters live in the URL, so that a view can be shared,
// bookmarked and reloaded as it was (#/findings?severity=high&namespace=payments).

/** The current route: {path, params} from "#/path?query". */
export function currentRoute() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = decode(q < 0 ? raw : raw.slice(0, q));
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  return { path: path || '/', params };
}

/** Browsers percent-encode the hash; a malformed escape is kept as it is rather than failing. */
function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch (e) {
    return text;
  }
}

/** "#/path?query" for a path and an object or URLSearchParams of parameters (empty ones dropped). */
export function link(path, params = {}) {
  const q = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
  for (const [k, v] of entries) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const text = q.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

/** Go to a route; replace keeps filter edits from filling the browser history. */
export function navigate(path, params, replace = false) {
  const target = link(path, params);
  if (target === location.hash) return;
  if (replace) {
    history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else location.hash = target;
}
