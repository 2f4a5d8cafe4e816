import type { ReactNode } from 'react';
import { tabElementId, tabPanelElementId } from './tab-ids';

/** The content of the active tab of the `Tabs` strip given the same `tabsId`, named by that tab. */
export function TabPanel({
  tabsId,
  active,
  className,
  testId,
  children,
}: {
  tabsId: string;
  active: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="tabpanel"
      id={tabPanelElementId(tabsId)}
      aria-labelledby={tabElementId(tabsId, active)}
      className={className}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
