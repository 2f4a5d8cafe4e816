import { CopyButton } from '../../components/CopyButton';
import { Highlight } from '../../components/Highlight';
import { formatCount } from '../../lib/format';

/** Name/value rows exactly as received: order, case and duplicates kept. */
export function PairsTable({
  pairs,
  query = '',
  empty,
  label,
  one,
  copyFormat = (p) => p.map(([k, v]) => `${k}: ${v}`).join('\n'),
}: {
  pairs: Array<[string, string]>;
  query?: string;
  empty: string;
  /** What the pairs are, plural ("headers"); `one` is the singular. */
  label: string;
  one: string;
  copyFormat?: (pairs: Array<[string, string]>) => string;
}) {
  if (pairs.length === 0) return <div className="muted pad">{empty}</div>;
  const counts = new Map<string, number>();
  for (const [k] of pairs) counts.set(k.toLowerCase(), (counts.get(k.toLowerCase()) ?? 0) + 1);
  return (
    <div className="pairs">
      <div className="pairs-toolbar">
        <span className="muted">{formatCount(pairs.length, one, label)}</span>
        <CopyButton text={copyFormat(pairs)} label="Copy all" />
      </div>
      <table className="pairs-table" aria-label={label}>
        <tbody>
          {pairs.map(([k, v], i) => (
            <tr key={i}>
              <td className="pair-index">{i + 1}</td>
              <th scope="row" className="pair-name">
                <Highlight text={k} query={query} />
                {(counts.get(k.toLowerCase()) ?? 0) > 1 && (
                  <span className="pill pill-dupe" title="Sent more than once">
                    dup
                  </span>
                )}
              </th>
              <td className="pair-value">
                <Highlight text={v} query={query} />
              </td>
              <td className="pair-copy">
                <CopyButton text={v} label="Copy" title={`Copy value of ${k}`} className="btn-ghost" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
