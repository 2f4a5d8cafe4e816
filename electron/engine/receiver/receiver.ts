import { createServer, METHODS, ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { HeaderPair } from '../../shared/contract/index';
import { headerValueText } from '../../shared/decode/header-text';
import type { EngineContext, IncomingCapture, Interception, Interceptor } from '../context';
import { mediaType } from '../store/capture-rows';
import { describeStorageError } from '../store/storage-error';
import type { Endpoint } from '../../shared/contract/index';
import { corsPreflightResponse } from './cors-preflight';
import { isLoopbackPeer } from './loopback-peer';
import { malformedRequestExplanation, type ParserError } from './malformed-request';
import { missingHostInterception } from './missing-host';
import type { DecidedResponse, ResponseRules } from './response-rules';
import { splitRequestTarget } from './request-target';
import { responseDelivered } from './response-delivered';
import { withSendableHeaders } from './sendable-headers';
import { unsentResponseReason } from './unsent-response';

export interface ReceiverOptions {
  host: string;
  port: number;
  /** Slow clients cannot hold the server: headers must arrive within this, the whole request within requestTimeoutMs. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxHeaderBytes?: number;
  /** How long a kept-alive connection may sit idle between requests (loopback ones excepted, see keepsIdleOpen). */
  keepAliveTimeoutMs?: number;
  /** Bytes of an over-limit body kept in its truncated capture. */
  truncatedKeepBytes?: number;
}

export interface Receiver {
  url: string;
  port: number;
  close(): Promise<void>;
}

type Ctx = Pick<
  EngineContext,
  'captures' | 'endpoints' | 'settings' | 'clock' | 'receiverHooks' | 'log' | 'responseRules'
>;

/** The capture listener: any method, any path; the exact bytes are stored before the request is acknowledged. */
export async function startReceiver(ctx: Ctx, options: ReceiverOptions): Promise<Receiver> {
  const rules = ctx.responseRules;
  const responses: Responses = { closing: false, pending: new Set() };
  const headersTimeout = options.headersTimeoutMs ?? 15_000;
  const maxHeaderBytes = options.maxHeaderBytes ?? 64 * 1024;
  const server: Server = createServer(
    {
      headersTimeout,
      requestTimeout: options.requestTimeoutMs ?? 120_000,
      // Node enforces both timeouts only when it sweeps connections (every 30 s by default), so sweep often enough
      // that a slow client is cut off close to its deadline.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4))),
      maxHeaderSize: maxHeaderBytes,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
      // Keep header names exactly as sent; rawHeaders preserves order, case and duplicates.
      joinDuplicateHeaders: false,
      // Node's own 400 for a missing Host comes before any request exists: the receiver answers it (missing-host.ts).
      requireHostHeader: false,
    },
    (req, res) => handle(ctx, rules, responses, options, req, res),
  );
  // Node keeps only the first 2,000 headers by default and would drop the rest silently; maxHeaderSize bounds them.
  server.maxHeadersCount = 0;
  // `Expect: 100-continue` asks before sending the body: a request refused from its head (a body declared over the
  // limit, failed auth, a rate limit) gets its refusal (and a capture of the headers) straight away instead of
  // "100 Continue" and megabytes read for nothing.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) =>
    handle(ctx, rules, responses, options, req, res, undefined, true),
  );
  // Any other expectation: left alone, Node answers 417 itself and the request is never captured. RFC 9110 §10.1.1
  // lets a server ignore an expectation it does not know, so it is captured and answered like any other request.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) =>
    handle(ctx, rules, responses, options, req, res),
  );
  // CONNECT asks for a proxy tunnel, so Node never emits it as a request. Capture it like any other method, answer with
  // the endpoint's rule, and close: the receiver tunnels nothing.
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const res = new ServerResponse(req);
    res.shouldKeepAlive = false;
    res.assignSocket(socket);
    res.once('finish', () => {
      res.detachSocket(socket);
      // Detached, the response hears no more of its socket; unlike one Node made, it would never say 'close', and
      // what waits for that (a watcher counting requests in flight) would wait forever.
      socket.once('close', () => res.emit('close'));
      socket.end();
    });
    socket.once('error', () => socket.destroy());
    handle(ctx, rules, responses, options, req, res, head);
  });
  // Between requests, a kept-alive connection is closed after keepAliveTimeout unless it is one kept open.
  server.on('timeout', (socket: Socket) => {
    if (!keepsIdleOpen(socket)) socket.destroy();
  });
  server.on('clientError', (error, socket) => {
    const code = (error as NodeJS.ErrnoException).code;
    // The client hung up (a load tool stopping, a sender timing out): nothing was malformed and nobody is left to answer.
    if (code === 'ECONNRESET' || code === 'EPIPE') {
      socket.destroy();
      return;
    }
    if (code === 'ERR_HTTP_REQUEST_TIMEOUT' && (socket as Socket).bytesRead === 0) {
      // A connection that never sent a byte gets no answer: the public URL's client opens its connections ahead of any
      // request and leaves them idle, and a 408 written there was handed to the next visitor of the public URL. Those
      // come from loopback and stay open (see keepsIdleOpen); any other is closed.
      if (!keepsIdleOpen(socket as Socket)) socket.destroy();
      return;
    }
    if (code === 'HPE_INVALID_METHOD') {
      // Node's parser knows a fixed set of methods (upper case only) and refuses the rest before a request exists, so
      // there is nothing to capture: say why instead of a bare 400.
      const body = `The receiver's HTTP parser does not accept this request's method, so it was not captured. Methods it accepts (case-sensitive): ${METHODS.join(', ')}.\n`;
      if (socket.writable)
        socket.end(
          `HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
      else socket.destroy();
      ctx.log.warn('receiver: refused a request with a method the HTTP parser does not accept', { code });
      return;
    }
    const status =
      code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    // A timed-out request gets a bare 408; a refused one says why, as nothing of it is captured.
    const body =
      code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ''
        : malformedRequestExplanation(error as ParserError, maxHeaderBytes);
    const type = body ? 'Content-Type: text/plain; charset=utf-8\r\n' : '';
    if (socket.writable)
      socket.end(
        `HTTP/1.1 ${status}\r\nConnection: close\r\n${type}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    else socket.destroy();
    ctx.log.warn('receiver: malformed request', { code, reason: (error as ParserError).reason });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const shownHost = hostForUrl === '0.0.0.0' || hostForUrl === '[::]' ? '127.0.0.1' : hostForUrl;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    close: async () => {
      responses.closing = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // A response waiting out its rule's delay was cut off: it records so before the store closes.
      while (responses.pending.size > 0) await Promise.allSettled(responses.pending);
    },
  };
}

/**
 * Idle loopback connections are never timed out. The public URL's client keeps a pool of connections to the receiver
 * open between requests; closing an idle one raced with the tunnel server handing it the next visitor's request, which
 * was then lost. Slow clients are still cut off: the headers and request timeouts apply once a request has begun.
 */
function keepsIdleOpen(socket: Socket): boolean {
  return !socket.destroyed && isLoopbackPeer(socket.remoteAddress);
}

/** Responses still being decided, stored or written, and whether the receiver is closing. */
interface Responses {
  closing: boolean;
  pending: Set<Promise<void>>;
}

function handle(
  ctx: Ctx,
  rules: ResponseRules,
  responses: Responses,
  options: ReceiverOptions,
  req: IncomingMessage,
  res: ServerResponse,
  connectHead?: Buffer,
  waitsToContinue = false,
) {
  const receivedAtMs = ctx.clock.now();
  // Read now: once a client has gone away mid-body, its destroyed socket no longer knows its peer.
  const remoteAddress = req.socket.remoteAddress ?? '';
  const remotePort = req.socket.remotePort ?? null;
  const { path, query, emptyQuery, origin } = splitRequestTarget(req.url ?? '/');
  const headers: HeaderPair[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  const endpoint = ctx.endpoints.match(path);
  const ended: Array<() => void> = [];
  for (const watch of ctx.receiverHooks.watchers) {
    const end = watch({ path, headers, remoteAddress });
    if (end) ended.push(end);
  }
  if (ended.length > 0) onExchangeOver(res, () => ended.forEach((end) => end()));
  const limit = ctx.settings.get().bodyLimitBytes;
  const keep = Math.min(limit, options.truncatedKeepBytes ?? 1024 * 1024);
  // A Content-Length over the limit is known to be too large: stop as soon as the kept first bytes are in.
  const readUpTo = declaredOverLimit(req, limit) ? keep : limit;

  const chunks: Buffer[] = [];
  let stored = 0;
  let received = 0;
  let truncated = false;
  let finished = false;
  let head: HeadVerdict = null;

  const captureSoFar = (aborted: boolean): IncomingCapture => {
    const body = Buffer.concat(chunks, stored);
    return {
      receivedAtMs,
      method: req.method ?? 'GET',
      path,
      query,
      ...(emptyQuery ? { emptyQuery: true as const } : {}),
      httpVersion: req.httpVersion,
      headers,
      ...trailersOf(req),
      remoteAddress,
      remotePort,
      body,
      // Over the limit, reading stops early: the declared Content-Length is the body's size. A chunked body declares
      // none, so its size is what arrived before the 413 (at least that much was sent).
      bodySizeBytes: truncated ? Math.max(received, declaredLength(req) ?? 0) : received,
      truncated: truncated || aborted,
      // Node gives header bytes one character each: read UTF-8 as text before lower-casing, as a HAR import's type is.
      contentType: mediaType(receivedHeaderText(req.headers['content-type'])),
      contentEncoding: req.headers['content-encoding'] ?? null,
      endpointId: endpoint.id,
      source: 'receiver',
      // An absolute-form target's scheme and authority: the capture's URL is then the target as sent.
      publicUrl: origin,
    };
  };

  const finish = (aborted: boolean) => {
    if (finished) return;
    finished = true;
    const problem =
      head !== null && head !== 'passed'
        ? 'unsent-body'
        : truncated
          ? 'too-large'
          : aborted
            ? 'aborted'
            : null;
    const incoming: IncomingCapture = {
      ...captureSoFar(aborted),
      ...(problem === 'unsent-body' ? { bodyNotSent: true as const } : {}),
    };
    const task = respond(ctx, rules, responses, endpoint, incoming, res, problem, head);
    responses.pending.add(task);
    void task.finally(() => responses.pending.delete(task));
  };

  if (waitsToContinue) {
    if (declaredOverLimit(req, limit)) {
      truncated = true;
      finish(false);
      return;
    }
    if (declaresBody(req)) {
      // Checked as a capture whose body has not arrived: empty, truncated, of its declared size.
      truncated = true;
      const refusal = headRefusal(ctx, captureSoFar(false), endpoint);
      head = refusal ?? 'passed';
      if (refusal) {
        finish(false);
        return;
      }
      truncated = false;
    }
    res.writeContinue();
  }

  if (connectHead !== undefined) {
    // CONNECT has no body; whatever the client sent after the head is kept as one.
    chunks.push(connectHead.subarray(0, keep));
    stored = Math.min(connectHead.length, keep);
    received = connectHead.length;
    finish(false);
    return;
  }

  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (truncated) return;
    if (received > readUpTo) {
      const room = keep - stored;
      if (room > 0) {
        chunks.push(chunk.subarray(0, room));
        stored += Math.min(room, chunk.length);
      } else stored = keep; // the capture keeps the first `keep` bytes, not everything read up to the limit
      truncated = true;
      // Stop reading: answer 413 now and close the connection afterwards.
      req.pause();
      finish(false);
      return;
    }
    chunks.push(chunk);
    stored += chunk.length;
  });
  req.on('end', () => finish(false));
  req.on('error', () => finish(true));
  // The client went away mid-body: keep what arrived, marked truncated, and answer nobody.
  req.on('close', () => {
    if (!req.complete) finish(true);
  });
}

/**
 * Runs `done` once, when the response closes or its connection does: a response queued behind another on a pipelined
 * connection says nothing when the client leaves (see responseDelivered).
 */
function onExchangeOver(res: ServerResponse, done: () => void) {
  const socket = res.req.socket;
  const over = () => {
    res.off('close', over);
    socket.off('close', over);
    done();
  };
  res.once('close', over);
  socket.once('close', over);
}

/** Trailer fields arrive with the end of a chunked body; Node keeps them in rawTrailers like rawHeaders. */
function trailersOf(req: IncomingMessage): { trailers?: HeaderPair[] } {
  const raw = req.rawTrailers;
  if (!raw || raw.length === 0) return {};
  const trailers: HeaderPair[] = [];
  for (let i = 0; i < raw.length; i += 2) trailers.push([raw[i]!, raw[i + 1]!]);
  return { trailers };
}

function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length'];
  const declared = Number(header);
  return header !== undefined && Number.isSafeInteger(declared) && declared >= 0 ? declared : null;
}

/** A body is to follow the head: a non-zero Content-Length, or any Transfer-Encoding (chunked). */
function declaresBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || (declaredLength(req) ?? 0) > 0;
}

function declaredOverLimit(req: IncomingMessage, limit: number): boolean {
  const declared = declaredLength(req);
  return declared !== null && declared > limit;
}

async function respond(
  ctx: Ctx,
  rules: ResponseRules,
  responses: Responses,
  endpoint: Endpoint,
  incoming: IncomingCapture,
  res: ServerResponse,
  problem: 'too-large' | 'unsent-body' | 'aborted' | null,
  head: HeadVerdict,
) {
  // The head checks ran once already for a request that waited for 100 Continue.
  const interception =
    (head === 'passed' ? null : (head ?? headRefusal(ctx, incoming, endpoint))) ??
    firstInterception(ctx, ctx.receiverHooks.interceptors, incoming, endpoint);
  let decided: DecidedResponse | null;
  let fromRule = false;
  // The endpoint as saved now: one edited while this request's body was arriving answers with its new rule. Deciding
  // with the rule matched at the head put the count back to that older rule, and the new one started again from 0.
  const ruled = ctx.endpoints.byId(endpoint.id) ?? endpoint;
  if (problem === 'unsent-body' && interception) {
    decided = {
      ...interception.response,
      // Whether the client sends the body after all or gives it up, the connection cannot carry another request.
      headers: [...interception.response.headers, ['connection', 'close']],
      delayMs: 0,
      reason: `${interception.reason}; answered instead of 100 Continue, so the body was never sent`,
    };
  } else if (problem === 'too-large') {
    const limit = ctx.settings.get().bodyLimitBytes;
    decided = {
      status: 413,
      headers: [
        ['content-type', 'application/json'],
        ['connection', 'close'],
      ],
      body: JSON.stringify({ error: 'payload_too_large', limitBytes: limit }),
      delayMs: 0,
      reason: `body over the ${limit}-byte limit; the capture keeps the headers and the first ${incoming.body.length} bytes`,
    };
  } else if (interception) {
    decided = { ...interception.response, delayMs: 0, reason: interception.reason };
  } else if (problem === 'aborted') {
    // Nobody is left to answer: an abandoned request uses up no step of a fail-first or sequence rule.
    decided = null;
  } else {
    const preflight = corsPreflightResponse(incoming);
    if (preflight) decided = withSendableHeaders(preflight);
    else {
      decided = withSendableHeaders(rules.decide(ruled));
      fromRule = true;
    }
  }

  if (interception && !interception.record) {
    if (decided) send(res, decided, null);
    if (problem === 'unsent-body') closeOnceAnswered(res);
    return;
  }

  let id: number;
  try {
    id = await ctx.captures.add({
      ...incoming,
      vendor: null,
      eventLabel: null,
      verification: null,
      annotate: true,
      response:
        problem === 'aborted' || decided === null
          ? null
          : {
              status: decided.status,
              headers: decided.headers,
              // What goes on the wire: Node sends no body for HEAD, 1xx, 204 or 304 whatever the rule says.
              bodyBase64: sendsNoBody(incoming.method, decided.status)
                ? ''
                : bytesOf(decided.body).toString('base64'),
              delayMs: decided.delayMs,
              reason: decided.reason,
              ruleStep: fromRule ? decided.step : undefined,
              ruleVersion: fromRule ? decided.ruleVersion : undefined,
            },
    });
  } catch (error) {
    // Not stored, so not acknowledged: the sender sees a failure and (if it retries) sends again.
    ctx.log.error('receiver: could not store capture', { error: String(error) });
    if (fromRule && decided) rules.giveBack(ruled, decided);
    if (!res.headersSent && problem !== 'aborted') {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
      res.end(
        JSON.stringify({
          error: 'storage_unavailable',
          message: describeStorageError(error) ?? 'Hookscope could not store this request.',
        }),
      );
    }
    return;
  }
  if (problem === 'aborted' || decided === null) return;
  if (decided.delayMs > 0) {
    await delayUnlessClosed(res, decided.delayMs);
    try {
      ctx.captures.markResponseBeingWritten(id);
    } catch (error) {
      // The next start after a kill mid-write would then record this response as never sent.
      ctx.log.error('receiver: could not record a delayed response as being written', {
        error: String(error),
      });
    }
  }
  const written = send(res, decided, id);
  if (written && (problem === 'too-large' || problem === 'unsent-body')) closeOnceAnswered(res);
  if (!written || !(await responseDelivered(res))) {
    // The capture was committed with the response it was about to get; the client left before it was written.
    // Not given back when the rule changed meanwhile (or the endpoint went): the record says only what happened.
    const givenBack = fromRule && rules.giveBack(ruled, decided);
    try {
      ctx.captures.markResponseNotSent(
        id,
        unsentResponseReason(
          responses.closing ? 'Hookscope stopped' : 'the client disconnected',
          decided,
          givenBack,
        ),
      );
    } catch (error) {
      ctx.log.error('receiver: could not record an unsent response', { error: String(error) });
    }
    return;
  }
  if (decided.delayMs > 0) {
    try {
      ctx.captures.markResponseWritten(id);
    } catch (error) {
      // The next start after a kill would then record this response as never sent.
      ctx.log.error('receiver: could not record a delayed response as written', { error: String(error) });
    }
  }
}

/** The body was never read: once the answer is out, nothing else can be framed on this connection. */
function closeOnceAnswered(res: ServerResponse) {
  res.once('finish', () => res.socket?.destroy());
}

/** What the head checks made of a request that waited for 100 Continue: null when they have not run on it yet. */
type HeadVerdict = Interception | 'passed' | null;

/** The first refusal decided from the head: a missing Host, then the modules' head checks. */
function headRefusal(ctx: Ctx, incoming: IncomingCapture, endpoint: Endpoint): Interception | null {
  return (
    missingHostInterception(incoming) ??
    firstInterception(ctx, ctx.receiverHooks.headChecks, incoming, endpoint)
  );
}

function firstInterception(
  ctx: Ctx,
  checks: Interceptor[],
  incoming: IncomingCapture,
  endpoint: Endpoint,
): Interception | null {
  for (const intercept of checks) {
    try {
      const interception = intercept(incoming, endpoint);
      if (interception) return interception;
    } catch (error) {
      ctx.log.error('receiver: interceptor failed', { error: String(error) });
    }
  }
  return null;
}

/**
 * Waits out a rule's delay, or less if the client goes away meanwhile. Its socket is watched too: a response queued
 * behind another on a pipelined connection hears nothing of the client leaving (see responseDelivered).
 */
function delayUnlessClosed(res: ServerResponse, delayMs: number): Promise<void> {
  const socket = res.req.socket;
  if (socket.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      socket.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, delayMs);
    res.once('close', done);
    socket.once('close', done);
  });
}

const receivedHeaderText = (value: string | undefined) =>
  value === undefined ? undefined : headerValueText(value).text;

const bytesOf = (body: string | Buffer) => (typeof body === 'string' ? Buffer.from(body) : body);

/** A 2xx to CONNECT turns the connection into a tunnel: no Content-Length, no body (RFC 9110 §9.3.6). */
const opensTunnel = (method: string | undefined, status: number) =>
  method === 'CONNECT' && status >= 200 && status < 300;

const sendsNoBody = (method: string | undefined, status: number) =>
  method === 'HEAD' ||
  status < 200 ||
  status === 204 ||
  status === 205 ||
  status === 304 ||
  opensTunnel(method, status);

/** Writes the response; false when it could not be, because the client has gone. */
function send(res: ServerResponse, decided: DecidedResponse, captureId: number | null): boolean {
  if (res.headersSent) return true;
  if (res.destroyed || res.req.socket.destroyed) return false;
  const method = res.req.method;
  const tunnel = opensTunnel(method, decided.status);
  // Node sends none for HEAD, 1xx, 204 or 304 itself; a 205 and a tunnel's 2xx are left out here.
  const body = tunnel || decided.status === 205 ? Buffer.alloc(0) : bytesOf(decided.body);
  const headers: string[] = [];
  for (const [name, value] of decided.headers) headers.push(name, value);
  if (captureId !== null) headers.push('x-hookscope-capture-id', String(captureId));
  // Framed by length, not chunked: Node only counts it itself when no writeHead came first. A 204 or 304 must not
  // have one, nor a tunnel's 2xx (it ends at the head: no chunked framing either); HEAD gets the length a GET would
  // have, and a 205 says 0.
  const length =
    decided.status === 204 || decided.status === 304 || tunnel ? [] : ['content-length', String(body.length)];
  if (tunnel) res.useChunkedEncodingByDefault = false;
  try {
    res.writeHead(decided.status, [...headers, ...length]);
    res.end(body);
  } catch {
    // Rules' headers Node would refuse are left out before this (withSendableHeaders); still, never leave the sender hanging.
    if (!res.headersSent) {
      res.writeHead(decided.status, length);
      res.end(body);
    }
  }
  return true;
}
