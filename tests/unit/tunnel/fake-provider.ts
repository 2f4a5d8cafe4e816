import type {
  TunnelConnection,
  TunnelOpenRequest,
  TunnelProvider,
} from '../../../electron/engine/tunnel/provider';

export class FakeConnection implements TunnelConnection {
  closed = false;
  private listeners: Array<(error: Error) => void> = [];
  constructor(readonly url: string) {}
  onFailure(listener: (error: Error) => void) {
    this.listeners.push(listener);
  }
  close() {
    this.closed = true;
  }
  /** Simulate the client erroring (e.g. the server dropped it). */
  fail(message: string) {
    for (const listener of this.listeners) listener(new Error(message));
  }
}

interface PendingOpen {
  request: TunnelOpenRequest;
  resolve(url: string): FakeConnection;
  /** Fails the registration with `message`, or with `error` as is (a PermanentRefusal). */
  reject(message: string | Error): void;
}

/** A provider whose registrations the test answers by hand. */
export class FakeProvider implements TunnelProvider {
  readonly calls: PendingOpen[] = [];

  open(request: TunnelOpenRequest): Promise<TunnelConnection> {
    return new Promise((resolve, reject) => {
      this.calls.push({
        request,
        resolve: (url) => {
          const connection = new FakeConnection(url);
          resolve(connection);
          return connection;
        },
        reject: (message) => reject(typeof message === 'string' ? new Error(message) : message),
      });
    });
  }

  last(): PendingOpen {
    const call = this.calls.at(-1);
    if (!call) throw new Error('provider.open was never called');
    return call;
  }
}

/** Let resolved promises run their callbacks. */
export const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
