import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { hexRow } from '../../lib/hex';

/** Hexdump of any size: rows are virtualized, so a 50 MB body costs what is on screen. */
export function HexView({ bytes }: { bytes: Uint8Array }) {
  const ref = useRef<HTMLDivElement>(null);
  const rows = Math.ceil(bytes.length / 16);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => ref.current,
    estimateSize: () => 20,
    overscan: 20,
  });
  if (bytes.length === 0) return <div className="muted pad">Empty body.</div>;
  return (
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
  );
}
