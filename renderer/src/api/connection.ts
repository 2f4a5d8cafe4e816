/** `unauthorized`: the server rejected this tab's token (it restarted with a new one); retrying cannot help. */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'unauthorized';

type Listener = (state: ConnectionState, reconnected: boolean) => void;

/** Live-event connection state, so views can show it and refetch after a reconnect. */
export class ConnectionStatus {
  private state: ConnectionState = 'connecting';
  private everOpened = false;
  private readonly listeners = new Set<Listener>();

  get current(): ConnectionState {
    return this.state;
  }

  set(state: ConnectionState): void {
    // Final: only a new link (a new page load) brings a valid token.
    if (state === this.state || this.state === 'unauthorized') return;
    const reconnected = state === 'open' && this.everOpened;
    if (state === 'open') this.everOpened = true;
    this.state = state;
    for (const listener of this.listeners) listener(state, reconnected);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
