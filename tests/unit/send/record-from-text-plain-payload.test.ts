import { describe, expect, it } from 'vitest';
import { recordFromPayload } from '../../../electron/shared/send/records';

describe('a captured payload labelled text/plain as a merge record', () => {
  it('reads JSON by its look, as AWS SNS sends it', () => {
    const body = '{"Type":"Notification","MessageId":"m-1","Subject":"Order paid"}';
    expect(recordFromPayload('text/plain', body)).toMatchObject({ MessageId: 'm-1', Subject: 'Order paid' });
    expect(recordFromPayload('text/plain; charset=UTF-8', body)).toMatchObject({ MessageId: 'm-1' });
  });

  it('reads form pairs by their look', () => {
    expect(recordFromPayload('text/plain', 'contact_id=8&firstname=Mary')).toEqual({
      contact_id: '8',
      firstname: 'Mary',
    });
  });

  it('gives no fields for plain prose', () => {
    expect(recordFromPayload('text/plain', 'hello there')).toEqual({});
  });
});
