// Preloaded with `node --require` in privacy tests: every way to open an outgoing
// connection throws, and each attempt is recorded in $IMR_NETWORK_LOG.
const fs = require('node:fs');
const net = require('node:net');
const http = require('node:http');
const https = require('node:https');
const dgram = require('node:dgram');
const tls = require('node:tls');

function blocked(what) {
  return function () {
    if (process.env.IMR_NETWORK_LOG) fs.appendFileSync(process.env.IMR_NETWORK_LOG, `${what}\n`);
    throw new Error(`network access blocked in test: ${what}`);
  };
}

net.Socket.prototype.connect = blocked('net.Socket.connect');
net.connect = net.createConnection = blocked('net.connect');
tls.connect = blocked('tls.connect');
http.request = http.get = blocked('http.request');
https.request = https.get = blocked('https.request');
dgram.createSocket = blocked('dgram.createSocket');
globalThis.fetch = blocked('fetch');
