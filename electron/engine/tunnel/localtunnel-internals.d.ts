// localtunnel's Tunnel class (not exported by the package's main, and untyped). Used so our own registration
// request can replace its `_init`, which retries forever and never rejects.
declare module 'localtunnel/lib/Tunnel.js' {
  import { EventEmitter } from 'node:events';

  export interface LocaltunnelInfo {
    name: string;
    url: string;
    max_conn: number;
    remote_host: string;
    remote_ip?: string;
    remote_port: number;
    local_port: number;
  }

  /** The pool of tunnel sockets `_establish` creates; `open()` adds one (reading `opts.local_host` as it starts). */
  export interface LocaltunnelCluster {
    opts: { local_host?: string };
    open(): void;
  }

  export default class Tunnel extends EventEmitter {
    constructor(options: { host: string; port: number; subdomain?: string });
    url?: string;
    closed: boolean;
    _getInfo(body: unknown): LocaltunnelInfo;
    _init(callback: (error: Error | null, info?: LocaltunnelInfo) => void): void;
    open(callback: (error?: Error) => void): void;
    close(): void;
  }
}
