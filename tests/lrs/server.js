// A test-only learning record store: Learning Locker's statements service
// (npm xapi-statements, GPL-3.0, run as a separate process and never part of
// casebook), in memory, on 127.0.0.1, behind HTTP Basic auth.
//
// Started by tests/lrs.rs as `node server.js` with the service's own settings
// in the environment (EXPRESS_PORT, MODELS_REPO=memory, ...) and:
//   LRS_BASIC_KEY, LRS_BASIC_SECRET  the one key and secret accepted
//   LRS_PORT_FILE                    the port is written here once it listens
'use strict';
const fs = require('fs');
const http = require('http');
const net = require('net');

// The service calls app.listen(port) with no host: keep every listener on
// loopback, and report the xAPI server's port.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (first && typeof first === 'object' && first.port !== undefined && !first.host) {
    args[0] = Object.assign({}, first, { host: '127.0.0.1' });
  }
  if (!this.isClientStub && process.env.LRS_PORT_FILE) {
    this.once('listening', () => {
      const file = process.env.LRS_PORT_FILE;
      fs.writeFileSync(file + '.tmp', String(this.address().port));
      fs.renameSync(file + '.tmp', file);
    });
  }
  return listen.apply(this, args);
};

// The service asks a client-info endpoint who a request's credentials
// belong to: answer for the one key and secret, 404 (so 401) for anything else.
const key = process.env.LRS_BASIC_KEY;
const secret = process.env.LRS_BASIC_SECRET;
if (!key || !secret) {
  console.error('LRS_BASIC_KEY and LRS_BASIC_SECRET must be set');
  process.exit(2);
}
const expected = 'Basic ' + Buffer.from(key + ':' + secret).toString('base64');
const client = {
  _id: '000000000000000000000001',
  title: 'casebook tests',
  isTrusted: true,
  authority: { objectType: 'Agent', name: key, mbox: 'mailto:' + key + '@lrs.invalid' },
  lrs_id: '000000000000000000000002',
  organisation: '000000000000000000000003',
  scopes: ['all'],
};
const stub = http.createServer((request, response) => {
  const known = request.headers.authorization === expected;
  response.writeHead(known ? 200 : 404, { 'Content-Type': 'application/json' });
  response.end(known ? JSON.stringify(client) : '{"message":"no such client"}');
});
stub.isClientStub = true;
stub.listen(0, '127.0.0.1', () => {
  process.env.AUTH_REPO = 'fetch';
  process.env.LL_CLIENT_INFO_ENDPOINT = 'http://127.0.0.1:' + stub.address().port + '/auth';
  require('xapi-statements/dist/index.js');
});
