import { describe, expect, it } from 'vitest';
import { toCurl } from '../../../electron/engine/captures/export';
import { rawTargets } from '../../helpers/raw-target';
import { useApiHarness } from '../delivery/helpers';

// A cURL export under a base URL with a path of its own (the CLI's `--base-url https://host/prefix`) puts each
// capture's target after that path. A target holding a raw # is sent apart with --request-target, which replaces the
// URL's whole path: the command asked for /frag#x, not /prefix/frag#x as every other capture's command does.
const api = useApiHarness();

const { captureRaw, askedFor } = rawTargets(api);

describe('a cURL export under a base URL with a path', () => {
  it('keeps that path before a target holding a raw #', async () => {
    const capture = await captureRaw('/frag#x?y=1');
    expect(await askedFor(toCurl(capture, `${api.server.url}/prefix`, null))).toBe('/prefix/frag#x?y=1');
  });

  it('as it does before any other target', async () => {
    const capture = await captureRaw('/plain?y=1');
    expect(await askedFor(toCurl(capture, `${api.server.url}/prefix`, null))).toBe('/prefix/plain?y=1');
  });

  it('sends a raw # target as received under a base URL without a path', async () => {
    const capture = await captureRaw('/q?a=1#b');
    expect(await askedFor(toCurl(capture, api.server.url, null))).toBe('/q?a=1#b');
  });
});
