import { describe, expect, it } from 'vitest';
import { send } from '../../helpers/raw-http';
import { useSearchOverPosted } from '../../helpers/search-posted';

const { found } = useSearchOverPosted(async (engine) => {
  // Post data the Decoded tab reads as a form whatever the Content-Type says: none, or text/plain.
  await send(`${engine.receiverUrl}/untyped`, {
    method: 'POST',
    body: 'firstname=Jo%C3%A3o&email=joao%40example.com&data%5Bcity%5D=S%C3%A3o+Paulo',
  });
  await send(`${engine.receiverUrl}/plain`, {
    method: 'POST',
    headers: [['Content-Type', 'text/plain']],
    body: 'firstname=Ren%C3%A9e&lastname=Faulkner',
  });
});

describe('a form body sent without a form Content-Type is searched as the Decoded tab reads it', () => {
  it.each([
    ['João', '/untyped'],
    ['joao@example.com', '/untyped'],
    ['São Paulo', '/untyped'],
    ['data[city]', '/untyped'],
    ['Renée', '/plain'],
    ['C3%A3o', '/untyped'], // and still as sent
  ])('%s', (text, path) => {
    expect(found(text)).toEqual([path]);
  });
});
