import { describe, expect, it } from 'vitest';
import { run as send } from '../../../electron/cli/commands/send';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();
const rowsFile = () => fixture.file('rows.csv', 'n,ct\n1,application/json\n2,\n');

/** stdout and stderr in the order they were written, so "before starting" can be checked. */
function orderedIo() {
  const lines: Array<{ stream: 'out' | 'err'; text: string }> = [];
  return {
    io: {
      stdout: (text: string) => lines.push({ stream: 'out', text }),
      stderr: (text: string) => lines.push({ stream: 'err', text }),
    },
    lines,
  };
}

const NOTE = 'rows whose Content-Type fills to nothing are sent with the detected type (application/json)';

describe('hookscope send --rows with a Content-Type that depends on the row', () => {
  for (const flags of [
    ['-H', 'Content-Type: {{ct}}'],
    ['-H', 'Content-Type: [ct]'],
    ['--content-type', '{{ct}}'],
  ]) {
    it(`says on stderr, before the first row is sent, what an empty one does (${flags.join(' ')})`, async () => {
      const server = await fixture.server();
      const { io, lines } = orderedIo();
      const code = await send(
        [`${server.url}/rows/{{n}}`, '--rows', rowsFile(), '-d', '{"n":"{{n}}"}', ...flags],
        io,
      );
      expect(code).toBe(0);
      expect(server.received).toHaveLength(2);
      const note = lines.findIndex((l) => l.stream === 'err' && l.text.includes(NOTE));
      expect(note).toBeGreaterThanOrEqual(0);
      expect(lines[note]!.text).toMatch(/^note: /);
      expect(note).toBeLessThan(lines.findIndex((l) => l.stream === 'out'));
    });
  }

  it('says nothing when the Content-Type is fixed', async () => {
    const server = await fixture.server();
    const { io, lines } = orderedIo();
    const flags = ['-H', 'Content-Type: application/json'];
    expect(await send([`${server.url}/rows/{{n}}`, '--rows', rowsFile(), '-d', '{}', ...flags], io)).toBe(0);
    expect(lines.filter((l) => l.stream === 'err')).toEqual([]);
  });
});
