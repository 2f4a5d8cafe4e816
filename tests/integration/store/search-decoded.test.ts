import { describe, expect, it } from 'vitest';
import { rawExchange, send } from '../../helpers/raw-http';
import { useSearchOverPosted } from '../../helpers/search-posted';

const { found } = useSearchOverPosted(async (engine) => {
  await send(`${engine.receiverUrl}/forms/post`, {
    method: 'POST',
    headers: [['Content-Type', 'application/x-www-form-urlencoded']],
    body: 'data%5Bid%5D=42&name=Mary+Ann&city=S%C3%A3o+Paulo',
  });
  // A form with a file upload: the file's bytes (with NULs) must not hide the text fields from search.
  await send(`${engine.receiverUrl}/forms/upload`, {
    method: 'POST',
    headers: [['Content-Type', 'multipart/form-data; boundary=----hs42']],
    body: Buffer.concat([
      Buffer.from(
        '------hs42\r\nContent-Disposition: form-data; name="note"\r\n\r\nrefund requested by Zelda\r\n' +
          '------hs42\r\nContent-Disposition: form-data; name="receipt"; filename="receipt-0917.pdf"\r\n' +
          'Content-Type: application/pdf\r\n\r\n',
      ),
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 0, 1, 2, 0xff, 0xfe, 0]),
      Buffer.from(
        '\r\n------hs42\r\nContent-Disposition: form-data; name="order"\r\n\r\nquixotic-7781\r\n------hs42--\r\n',
      ),
    ]),
  });
  // Bodies in the charset their Content-Type declares: searched as the characters sent.
  await send(`${engine.receiverUrl}/charset/latin1`, {
    method: 'POST',
    headers: [['Content-Type', 'application/json; charset=iso-8859-1']],
    body: Buffer.from('{"name":"Jos\u00e9 M\u00fcller-Brandywine"}', 'latin1'),
  });
  await send(`${engine.receiverUrl}/charset/utf16`, {
    method: 'POST',
    headers: [['Content-Type', 'text/plain; charset=utf-16le']],
    body: Buffer.from('\ufeffZoë Ravenclaw', 'utf16le'),
  });
  // Percent-escapes of Latin-1 bytes (not UTF-8), as an ISO-8859-1 form sends them.
  await send(`${engine.receiverUrl}/forms/latin1`, {
    method: 'POST',
    headers: [['Content-Type', 'application/x-www-form-urlencoded; charset=iso-8859-1']],
    body: 'name=Ren%E9e+Faulkner&note=100%25+sure',
  });
  await send(`${engine.receiverUrl}/unicode/${encodeURIComponent('日本語')}/x`, { method: 'GET' });
  // UTF-8 header bytes, which Node reads as Latin-1: stored as `cafÃ©`, searched as the sender wrote it.
  const port = Number(new URL(engine.receiverUrl).port);
  await rawExchange(
    port,
    Buffer.concat([
      Buffer.from('GET /utf8-header HTTP/1.1\r\nHost: x\r\nX-Name: caf'),
      Buffer.from([0xc3, 0xa9]),
      Buffer.from('-quetzal\r\nConnection: close\r\n\r\n'),
    ]),
  );
});

describe('search finds what the UI shows, not only the bytes as sent', () => {
  it.each([
    ['data[id]', '/forms/post'],
    ['São', '/forms/post'],
    ['Mary Ann', '/forms/post'],
    ['5Bid', '/forms/post'], // and still the raw form
    ['Zelda', '/forms/upload'], // a text field before the file
    ['quixotic', '/forms/upload'], // and after it
    ['receipt-0917.pdf', '/forms/upload'], // the file by its name
    ['日本語', `/unicode/${encodeURIComponent('日本語')}/x`],
    ['café-quetzal', '/utf8-header'],
    ['cafÃ©-quetzal', '/utf8-header'], // and as stored
    ['José', '/charset/latin1'],
    ['Renée Faulkner', '/forms/latin1'],
    ['Brandywine', '/charset/latin1'],
    ['Zoë Ravenclaw', '/charset/utf16'],
  ])('%s', (text, path) => {
    expect(found(text)).toEqual([path]);
  });
});
