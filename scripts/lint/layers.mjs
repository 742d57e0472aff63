// ESLint rule "layers/imports": the layering of ARCHITECTURE.md, checked on every relative import.
//   src-shared      → src-shared only (no Node, no DOM side)
//   src-renderer    → src-renderer, src-shared (never main-process code)
//   src-main/platform → platform, shared (no feature, no composition)
//   feature modules (src-main/sync, src-main/ingest/<x>, src-main/features/<x>, src-main/features/agents/<x>)
//                   → their own files, platform, shared, and other modules through their index only
//   src-main/app    → platform, shared, modules through their index (composition root)
//   electron, server, cli → app, modules' indexes, platform, shared (server and cli may not import electron)
//   renderer panels (src-renderer/panels/<x>) → their own files, and what panels share through src-renderer/ui
// Also checked: package imports per layer (no Node built-in, pg, electron or better-sqlite3 in src-shared or
// src-renderer), every relative import resolves, require() and `import x = require()` are imports too, and
// every file of src-main sits in a layer.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EXTS = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

/** Where a file sits: its layer, and for a feature module the module's folder. */
export function placeOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  if (rel.startsWith('src-shared/')) return { layer: 'shared' };
  if (rel.startsWith('src-renderer/panels/')) return { layer: 'renderer', panel: rel.split('/')[2] };
  if (rel.startsWith('src-renderer/')) return { layer: 'renderer' };
  if (!rel.startsWith('src-main/')) return { layer: 'outside' };
  const parts = rel.split('/');
  const top = parts[1];
  if (['platform', 'app', 'electron', 'server', 'cli'].includes(top)) return { layer: top };
  if (top === 'sync') return { layer: 'module', module: 'src-main/sync' };
  if (top === 'ingest' && parts.length > 3) return { layer: 'module', module: parts.slice(0, 3).join('/') };
  if (top === 'features' && parts[2] === 'agents' && parts.length > 4) return { layer: 'module', module: parts.slice(0, 4).join('/') };
  if (top === 'features' && parts.length > 3) return { layer: 'module', module: parts.slice(0, 3).join('/') };
  return { layer: 'main-other' };
}

const isFile = (p) => fs.existsSync(p) && fs.statSync(p).isFile();

/** The file a relative import names (a `?query` stripped, `x.js` found as `x.ts`), or null. */
export function resolveImport(from, spec) {
  const bare = spec.replace(/[?#].*$/, '');
  const base = path.resolve(path.dirname(from), bare);
  for (const e of EXTS) if (isFile(base + e)) return base + e;
  const js = base.match(/^(.*)\.(m?)js(x?)$/);
  if (js) for (const e of [`.${js[2]}ts${js[3]}`, '.tsx']) if (isFile(js[1] + e)) return js[1] + e;
  return null;
}

const NODE_ONLY = new Set(['pg', 'electron', 'better-sqlite3', ...builtinModules]);

/** Why `from` may not import the package `spec`, or null. */
export function packageViolation(from, spec) {
  const layer = placeOf(from).layer;
  if (layer !== 'shared' && layer !== 'renderer') return null;
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  if (!spec.startsWith('node:') && !NODE_ONLY.has(name)) return null;
  return layer === 'shared'
    ? 'shared code runs in the renderer too: no Node built-in, pg, electron or better-sqlite3'
    : 'the renderer runs in a browser: no Node built-in, pg, electron or better-sqlite3 (call the contract)';
}

const isIndexOf = (target, module) => {
  const rel = path.relative(ROOT, target).split(path.sep).join('/');
  return rel === `${module}/index.ts` || rel === `${module}/index.tsx`;
};

/** Why `from` may not import `target`, or null. */
export function violation(from, target) {
  const a = placeOf(from);
  const b = placeOf(target);
  if (a.layer === 'outside' || a.layer === 'main-other') return null;
  if (a.layer === 'shared') return b.layer === 'shared' ? null : 'shared code imports neither the main process nor the renderer';
  if (a.layer === 'renderer') {
    if (b.layer !== 'renderer' && b.layer !== 'shared') return 'the renderer never imports main-process code: call the contract';
    if (a.panel && b.panel && a.panel !== b.panel) return `panels share code through src-renderer/ui, not panels/${b.panel}`;
    if (!a.panel && b.panel && path.relative(ROOT, from).split(path.sep).join('/').startsWith('src-renderer/ui/'))
      return 'ui/ sits below the panels and imports none of them';
    return null;
  }
  if (b.layer === 'renderer') return 'main-process code does not import the renderer';
  if (a.layer === 'platform')
    return b.layer === 'platform' || b.layer === 'shared'
      ? null
      : 'platform code imports no feature and no composition (it sits below them)';
  if (b.layer === 'module' && a.module !== b.module && !isIndexOf(target, b.module)) return `reach ${b.module} through its index`;
  if (a.layer === 'module' && ['app', 'electron', 'server', 'cli'].includes(b.layer))
    return 'a feature does not import the composition or the shells above it';
  if (a.layer === 'app' && ['electron', 'server', 'cli'].includes(b.layer))
    return 'the composition root does not import the shells that use it';
  if ((a.layer === 'server' || a.layer === 'cli') && b.layer === 'electron') return 'Electron code stays in the Electron shell';
  if (a.layer === 'electron' && (b.layer === 'server' || b.layer === 'cli'))
    return 'the Electron shell does not import the headless server or the CLI';
  return null;
}

const rule = {
  meta: { type: 'problem', docs: { description: 'imports follow the layers of ARCHITECTURE.md' }, schema: [] },
  create(context) {
    const file = context.filename;
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (!spec.startsWith('.')) {
        const why = packageViolation(file, spec);
        if (why) context.report({ node, message: `'${spec}': ${why}` });
        return;
      }
      const target = resolveImport(file, spec);
      if (!target) return context.report({ node, message: `'${spec}': no such file` });
      const why = violation(file, target);
      if (why) context.report({ node, message: `'${spec}': ${why}` });
    };
    const literal = (n) => n && n.type === 'Literal' && typeof n.value === 'string';
    return {
      Program: (n) => {
        if (placeOf(file).layer === 'main-other')
          context.report({ node: n, message: 'this file sits in no layer of ARCHITECTURE.md: move it into one' });
      },
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => literal(n.source) && check(n.source, n.source.value),
      CallExpression: (n) =>
        n.callee.type === 'Identifier' &&
        n.callee.name === 'require' &&
        literal(n.arguments[0]) &&
        check(n.arguments[0], n.arguments[0].value),
      TSImportEqualsDeclaration: (n) =>
        n.moduleReference.type === 'TSExternalModuleReference' &&
        literal(n.moduleReference.expression) &&
        check(n.moduleReference.expression, n.moduleReference.expression.value),
      TSImportType: (n) => literal(n.argument?.literal) && check(n.argument, n.argument.literal.value),
    };
  },
};

export default { rules: { imports: rule } };
