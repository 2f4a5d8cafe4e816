import { render } from '@testing-library/react';
import type { ApiClient } from '../../electron/shared/contract/client';
import { ApiProvider } from '../../renderer/src/api';
import { ConnectionStatus } from '../../renderer/src/api/connection';
import { DetailPane, type DetailTabId } from '../../renderer/src/features/detail/DetailPane';

/** The detail pane of capture `id`, open on `tab`, against `api`, with `query` as the list's search. */
export function renderDetailPane(
  api: ApiClient,
  id: number,
  tab: DetailTabId,
  query = '',
  receiverUrl = 'http://127.0.0.1:1',
) {
  return render(
    <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
      <DetailPane
        id={id}
        receiverUrl={receiverUrl}
        endpoints={new Map()}
        query={query}
        onDelete={() => {}}
        tab={tab}
        onTabChange={() => {}}
      />
    </ApiProvider>,
  );
}
