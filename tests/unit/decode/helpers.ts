import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DecodedNode, DecodeInput, DecodeResult } from '../../../electron/shared/decode/index';

export const samplesDir = join(import.meta.dirname, '../../../../shared/reference/samples');
export const fixturesDir = join(import.meta.dirname, 'fixtures');

export function input(
  body: string | Uint8Array,
  contentType: string | null = 'application/json',
  query = '',
): DecodeInput {
  return {
    method: 'POST',
    path: '/',
    query,
    headers: contentType ? [['Content-Type', contentType]] : [],
    contentType,
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  };
}

export const sample = (name: string) => new Uint8Array(readFileSync(join(fixturesDir, name)));

/** Find a node by path anywhere in the result. */
export function node(result: DecodeResult, path: string): DecodedNode {
  const stack = [...result.sections];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.path === path) return n;
    if (n.children) stack.push(...n.children);
  }
  throw new Error(`no node at ${path}; paths: ${allPaths(result).slice(0, 40).join(', ')}`);
}

export function allPaths(result: DecodeResult): string[] {
  const out: string[] = [];
  const stack = [...result.sections];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n.path);
    if (n.children) stack.push(...n.children);
  }
  return out;
}

export function countNodes(result: DecodeResult): number {
  return allPaths(result).length;
}
