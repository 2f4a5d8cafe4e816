/** Element ids that tie a `Tabs` strip's tabs to its `TabPanel` (aria-controls, aria-labelledby). */
export const tabElementId = (tabsId: string, tab: string) => `${tabsId}-tab-${tab}`;
export const tabPanelElementId = (tabsId: string) => `${tabsId}-panel`;
