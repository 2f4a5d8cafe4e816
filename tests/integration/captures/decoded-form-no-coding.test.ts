import { describe, expect, it } from 'vitest';
import { inProcessCall } from '../../helpers/in-process-call';
import { postedJsonCaptureId } from '../../helpers/posted-capture';
import { useTestEngine } from '../../helpers/test-engine';

// A decoded read of a body in no coding at all is refused: the message names both headers a coding could come from,
// since a body is decoded for a transfer coding (`Transfer-Encoding: gzip, chunked`) as for a Content-Encoding.
const t = useTestEngine();
const call = inProcessCall(() => t.engine);

describe('captures.body in the decoded form, of a body with no coding', () => {
  it('says there is no Content-Encoding or Transfer-Encoding coding to undo', async () => {
    const id = await postedJsonCaptureId(t.engine, '{"plain":"json"}');
    await expect(async () => call('captures.body', { id, form: 'decoded' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: `form: capture ${id} has no Content-Encoding or Transfer-Encoding coding to undo.`,
    });
  });
});
