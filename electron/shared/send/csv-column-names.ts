import Papa from 'papaparse';

/**
 * Names a CSV's columns one by one as Papaparse's `transformHeader` calls it, a repeated name renamed as Papaparse
 * would ("email", "email_1", "email_2"…, skipping any name the header line holds), and remembers each rename. Papaparse
 * renames by itself too, but then writes "Duplicate headers found and renamed." to the console: in the CLI's stderr
 * and the server's output, beside the note Hookscope prints about it.
 */
export function csvColumnNames(content: string): {
  name: (header: string) => string;
  renamed: Array<{ as: string; original: string }>;
  /** The columns with an empty header (1-based `column`), and the name each is read as ("", "_1"…). */
  unnamed: Array<{ column: number; as: string }>;
  /** The position of the last column with a name: Excel writes empty ones after it (`Email,N,,`). */
  lastNamedColumn: number;
} {
  const headerLine = Papa.parse<string[]>(content, { preview: 1 }).data[0] ?? [];
  const headers = headerLine.map((header) => header.trim());
  const taken = new Set(headers);
  const seen = new Map<string, number>();
  const renamed: Array<{ as: string; original: string }> = [];
  const unnamed: Array<{ column: number; as: string }> = [];
  let column = 0;
  const unique = (header: string) => {
    const count = seen.get(header) ?? 0;
    if (count === 0) {
      seen.set(header, 1);
      taken.add(header);
      return header;
    }
    let suffix = count;
    while (taken.has(`${header}_${suffix}`)) suffix++;
    const as = `${header}_${suffix}`;
    seen.set(header, count + 1);
    taken.add(as);
    renamed.push({ as, original: header });
    return as;
  };
  const name = (header: string) => {
    column++;
    const as = unique(header);
    if (header === '') unnamed.push({ column, as });
    return as;
  };
  const lastNamedColumn = headers.findLastIndex((header) => header !== '') + 1;
  return { name, renamed, unnamed, lastNamedColumn };
}
