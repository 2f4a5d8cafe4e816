import { tunnelHost, tunnelSubdomain } from '../../shared/contract/tunnel';
import { UsageError } from '../io';

/** `hookscope serve` flags for a public URL; spread into the command's parseArgs options. */
export const tunnelFlagOptions = {
  tunnel: { type: 'boolean' },
  subdomain: { type: 'string' },
  'tunnel-host': { type: 'string' },
} as const;

export const tunnelFlagUsage = `  --tunnel              expose the receiver (only the receiver) at a public localtunnel URL
  --subdomain NAME      preferred subdomain (4-63 of a-z, 0-9, -); the server may assign another if taken
  --tunnel-host URL     tunnel server (default https://localtunnel.me; a self-hosted localtunnel-server works)
`;

export interface TunnelFlags {
  enabled: boolean;
  /** Only the flags given: anything omitted keeps the profile's saved setting. */
  subdomain?: string;
  host?: string;
}

/** Validates before anything is started; errors name the flag. */
export function validateTunnelFlags(values: {
  tunnel?: boolean;
  subdomain?: string;
  'tunnel-host'?: string;
}): TunnelFlags {
  const flags: TunnelFlags = { enabled: values.tunnel === true };
  if (!flags.enabled && (values.subdomain !== undefined || values['tunnel-host'] !== undefined)) {
    const given = values.subdomain !== undefined ? '--subdomain' : '--tunnel-host';
    throw new UsageError(`${given}: only applies with --tunnel`);
  }
  if (values.subdomain !== undefined) {
    const parsed = tunnelSubdomain.safeParse(values.subdomain);
    if (!parsed.success)
      throw new UsageError(
        `--subdomain: ${parsed.error.issues[0]?.message ?? 'invalid'}, got "${values.subdomain}"`,
      );
    flags.subdomain = parsed.data;
  }
  if (values['tunnel-host'] !== undefined) {
    const parsed = tunnelHost.safeParse(values['tunnel-host']);
    if (!parsed.success)
      throw new UsageError(
        `--tunnel-host: ${parsed.error.issues[0]?.message ?? 'invalid'}, got "${values['tunnel-host']}"`,
      );
    flags.host = parsed.data;
  }
  return flags;
}
