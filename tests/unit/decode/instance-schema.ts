/** The shape `POST /v1/instance-schema/get` returns, trimmed to a few fields. */
export const instanceSchema = {
  namespaces: {
    '': {
      id: '',
      fields: {
        'str::first': { id: 'str::first', name: 'Given name', display_type: 'text' },
        'act::s-all': {
          id: 'act::s-all',
          name: 'Opted in to email',
          display_type: 'activity_template',
          attributes: [{ id: 'str::is', name: 'Opt-in source', display_type: 'text' }],
        },
      },
    },
    cm: {
      id: 'cm',
      fields: {
        'int:cm:seats': { id: 'int:cm:seats', name: 'Seats booked', display_type: 'decimal' },
        'act:cm:webinar-registered': {
          id: 'act:cm:webinar-registered',
          name: 'Registered for webinar',
          display_type: 'activity',
          attributes: [{ id: 'str:cm:webinar-title', name: 'Webinar', display_type: 'text' }],
        },
      },
    },
  },
};
