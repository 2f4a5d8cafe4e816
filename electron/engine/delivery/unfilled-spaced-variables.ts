import { ApiError } from '../../shared/contract/errors';
import { lookupField } from '../../shared/send/merge-fields';

/** `{{ First Name }}`: braces around a name with a space, which `{{name}}` never reads; bounded, as a body may be 10 MB. */
const spacedVariable = /\{\{[ \t]{0,16}([^{}\s][^{}]{0,126}?[^{}\s])[ \t]{0,16}\}\}/g;

/**
 * Refuses a template with a `{{First Name}}` that names a column of the rows: a `{{name}}` takes no spaces, so it
 * would go out as typed in every row, unnoticed. A column with spaces is written `[First Name]`.
 */
export function refuseSpacedVariables(parts: Array<[string, string]>, record: Record<string, string>): void {
  for (const [field, text] of parts) {
    for (const match of text.matchAll(spacedVariable)) {
      const name = match[1]!;
      if (!/\s/.test(name) || lookupField(record, name) === undefined) continue;
      throw new ApiError(
        'invalid_input',
        `${field}: ${match[0]} is not filled in (a {{name}} takes no spaces); write [${name}] for the column "${name}"`,
      );
    }
  }
}
