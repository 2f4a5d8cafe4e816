import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';
import { rawTargets } from '../../helpers/raw-target';
import { useApiHarness } from '../delivery/helpers';

const api = useApiHarness();

const { captureRaw, exported, curlRequest } = rawTargets(api);

const captureAsteriskForm = () => captureRaw('*', 'OPTIONS');

async function curlExport(id: number): Promise<string> {
  return (await exported(id, 'curl')).replace(/^#!.*\n/, '').trim();
}

describe('an OPTIONS * (asterisk-form target) capture', () => {
  it('is exported as a cURL command that sends OPTIONS *, not OPTIONS /*', async () => {
    const command = await curlExport((await captureAsteriskForm()).id);
    expect(await curlRequest(command)).toMatchObject({ method: 'OPTIONS', url: '*' });
  });

  it('is refused by the cURL import with the reason, rather than sent to a path', async () => {
    const command = await curlExport((await captureAsteriskForm()).id);
    expect(() => parseCurl(command)).toThrow(/--request-target: .*OPTIONS \*.*cannot be sent from here/);
  });
});
