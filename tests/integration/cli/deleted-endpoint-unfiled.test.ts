import { describe, expect, it } from 'vitest';
import { toFilter } from '../../../electron/cli/filter-flags';
import { openReaderStores } from '../../../electron/engine/store/open-reader-stores';
import { openStores } from '../../../electron/engine/store/open-stores';
import { systemClock } from '../../../electron/engine/util/clock';
import { useCleanup } from '../../helpers/cleanup';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';

const cleanups = useCleanup();

/**
 * The app acknowledges a capture on an inbox row and files it soon after; the CLI beside it never files. A deleted
 * endpoint whose only kept capture is still in the inbox is an endpoint with kept captures all the same.
 */
describe('--endpoint with the id of a deleted endpoint whose captures are not filed yet', () => {
  it('is taken, not refused as a typo', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.cleanup());
    const app = openStores({ dataDir: dir.path, clock: systemClock, filing: 'never' });
    const { id } = app.endpoints.create({ slug: 'orders', name: 'Orders' });
    await app.captures.add(newCapture({ path: '/h/orders/1', endpointId: id }));
    app.endpoints.delete(id);
    app.captures.close();
    app.db.close();

    const cli = openReaderStores(dir.path);
    cleanups.push(() => {
      cli.captures.close();
      cli.db.close();
    });
    expect(cli.captures.ids({ endpointId: id }, 1)).toEqual([]); // only in the inbox
    expect(toFilter({ endpoint: String(id) }, cli, Date.now())).toEqual({ endpointId: id });
    expect(() => toFilter({ endpoint: String(id + 1000) }, cli, Date.now())).toThrow(
      `--endpoint: no endpoint has id ${id + 1000}`,
    );
  });
});
