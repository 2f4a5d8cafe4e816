import { render } from '@testing-library/react';
import { useState } from 'react';
import { ApiProvider } from '../../renderer/src/api';
import { ConnectionStatus } from '../../renderer/src/api/connection';
import type { ApiClient } from '../../renderer/src/api';
import {
  emptyRecordState,
  RecordPanel,
  type RecordState,
} from '../../renderer/src/features/compose/RecordPanel';

function FileRecordPanel() {
  const [state, setState] = useState<RecordState>({ ...emptyRecordState, source: 'file' });
  return <RecordPanel state={state} onChange={setState} environments={[]} />;
}

/** The composer's record panel on its "data file" source, holding its own state, against `api`. */
export function renderFileRecordPanel(api: ApiClient) {
  return render(
    <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
      <FileRecordPanel />
    </ApiProvider>,
  );
}
