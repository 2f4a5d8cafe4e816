import type { DecodedNode } from './types';

/** The decoded node at `path` (as DecodedNode.path gives it), searching every section; null when none is there. */
export function findDecodedNode(sections: readonly DecodedNode[], path: string): DecodedNode | null {
  const stack = [...sections];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.path === path) return node;
    if (node.children) for (const child of node.children) stack.push(child);
  }
  return null;
}
