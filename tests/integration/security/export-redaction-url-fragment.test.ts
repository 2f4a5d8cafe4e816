import { describe, expect, it } from 'vitest';
import { useRedactionApp, withDecodedBodies } from '../../helpers/redaction-app';

// A URL's fragment can hold a secret: a single-page app's route with its own query (the password-reset link in an
// email event, `#/reset?token=…`) and OAuth's implicit grant (`#access_token=…`).
const app = useRedactionApp();
const resetLink = 'https://app.example.com/#/reset-password?token=SECRETRESETTOKEN&lang=en';
const implicit = 'https://app.example.com/callback#access_token=SECRETIMPLICIT&state=xyz';
const anchor = 'https://docs.example.com/guide#section-2';

describe('a URL whose fragment carries a secret', () => {
  it.each(['har', 'jsonl', 'json', 'curl'] as const)(
    '%s export redacts it in a JSON body string and a header, and keeps the rest',
    async (format) => {
      const body = JSON.stringify({ event: 'email.sent', link: resetLink, redirect: implicit, help: anchor });
      const id = await app.capture('/h/fragment', [
        ['Content-Type', 'application/json'],
        ['X-Return-To', implicit],
      ]);
      const withBody = await app.capture('/h/fragment-body', [['Content-Type', 'application/json']], body);
      const content = withDecodedBodies(await app.exported([id, withBody], format), format);
      for (const secret of ['SECRETRESETTOKEN', 'SECRETIMPLICIT'])
        expect(content, `${secret} leaked in ${format}`).not.toContain(secret);
      expect(content).toContain('#/reset-password?token=%5Bredacted%5D&lang=en');
      expect(content).toContain('callback#access_token=%5Bredacted%5D&state=xyz');
      expect(content).toContain(anchor);

      const kept = withDecodedBodies(await app.exported([id, withBody], format, false), format);
      for (const secret of ['SECRETRESETTOKEN', 'SECRETIMPLICIT']) expect(kept).toContain(secret);
    },
  );
});
