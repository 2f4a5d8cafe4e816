import { stripHopByHop } from './hop-by-hop';

/** Left to the client, which sends the length of the body it sends (Hookscope's own "Copy as cURL" writes one). */
const computed = new Set(['content-length', 'host']);

/**
 * A warning for each pasted header the sender leaves out as bound to the connection (see `stripHopByHop`): TE,
 * Connection and the headers it names, every `Proxy-*`, … — curl would send them, the composer would drop them unsaid.
 */
export function droppedHeaderWarnings(headers: [string, string][]): string[] {
  const sent = new Set(stripHopByHop(headers));
  const dropped = new Map<string, string>();
  for (const header of headers) {
    const lower = header[0].toLowerCase();
    if (!sent.has(header) && !computed.has(lower) && !dropped.has(lower)) dropped.set(lower, header[0]);
  }
  return [...dropped.values()].map((name) =>
    name.toLowerCase().startsWith('proxy-')
      ? `-H ${name}: not sent — it is meant for a proxy, and Hookscope sends directly`
      : `-H ${name}: not sent — it belongs to the connection (hop-by-hop), which Hookscope’s client manages itself`,
  );
}
