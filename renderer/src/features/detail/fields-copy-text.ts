/** Query parameters or form fields, one a line as written: `name=value`, or the bare name when sent with no `=`. */
export function fieldsCopyText(pairs: Array<[string, string]>, noEquals: readonly boolean[]): string {
  return pairs.map(([k, v], i) => (noEquals[i] ? k : `${k}=${v}`)).join('\n');
}
