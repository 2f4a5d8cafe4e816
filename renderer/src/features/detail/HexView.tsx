import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { formatBytes } from '../../lib/format';
import { hexRow } from '../../lib/hex';

/**
 * Rows the view holds: 16 MB at 20 px a row is 21 million px, under the ~33.5 million px that Chromium caps an
 * element's height at. Past the cap the rows beyond it could not be scrolled to.
 */
const HEX_MAX_ROWS = 1024 * 1024;

/** Hexdump: rows are virtualized, so a 50 MB body costs what is on screen; its first 16 MB are shown. */
export function HexView({ bytes }: { bytes: Uint8Array }) {
  const ref = useRef<HTMLDivElement>(null);
  const rows = Math.min(Math.ceil(bytes.length / 16), HEX_MAX_ROWS);
  const partial = rows * 16 < bytes.length;
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => ref.current,
    estimateSize: () => 20,
    overscan: 20,
  });
  if (bytes.length === 0) return <div className="muted pad">Empty body.</div>;
  return (
    <>
      {partial && (
        <div className="notice" data-testid="hex-partial">
          Showing the first {formatBytes(rows * 16)} of {formatBytes(bytes.length)} (
          {(rows * 16).toLocaleString()} of {bytes.length.toLocaleString()} bytes). Download the body for all
          of it.
        </div>
      )}
      <div className="hex-view" ref={ref} data-testid="hex-view">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = hexRow(bytes, v.index);
            return (
              <div key={v.index} className="hex-row" style={{ transform: `translateY(${v.start}px)` }}>
                <span className="hex-offset">{row.offset}</span>
                <span className="hex-bytes">{row.hex}</span>
                <span className="hex-ascii">{row.ascii}</span>
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
