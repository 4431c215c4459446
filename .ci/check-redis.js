// Fails (exit 1) unless the Redis at REDIS_URL answers PING: CI must never silently skip Redis tests.
const net = require('node:net');

const url = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
const socket = net.createConnection({ host: url.hostname, port: Number(url.port || 6379) });
const timer = setTimeout(() => fail('no answer within 3 s'), 3000);

function fail(reason) {
  console.error(`Redis at ${url.host} is not reachable: ${reason}`);
  process.exit(1);
}

socket.on('connect', () => socket.write('PING\r\n'));
socket.on('data', (data) => {
  clearTimeout(timer);
  socket.end();
  if (!data.toString().startsWith('+PONG')) fail(`unexpected answer ${JSON.stringify(data.toString())}`);
  console.log(`Redis at ${url.host} answers PING`);
});
socket.on('error', (error) => fail(error.message));
