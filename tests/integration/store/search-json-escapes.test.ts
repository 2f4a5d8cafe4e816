import { describe, expect, it } from 'vitest';
import { send } from '../../helpers/raw-http';
import { useSearchOverPosted } from '../../helpers/search-posted';

const { found } = useSearchOverPosted(async (engine) => {
  // PHP's json_encode (Ontraport, WP Fusion) writes every non-ASCII character as \uXXXX and "/" as "\/"; Go's
  // encoding/json writes &, < and > as \u0026, \u003c, \u003e.
  await send(`${engine.receiverUrl}/php`, {
    method: 'POST',
    headers: [['Content-Type', 'application/json']],
    body: '{"data":{"firstname":"Jos\\u00e9","lastname":"M\\u00fcller","website":"https:\\/\\/ex.com\\/pricing"}}',
  });
  await send(`${engine.receiverUrl}/go`, {
    method: 'POST',
    headers: [['Content-Type', 'application/json']],
    body: '{"str::c":"https://ex.com/?a=1\\u0026utm_source=spring"}',
  });
  // Plain text is not JSON: its backslashes are characters, not escapes.
  await send(`${engine.receiverUrl}/text`, {
    method: 'POST',
    headers: [['Content-Type', 'text/plain']],
    body: 'saved to C:\\new\\tables',
  });
});

describe('search finds JSON strings as the Decoded tab shows them, not only as escaped', () => {
  it.each([
    ['José', '/php'],
    ['Müller', '/php'],
    ['https://ex.com/pricing', '/php'],
    ['utm_source', '/go'],
    ['u00e9', '/php'], // and still as sent
  ])('%s', (text, path) => {
    expect(found(text)).toEqual([path]);
  });

  it('leaves the backslashes of plain text alone', () => {
    expect(found('ables')).toEqual([]);
    expect(found('tables')).toEqual(['/text']);
  });
});
