// A minimal CommonJS loader for the browser, so that packages published only as CommonJS
// (wink-nlp, wink-eng-lite-web-model) run on the benchmark page without a bundler and without
// changing their code: it fetches the module graph (relative require('./x.js') / '.json'
// calls only), then evaluates each module with its own module/exports/require, as Node does.

const sources = new Map(); // absolute URL -> { kind: 'js' | 'json', text }
const modules = new Map(); // absolute URL -> module

const REQUIRE = /\brequire\s*\(\s*(['"])([^'"]+)\1\s*\)/g;

function resolve(spec, from) {
  if (!spec.startsWith('./') && !spec.startsWith('../') && !spec.startsWith('/')) return null;
  return new URL(spec, from).href;
}

async function fetchGraph(url) {
  if (sources.has(url)) return;
  sources.set(url, null); // claimed
  const res = await fetch(url);
  if (!res.ok) throw new Error(`cjs: ${url}: HTTP ${res.status}`);
  const text = await res.text();
  const kind = url.endsWith('.json') ? 'json' : 'js';
  sources.set(url, { kind, text });
  if (kind === 'js') {
    const deps = new Set();
    for (const m of text.matchAll(REQUIRE)) {
      const dep = resolve(m[2], url);
      if (dep) deps.add(dep); // bare names (e.g. in comments) are ignored unless required
    }
    await Promise.all([...deps].map(fetchGraph));
  }
}

function requireUrl(url) {
  const cached = modules.get(url);
  if (cached) return cached.exports;
  const src = sources.get(url);
  if (!src) throw new Error(`cjs: ${url} was not loaded (only relative requires are supported)`);
  const module = { exports: {} };
  modules.set(url, module);
  if (src.kind === 'json') module.exports = JSON.parse(src.text);
  else {
    // eslint-disable-next-line no-new-func
    const fn = new Function('module', 'exports', 'require', `${src.text}\n//# sourceURL=${url}`);
    fn.call(module.exports, module, module.exports, (spec) => {
      const dep = resolve(spec, url);
      if (!dep) throw new Error(`cjs: cannot require '${spec}' from ${url}`);
      return requireUrl(dep);
    });
  }
  return module.exports;
}

/** Loads the CommonJS module at `path` (and what it requires); resolves to its exports. */
export async function requireAsync(path) {
  const url = new URL(path, location.href).href;
  await fetchGraph(url);
  return requireUrl(url);
}
