/** What the supervisor needs from a tunnel client; the real one wraps npm `localtunnel`, tests inject fakes. */
export interface TunnelOpenRequest {
  /** Tunnel server, e.g. https://localtunnel.me or a self-hosted localtunnel-server. */
  host: string;
  subdomain: string | null;
  /** The receiver port, on its own loopback address (see tunnelLocalHost). */
  localPort: number;
  /** Aborted when the registration timeout fires or the supervisor moves on. */
  signal: AbortSignal;
}

export interface TunnelConnection {
  readonly url: string;
  /** Called when the client reports an error (e.g. the server dropped it and its tunnel sockets are refused). */
  onFailure(listener: (error: Error) => void): void;
  close(): void;
}

export interface TunnelProvider {
  /** Registers with the server and resolves once the tunnel is usable; rejects on error or abort. */
  open(request: TunnelOpenRequest): Promise<TunnelConnection>;
}

/** The server refused in a way it will repeat however often it is asked (an HTTP 4xx but 408 and 429): not retried. */
export class PermanentRefusal extends Error {}
