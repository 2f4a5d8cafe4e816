import { describe, expect, it } from 'vitest';
import {
  contentTypeFilterValue,
  emptyFilter,
  expandStatuses,
  filterFromParams,
  filterToParams,
  isFiltered,
  matchesLocally,
  toCaptureFilter,
  type FilterState,
} from '../../../renderer/src/lib/filter-state';
import { captureFilter } from '../../../electron/shared/contract/captures';
import { captureSummary } from '../../helpers/capture-summary';

const summary = captureSummary;

describe('filter state', () => {
  it('round-trips through URL parameters', () => {
    const state: FilterState = {
      text: 'order "paid"',
      methods: ['POST', 'PUT'],
      statuses: ['4xx', '201'],
      contentTypes: ['multipart/*'],
      endpointId: 3,
      since: null,
      fromMs: 10,
      toMs: 20,
      header: { name: 'X-Sig', value: 'a&b=c' },
    };
    const params = filterToParams(state);
    expect(filterFromParams(new URLSearchParams(params.toString()))).toEqual(state);
    expect(filterToParams(emptyFilter).toString()).toBe('');
    expect(isFiltered(emptyFilter)).toBe(false);
  });

  it('drops junk from a hand-edited URL instead of sending it to the engine', () => {
    const f = filterFromParams(new URLSearchParams('status=abc,404,9xx&since=3y&ep=nope&method=get'));
    expect(f.statuses).toEqual(['404']);
    expect(f.since).toBeNull();
    expect(f.endpointId).toBeNull();
    expect(f.methods).toEqual(['GET']);
  });

  it('drops an endpoint id that is not a whole number, so the filter sent is one the API takes', () => {
    for (const ep of ['1.5', '1e-3', '1e300', '9007199254740993']) {
      const f = filterFromParams(new URLSearchParams({ ep }));
      expect(f.endpointId, ep).toBeNull();
      expect(captureFilter.safeParse(toCaptureFilter(f)).success, ep).toBe(true);
    }
    expect(filterFromParams(new URLSearchParams('ep=12')).endpointId).toBe(12);
  });

  it('a content type typed into the URL is stored as captures store it: no parameters, lower case, once', () => {
    const f = filterFromParams(
      new URLSearchParams('ct=Application/JSON; charset=utf-8,application/json,;x=1,Text/Plain'),
    );
    expect(f.contentTypes).toEqual(['application/json', 'text/plain']);
  });

  it('drops a content type or method from a hand-edited URL that could match no capture, as the API refuses it', () => {
    const f = filterFromParams(
      new URLSearchParams('ct=json,application/json,*/*,application/,text/*,none&method=post,P%20OST,G"T'),
    );
    expect(f.contentTypes).toEqual(['application/json', 'text/*', 'none']);
    expect(f.methods).toEqual(['POST']);
    expect(captureFilter.safeParse(toCaptureFilter(f)).success).toBe(true);
  });

  it('expands status classes and resolves "since" against now', () => {
    expect(expandStatuses(['5xx', '404'])).toHaveLength(101);
    const filter = toCaptureFilter({ ...emptyFilter, since: '1h', statuses: ['2xx'] }, 10_000_000);
    expect(filter.fromMs).toBe(10_000_000 - 3_600_000);
    expect(filter.statuses).toContain(299);
    expect(filter.statuses).not.toContain(300);
  });

  it('decides locally for live arrivals, and defers to the engine for full-text and header filters', () => {
    expect(matchesLocally({ methods: ['POST'] }, summary())).toBe(true);
    expect(matchesLocally({ methods: ['GET'] }, summary())).toBe(false);
    expect(matchesLocally({ contentTypes: ['application/*'] }, summary())).toBe(true);
    expect(matchesLocally({ contentTypes: ['text/xml'] }, summary())).toBe(false);
    expect(matchesLocally({ statuses: [500] }, summary())).toBe(false);
    expect(matchesLocally({ endpointId: 2, fromMs: 500 }, summary())).toBe(true);
    expect(matchesLocally({ toMs: 500 }, summary())).toBe(false);
    expect(matchesLocally({ text: 'x' }, summary())).toBeNull();
    expect(matchesLocally({ methods: ['GET'], text: 'x' }, summary())).toBe(false);
    expect(matchesLocally({ header: { name: 'a' } }, summary())).toBeNull();
  });

  it('"none" matches a live capture sent without a Content-Type, as the engine counts it', () => {
    expect(matchesLocally({ contentTypes: ['none'] }, summary({ contentType: null }))).toBe(true);
    expect(matchesLocally({ contentTypes: ['none'] }, summary())).toBe(false);
    expect(matchesLocally({ contentTypes: ['application/json'] }, summary({ contentType: null }))).toBe(
      false,
    );
  });

  it('a typed content type drops its parameters and case, as captures store the type', () => {
    expect(contentTypeFilterValue(' Text/Plain ; charset=UTF-8')).toBe('text/plain');
    expect(contentTypeFilterValue('Application/*')).toBe('application/*');
    expect(contentTypeFilterValue('; charset=utf-8')).toBe('');
    const typed = contentTypeFilterValue('application/json; charset=utf-8');
    expect(matchesLocally({ contentTypes: [typed] }, summary())).toBe(true);
  });
});
