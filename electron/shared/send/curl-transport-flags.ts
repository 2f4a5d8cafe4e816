/**
 * curl options about how it connects or what it prints (TLS versions and revocation checks, often added to commands
 * copied on Windows; DNS; showing response headers) that leave the request itself as it is. Hookscope sends with its
 * own client, so they are skipped, each with a warning saying so.
 */
export const transportBooleanFlags = [
  '--ssl-no-revoke',
  '--ssl-revoke-best-effort',
  '--ssl-allow-beast',
  '--ssl-auto-client-cert',
  '--ca-native',
  '--ssl',
  '--ssl-reqd',
  '--sslv2',
  '--sslv3',
  '--tlsv1',
  '--tlsv1.0',
  '--tlsv1.1',
  '--tlsv1.2',
  '--tlsv1.3',
  '--cert-status',
  '--false-start',
  '--no-alpn',
  '--no-npn',
  '--no-sessionid',
  '--tcp-fastopen',
  '--doh-insecure',
  '--show-headers',
];

export const transportValueFlags = [
  '--crlfile',
  '--pinnedpubkey',
  '--tls13-ciphers',
  '--curves',
  '--dns-servers',
  '--dns-interface',
  '--doh-url',
  '--keepalive-time',
  '--expect100-timeout',
  '--happy-eyeballs-timeout-ms',
  '--local-port',
];

export const ignoredTransportWarning = (flag: string) =>
  `${flag}: ignored (it sets how curl connects or what it prints, not the request Hookscope sends)`;
