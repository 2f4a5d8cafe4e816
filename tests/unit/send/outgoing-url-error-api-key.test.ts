import { describe, expect, it } from 'vitest';
import { buildOutgoing, type DraftRequest } from '../../../electron/shared/send/outgoing';

const draft = (url: string): DraftRequest => ({
  method: 'POST',
  url,
  headers: [],
  auth: { kind: 'apikey', in: 'query', pairs: [['api_key', 's3cret-value']] },
  bodyMode: 'text',
  body: '',
});

describe('the URL error of a request with an API key sent in the query', () => {
  it('says an empty URL is empty, and does not show the key', () => {
    const { errors } = buildOutgoing(draft(''), {});
    expect(errors).toEqual([{ field: 'url', message: 'URL is empty' }]);
  });

  it('quotes a half-typed URL as typed, without the key added to it', () => {
    const { errors } = buildOutgoing(draft('example.com/hook'), {});
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe('url');
    expect(errors[0]!.message).toContain('"example.com/hook"');
    expect(JSON.stringify(errors)).not.toContain('s3cret-value');
  });

  it('still sends the key in the query of a valid URL', () => {
    const built = buildOutgoing(draft('http://127.0.0.1:8080/hook#top'), {});
    expect(built.errors).toEqual([]);
    expect(built.url).toBe('http://127.0.0.1:8080/hook?api_key=s3cret-value#top');
  });
});
