import { describe, expect, it } from 'vitest';
import { resolveTemplate } from '../../../electron/shared/send/merge-fields';
import { resolveSaved } from '../../../renderer/src/features/deliveries/send-saved';

const env = { baseUrl: 'http://127.0.0.1:8080', host: 'hooks.example.com' };
const url = (template: string) => resolveTemplate(template, { id: 'a/b' }, env, { escape: 'whole-url' }).text;

describe('a URL template typed or pasted with leading whitespace', () => {
  it('fills a base URL variable as it is, as without the whitespace (the URL is trimmed before sending)', () => {
    expect(url(' {{baseUrl}}/hook?id=[id]').trim()).toBe('http://127.0.0.1:8080/hook?id=a%2Fb');
    expect(url('\n\t{{baseUrl}}/hook').trim()).toBe('http://127.0.0.1:8080/hook');
    expect(url('  https://{{host}}/hook').trim()).toBe('https://hooks.example.com/hook');
  });

  it('sends a saved webhook whose URL starts with a space to its base URL', () => {
    const { request, unresolved } = resolveSaved(
      {
        id: 1,
        collectionId: null,
        name: 'pasted',
        method: 'POST',
        url: ' {{baseUrl}}/hook',
        headers: [],
        body: '',
        policy: 'none',
        options: {},
        createdAtMs: 0,
        updatedAtMs: 0,
      },
      env,
    );
    expect(unresolved).toEqual([]);
    expect(new URL(request.url.trim()).href).toBe('http://127.0.0.1:8080/hook');
  });
});
