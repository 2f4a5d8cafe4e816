import { describe, expect, it } from 'vitest';
import { filterFromParams, toCaptureFilter } from '../../../renderer/src/lib/filter-state';

const fromUrl = (hash: string) => filterFromParams(new URLSearchParams(hash));

// As in the Header form: a received header's name and value never carry whitespace around them, so a shared or edited
// link with `hv= south` must ask for `south`, or the filter silently matches nothing.
describe('a header filter read from the address', () => {
  it('drops the whitespace around the name and the value', () => {
    const f = fromUrl('h=%20X-Shop%20&hv=%20south%09');
    expect(f.header).toEqual({ name: 'X-Shop', value: 'south' });
    expect(toCaptureFilter(f).header).toEqual({ name: 'X-Shop', value: 'south' });
  });

  it('a value of only whitespace asks for any value; a name of only whitespace is no filter', () => {
    expect(fromUrl('h=X-Shop&hv=%20%20').header).toEqual({ name: 'X-Shop', value: null });
    expect(fromUrl('h=%20&hv=south').header).toBeNull();
  });
});
