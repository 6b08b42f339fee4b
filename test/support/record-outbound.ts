// Preloaded (`--import`) into a process under test: appends every outbound connection attempt
// (TCP/TLS connect, DNS look-up, UDP send) as a JSON line to OUTBOUND_RECORD_FILE, before it is
// made, so an attempt to an unreachable address is recorded as surely as one that succeeds.
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';

export interface OutboundAttempt {
  kind: 'connect' | 'lookup' | 'udp';
  host?: string;
  port?: number;
  /** A Unix socket or named pipe: local by definition. */
  path?: string;
}

const file = process.env.OUTBOUND_RECORD_FILE;

function record(attempt: OutboundAttempt): void {
  if (file) fs.appendFileSync(file, `${JSON.stringify(attempt)}\n`);
}

/** net.Socket#connect is called as (options), (path), (port, host?) or with a callback last. */
function connectTarget(args: unknown[]): OutboundAttempt {
  const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; port?: number | string; path?: string };
    return options.path ? { kind: 'connect', path: options.path } : { kind: 'connect', host: options.host ?? 'localhost', port: Number(options.port) };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { kind: 'connect', path: first };
  return { kind: 'connect', host: typeof second === 'string' ? second : 'localhost', port: Number(first) };
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  record(connectTarget(args));
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof connect;

const lookup = dns.lookup;
dns.lookup = function (hostname: string, ...rest: unknown[]) {
  record({ kind: 'lookup', host: hostname });
  return (lookup as (...a: unknown[]) => void).call(dns, hostname, ...rest);
} as typeof lookup;

const lookupPromise = dns.promises.lookup;
dns.promises.lookup = function (hostname: string, ...rest: unknown[]) {
  record({ kind: 'lookup', host: hostname });
  return (lookupPromise as (...a: unknown[]) => Promise<unknown>).call(dns.promises, hostname, ...rest);
} as typeof lookupPromise;

const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function (this: dgram.Socket, ...args: unknown[]) {
  // send(msg, [offset, length,] port, address): the address is the last string, its port just before.
  const at = args.map((a) => typeof a).lastIndexOf('string');
  record(at > 0 ? { kind: 'udp', host: args[at] as string, port: Number(args[at - 1]) } : { kind: 'udp' });
  return (send as (...a: unknown[]) => void).apply(this, args);
} as typeof send;
