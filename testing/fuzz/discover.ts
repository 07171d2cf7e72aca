import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository root (this file lives in testing/fuzz/). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

export interface RouteTarget {
  /** 'app/api/v1/orders/[order]/route.ts#GET' */
  id: string;
  file: string;
  method: (typeof HTTP_METHODS)[number];
  /** the URL path with its dynamic segments, e.g. /api/v1/orders/[order] */
  urlPath: string;
  /** dynamic segments by name; true for catch-all ([...path]) */
  segments: { name: string; catchAll: boolean }[];
  /** query parameter names the handler reads (searchParams.get('x')) */
  queryNames: string[];
  /** string literals in the handler's file, a hint for plausible values */
  literals: string[];
}

/** Every route handler method under app/ (route.ts files; the e2e-only route.e2e.ts are left out). */
export function discoverRoutes(): RouteTarget[] {
  return walk(path.join(ROOT, 'app'))
    .filter((file) => file.endsWith(`${path.sep}route.ts`))
    .flatMap((full) => {
      const file = relative(full);
      const text = readFileSync(full, 'utf8');
      const methods = new Set<string>();
      for (const m of text.matchAll(/^export\s+(?:const|async function|function)\s+([A-Z]+)\b/gm)) methods.add(m[1]);
      for (const m of text.matchAll(/^export\s+const\s+\{([^}]+)\}/gm))
        for (const name of m[1].split(',')) methods.add(name.trim());
      const urlPath =
        '/' +
        file
          .replace(/^app\//, '')
          .replace(/\/route\.ts$/, '')
          .split('/')
          .filter((part) => !/^\(.*\)$/.test(part))
          .join('/');
      const segments = [...urlPath.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => ({
        name: m[2],
        catchAll: Boolean(m[1]),
      }));
      const queryNames = [...new Set([...text.matchAll(/\.get(?:All)?\('([^']+)'\)/g)].map((m) => m[1]))];
      const literals = [...new Set([...text.matchAll(/'([a-z][a-z0-9_.-]{1,30})'/g)].map((m) => m[1]))];
      return [...methods]
        .filter((method): method is RouteTarget['method'] => (HTTP_METHODS as readonly string[]).includes(method))
        .map((method) => ({ id: `${file}#${method}`, file, method, urlPath, segments, queryNames, literals }));
    });
}

/** Every exported server action: each export of a 'use server' module under app/ or lib/ ('file#name'). */
export function discoverServerActions(): { id: string; file: string; name: string }[] {
  return ['app', 'lib']
    .flatMap((dir) => walk(path.join(ROOT, dir)))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .flatMap((full) => {
      const text = readFileSync(full, 'utf8');
      if (!/^\s*(['"])use server\1/.test(text)) return [];
      const file = relative(full);
      return [...text.matchAll(/^export\s+(?:const|async function|function)\s+(\w+)/gm)].map((m) => ({
        id: `${file}#${m[1]}`,
        file,
        name: m[1],
      }));
    });
}
