// ESLint rule "layers/imports": the layering of ARCHITECTURE.md, checked on every relative import.
//   src-shared      → src-shared only (no Node, no DOM side)
//   src-renderer    → src-renderer, src-shared (never main-process code)
//   src-main/platform → platform, shared (no feature, no composition)
//   feature modules (src-main/sync, src-main/ingest/<x>, src-main/features/<x>, src-main/features/agents/<x>)
//                   → their own files, platform, shared, and other modules through their index only
//   src-main/app    → platform, shared, modules through their index (composition root)
//   electron, server, cli → app, modules' indexes, platform, shared (server and cli may not import electron)
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EXTS = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

/** Where a file sits: its layer, and for a feature module the module's folder. */
export function placeOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  if (rel.startsWith('src-shared/')) return { layer: 'shared' };
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

function resolveImport(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const e of EXTS) if (fs.existsSync(base + e) && fs.statSync(base + e).isFile()) return base + e;
  return null;
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
  if (a.layer === 'renderer')
    return b.layer === 'renderer' || b.layer === 'shared' ? null : 'the renderer never imports main-process code: call the contract';
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
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolveImport(file, spec);
      if (!target) return;
      const why = violation(file, target);
      if (why) context.report({ node, message: `'${spec}': ${why}` });
    };
    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source, n.source.value),
    };
  },
};

export default { rules: { imports: rule } };
