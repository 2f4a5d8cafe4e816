import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/shared/contract/index';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();

describe('a capture acknowledged but not yet filed because the disk is full', () => {
  it('is reported as kept but unreadable for now, naming the full disk, not as a capture that does not exist', async () => {
    const { db, captures } = t.stores;
    // Acknowledged: its inbox row is committed. Then the disk fills before the filer copies it into the store.
    const id = await captures.add(newCapture({ body: Buffer.alloc(200_000, 'x') }));
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);

    for (const read of [() => captures.get(id), () => captures.requestBodies(id), () => captures.body(id)]) {
      let error: unknown;
      try {
        read();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(
          new RegExp(
            `^Capture ${id} was received and kept but is not filed yet.*disk holding the data directory is full`,
          ),
        ),
      });
    }

    // Once there is room again it is filed and read as usual.
    db.pragma('max_page_count = 1073741823');
    expect(captures.get(id).bodySizeBytes).toBe(200_000);
  });
});
