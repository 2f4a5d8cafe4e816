import { render } from '@testing-library/react';
import type { CaptureSummary } from '../../electron/shared/contract/captures';
import type { Endpoint } from '../../electron/shared/contract/endpoints';
import { CaptureList } from '../../renderer/src/features/captures/CaptureList';

/** A capture list showing `items` (all loaded, none unread or selected) that ignores every action taken on it. */
export function renderCaptureList(items: CaptureSummary[], endpoints = new Map<number, Endpoint>()) {
  return render(
    <CaptureList
      items={items}
      hasMore={false}
      loading={false}
      loadMore={() => {}}
      loadDownTo={() => {}}
      unread={new Set()}
      selection={{ active: null, anchor: null, ids: new Set() }}
      onSelect={() => {}}
      onOpen={() => {}}
      onDelete={() => true}
      onReplay={() => {}}
      endpoints={endpoints}
      query=""
      filterKey="all"
    />,
  );
}
