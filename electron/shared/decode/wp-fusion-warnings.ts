import type { FormObject } from './body';
import type { Builder } from './tree';
import type { DecodedNode } from './types';

/**
 * Warn on `section` — where WP Fusion's parameters were found: the query string or form post data — about a missing
 * access key, and about a missing contact when `contactExpected`. `params` are the parameters as WP Fusion reads them,
 * the query string and form post data merged.
 */
export function warnWpFusionParams(
  b: Builder,
  section: DecodedNode,
  params: FormObject,
  contactExpected: boolean,
): void {
  if (!Object.hasOwn(params, 'access_key')) {
    b.warn(section, 'suspicious-value', 'warning', 'No access_key: WP Fusion refuses webhooks without it.');
  }
  const contactId = Object.hasOwn(params, 'contact_id') ? params.contact_id : undefined;
  if (!contactExpected || (contactId !== undefined && contactId !== '')) return;
  b.warn(
    section,
    'suspicious-value',
    'warning',
    contactId === undefined
      ? 'No contact_id: WP Fusion cannot tell which contact to load (Ontraport URLs need contact_id=[Contact ID]).'
      : 'contact_id is empty: WP Fusion cannot tell which contact to load (was the [Contact ID] merge field blank?).',
  );
}
