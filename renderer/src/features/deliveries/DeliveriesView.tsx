import { useEffect, useId, useState } from 'react';
import { TabPanel } from '../../components/TabPanel';
import { Tabs } from '../../components/Tabs';
import { useHashParams } from '../../state/hash-state';
import { BulkSend } from './BulkSend';
import { DeliveryLog } from './DeliveryLog';
import { SavedWebhooks } from './SavedWebhooks';
import './deliveries.css';

type Tab = 'log' | 'bulk' | 'saved';
const TABS: Tab[] = ['log', 'bulk', 'saved'];

/** The address of one delivery in the log: `#view=deliveries&delivery=<id>` opens the log with it selected. */
export const deliveryHref = (id: number) => `#view=deliveries&delivery=${id}`;

/** The Deliveries view: the log, bulk sends and saved webhooks. The tab is in the hash (`#view=deliveries&tab=saved`). */
export function DeliveriesView() {
  const [params, update] = useHashParams();
  const tab = (TABS as string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'log';
  // Pushed, like a change of view: Back returns to the tab before.
  const setTab = (next: Tab) => update((p) => (next === 'log' ? p.delete('tab') : p.set('tab', next)), true);
  const linked = Number(params.get('delivery')) || null;
  const [opened, setOpened] = useState<number | null>(null);
  const tabsId = useId();
  useEffect(() => {
    if (linked === null) return;
    setOpened(linked);
    update((p) => {
      p.delete('tab');
      p.delete('delivery');
    });
  }, [linked, update]);
  return (
    <div className="deliveries-view">
      <Tabs
        label="Deliveries"
        id={tabsId}
        tabs={[
          { id: 'log', label: 'Delivery log' },
          { id: 'bulk', label: 'Bulk send' },
          { id: 'saved', label: 'Saved webhooks' },
        ]}
        active={tab}
        onChange={setTab}
      />
      <TabPanel tabsId={tabsId} active={tab} className="deliveries-tab">
        {tab === 'log' && <DeliveryLog opened={opened} />}
        {tab === 'bulk' && <BulkSend />}
        {tab === 'saved' && <SavedWebhooks />}
      </TabPanel>
    </div>
  );
}
