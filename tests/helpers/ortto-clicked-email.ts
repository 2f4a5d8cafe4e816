/** An Ortto "Clicked email" activity webhook (`act::c`), with a campaign name and the URL clicked. */
export const orttoClickedEmail = JSON.stringify({
  activity: {
    id: 'a1',
    field_id: 'act::c',
    created: '2023-01-16T23:40:54Z',
    attr: { 'str::cn': 'Product review survey', 'str::c': 'https://example.com' },
  },
  contact: { contact_id: 'c1' },
  id: 'e1',
  time: '2023-01-16T23:41:18.948713601Z',
  webhook_id: 'w1',
});
