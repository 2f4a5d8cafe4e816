import { fireEvent, screen } from '@testing-library/react';

/** Clicks the `label` table's "Copy all" with the clipboard stubbed; what it wrote to the clipboard. */
export async function copiedByCopyAll(label: string): Promise<string> {
  let copied = '';
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (text: string) => Promise.resolve(void (copied = text)) },
  });
  fireEvent.click(screen.getByRole('button', { name: `Copy all ${label}` }));
  await screen.findByText('Copied', { selector: '[role=status]' });
  return copied;
}
