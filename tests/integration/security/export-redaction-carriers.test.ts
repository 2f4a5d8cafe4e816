import { describe, expect, it } from 'vitest';
import { useRedactionApp, withDecodedBodies, type CaptureExportFormat } from '../../helpers/redaction-app';

// Credential carriers a default (redacted) export used to let through.
const formats = ['har', 'jsonl', 'json', 'curl'] as const;
const { capture, ...r } = useRedactionApp();
const exported = async (ids: number[], format: CaptureExportFormat) =>
  withDecodedBodies(await r.exported(ids, format), format);

describe('a redacted export hides', () => {
  it.each(formats)('%s: credential headers by name or by their value’s scheme', async (format) => {
    const id = await capture('/hook', [
      ['X-Authorization', 'Bearer XAUTHSECRET1'],
      ['Authentication', 'AUTHNSECRET2'],
      ['X-Forwarded-Credential-Ish', 'Basic QkFTSUNTRUNSRVQz'],
      ['X-Custom', 'Token TOKSCHEMESECRET4'],
      ['X-Author', 'author-visible'],
    ]);
    const content = await exported([id], format);
    for (const secret of ['XAUTHSECRET1', 'AUTHNSECRET2', 'QkFTSUNTRUNSRVQz', 'TOKSCHEMESECRET4'])
      expect(content, `${secret} leaked in ${format}`).not.toContain(secret);
    expect(content).toContain('author-visible');
  });

  it.each(formats)('%s: pass, pwd, jwt and code query parameters', async (format) => {
    const id = await capture(
      '/hook?pass=QPASS1&pwd=QPWD2&jwt=QJWT3&code=QCODE4&zip_code=zip-visible&compass=north-visible',
      [],
    );
    const content = await exported([id], format);
    for (const secret of ['QPASS1', 'QPWD2', 'QJWT3', 'QCODE4'])
      expect(content, `${secret} leaked in ${format}`).not.toContain(secret);
    for (const visible of ['zip-visible', 'north-visible']) expect(content).toContain(visible);
  });

  it.each(formats)('%s: JSON bodies that start with a UTF-8 byte order mark', async (format) => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"password":"BOMSECRET1","note":"bom-visible"}'),
    ]);
    const id = await capture('/hook', [['Content-Type', 'application/json']], body);
    const content = await exported([id], format);
    expect(content).not.toContain('BOMSECRET1');
    expect(content).toContain('bom-visible');
  });

  it.each(formats)(
    '%s: secret-named XML elements and attributes, keeping every other byte',
    async (format) => {
      const xml =
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n<order xmlns:wsse="urn:x">' +
        '<wsse:Password>XMLPW1&amp;</wsse:Password><user api_key="XMLATTR2" id="7">Zoë</user>' +
        '<token><value>XMLTOK3</value></token><note><![CDATA[<kept/>]]></note></order>';
      const id = await capture('/hook', [['Content-Type', 'application/xml']], xml);
      const content = await exported([id], format);
      for (const secret of ['XMLPW1', 'XMLATTR2', 'XMLTOK3'])
        expect(content, `${secret} leaked in ${format}`).not.toContain(secret);
      if (format !== 'curl') {
        const redacted =
          '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n<order xmlns:wsse="urn:x">' +
          '<wsse:Password>[redacted]</wsse:Password><user api_key="[redacted]" id="7">Zoë</user>' +
          '<token>[redacted]</token><note><![CDATA[<kept/>]]></note></order>';
        expect(content).toContain(format === 'har' ? JSON.stringify(redacted).slice(1, -1) : redacted);
      }
    },
  );
});
