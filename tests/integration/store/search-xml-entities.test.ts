import { describe, expect, it } from 'vitest';
import { send } from '../../helpers/raw-http';
import { useSearchOverPosted } from '../../helpers/search-posted';

const { found } = useSearchOverPosted(async (engine) => {
  // Ontraport's XML post data (seed 000) with character references, as an XML writer escapes what it will not write.
  await send(`${engine.receiverUrl}/xml`, {
    method: 'POST',
    headers: [['Content-Type', 'application/xml']],
    body:
      '<?xml version="1.0"?><contact><firstname>Jos&#233;</firstname><lastname>M&#xFC;ller</lastname>' +
      '<company>Smith &amp; Sons</company><website>https://ex.com/?a=1&amp;utm_source=spring</website></contact>',
  });
});

describe('an XML body is searched as the Decoded tab reads its text, character references read', () => {
  it.each([
    ['José', '/xml'],
    ['Müller', '/xml'],
    ['utm_source', '/xml'],
    ['#233', '/xml'], // and still as sent
  ])('%s', (text, path) => {
    expect(found(text)).toEqual([path]);
  });
});
