import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md: dependencies point one way. core ← formats, extract, storage ← server, cli;
 * web talks to the server only through protocol. This test reads every import to hold that.
 */
const ALLOWED: Record<string, string[]> = {
  core: [],
  protocol: ['core'],
  formats: ['core'],
  extract: ['core'],
  storage: ['core'],
  server: ['core', 'protocol', 'storage', 'formats', 'extract'],
  cli: ['core', 'protocol', 'storage', 'server', 'formats', 'extract'],
  web: ['core', 'protocol'],
};

const root = fileURLToPath(new URL('../../packages/', import.meta.url));
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  // A package named in DESIGN.md that has not landed yet (extract) has nothing to check.
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '');
}

describe('dependency direction', () => {
  for (const [pkg, allowed] of Object.entries(ALLOWED)) {
    it(`${pkg} imports only ${allowed.length ? allowed.join(', ') : 'nothing of ours'}`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(join(root, pkg, 'src'))) {
        for (const spec of importsOf(file)) {
          const ours = /^@weft\/([a-z-]+)/.exec(spec)?.[1];
          if (ours && ours !== pkg && !allowed.includes(ours))
            violations.push(`${relative(root, file)} → ${spec}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('core is pure: no Node built-ins and no third-party packages outside its tests', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(join(root, 'core', 'src'))) {
      if (file.endsWith('.test.ts')) continue;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) violations.push(`${relative(root, file)} → ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
