import { describe, expect, it } from 'vitest';
import { boundaryOf, parseMultipart, partText } from '../../../electron/shared/decode/multipart';
import { importHarEntry, replayToServer } from './har-replay';
import { useApiHarness } from './helpers';

const api = useApiHarness();
const type = 'multipart/form-data; boundary=XyZ';
/** A value that, written as it is between `--XyZ` delimiters, would close its part and open one of its own. */
const smuggling = 'one\r\n--XyZ\r\nContent-Disposition: form-data; name="extra"\r\n\r\nsmuggled';
const params = [
  { name: 'note', value: smuggling },
  { name: 'b', value: '2' },
];

/** The parts the target read from the replayed request, by the boundary its Content-Type gave. */
async function replayedParts(captureId: number, path: string) {
  const delivery = await replayToServer(api, captureId, path);
  expect(delivery.state).toBe('succeeded');
  const request = api.server.received.find((r) => r.url === path)!;
  const types = request.rawHeaders.filter(
    (_, i) => i % 2 === 1 && request.rawHeaders[i - 1]!.toLowerCase() === 'content-type',
  );
  expect(types).toHaveLength(1);
  const boundary = boundaryOf(types[0]!);
  expect(boundary).not.toBeNull();
  const { parts, error } = parseMultipart(request.body, boundary!);
  expect(error).toBeNull();
  return parts.map((p) => [p.name, partText(p)]);
}

describe('replaying a HAR multipart body rebuilt from params whose value holds the boundary', () => {
  it('sends each param as one part, under a boundary no value holds, named in the Content-Type header', async () => {
    const capture = await importHarEntry(
      api,
      '/har-boundary-in-value',
      [{ name: 'Content-Type', value: type }],
      {
        postData: { mimeType: type, params },
      },
    );
    expect(capture.warnings).toEqual([
      expect.stringMatching(/^entries\[0\]\.request\.postData\.params\[0\]\.value: holds the boundary "XyZ"/),
    ]);
    const header = capture.headers.find(([n]) => n === 'Content-Type')![1];
    expect(header).not.toBe(type);
    expect(await replayedParts(capture.id, '/replayed-boundary-in-value')).toEqual([
      ['note', smuggling],
      ['b', '2'],
    ]);
  });

  it('does the same when the type is in postData.mimeType only', async () => {
    const capture = await importHarEntry(api, '/har-boundary-in-value-mime', [], {
      postData: { mimeType: type, params },
    });
    expect(capture.headers).toEqual([]);
    expect(await replayedParts(capture.id, '/replayed-boundary-in-value-mime')).toEqual([
      ['note', smuggling],
      ['b', '2'],
    ]);
  });
});
