// HTTPS in front of the test LRS, as an organisation would run it: TLS with a
// certificate from the organisation's own authority, forwarding each request
// to the LRS on 127.0.0.1. For tests/lrs.rs: node tls-proxy.js with
//   TLS_CERT, TLS_KEY   the server's certificate and key (PEM files)
//   TARGET_PORT         the LRS's port on 127.0.0.1
//   PORT_FILE           this proxy's port is written here once it listens
'use strict';
const fs = require('fs');
const http = require('http');
const https = require('https');

const server = https.createServer(
  { cert: fs.readFileSync(process.env.TLS_CERT), key: fs.readFileSync(process.env.TLS_KEY) },
  (request, response) => {
    const forward = http.request(
      {
        host: '127.0.0.1',
        port: Number(process.env.TARGET_PORT),
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode, answer.headers);
        answer.pipe(response);
      },
    );
    forward.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(forward);
  },
);
server.listen(0, '127.0.0.1', () => {
  const file = process.env.PORT_FILE;
  fs.writeFileSync(file + '.tmp', String(server.address().port));
  fs.renameSync(file + '.tmp', file);
});
