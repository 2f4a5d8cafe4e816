import { useState } from 'react';
import { Tabs } from '../../components/Tabs';
import { BulkSend } from './BulkSend';
import { DeliveryLog } from './DeliveryLog';
import { SavedWebhooks } from './SavedWebhooks';
import './deliveries.css';

type Tab = 'log' | 'bulk' | 'saved';

/** The Deliveries view: the log, bulk sends and saved webhooks. */
export function DeliveriesView() {
  const [tab, setTab] = useState<Tab>('log');
  return (
    <div className="deliveries-view">
      <Tabs
        label="Deliveries"
        tabs={[
          { id: 'log', label: 'Delivery log' },
          { id: 'bulk', label: 'Bulk send' },
          { id: 'saved', label: 'Saved webhooks' },
        ]}
        active={tab}
        onChange={setTab}
      />
      {tab === 'log' && <DeliveryLog />}
      {tab === 'bulk' && <BulkSend />}
      {tab === 'saved' && <SavedWebhooks />}
    </div>
  );
}
