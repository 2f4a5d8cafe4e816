import { useEffect, useState } from 'react';
import type { TunnelHosts } from '../../../../electron/shared/tunnel-bypass';
import { useApi, useEvent } from '../../api';
import { useTunnelState } from './use-tunnel-state';

/**
 * Where localtunnel URLs live, as the delivery engine reckons them (tunnel/module.ts): this run's public URLs, and the
 * saved and running tunnel servers, whose subdomains are public URLs.
 */
export function useTunnelHosts(): TunnelHosts {
  const api = useApi();
  const { state } = useTunnelState();
  const [savedHost, setSavedHost] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.call('tunnel.settings.get', {}).then(
      (settings) => live && setSavedHost(settings.host),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  useEvent('tunnel.settings.changed', (settings) => setSavedHost(settings.host));
  const publicUrls = [
    ...(state?.url ? [state.url] : []),
    ...(state?.history ?? []).map((entry) => entry.url),
  ];
  const serverHosts = [savedHost, state?.host].filter((host): host is string => !!host);
  return { publicUrls, serverHosts };
}
