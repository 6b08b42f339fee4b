// The SSRF guard: what a declared endpoint may be, and what its name may resolve to at delivery.
import { pinnedLookup, refusedAddress, refusedEndpoint } from '../endpoint-guard';

const STRICT = { allowLoopback: false, allowPrivateNetworks: false };
const DEV = { allowLoopback: true, allowPrivateNetworks: false };

it.each([
  ['https://receiver.example/hook', null],
  ['https://93.184.216.34/hook', null],
  ['http://receiver.example/hook', 'not https'],
  ['https://user:pw@receiver.example/hook', 'credentials in the URL (sign with the secret instead)'],
  ['not a url', 'not an absolute URL'],
  ['https://127.0.0.1/hook', 'a loopback address'],
  ['https://localhost/hook', 'a loopback address'],
  ['https://[::1]/hook', 'a loopback address'],
  ['https://169.254.169.254/latest/meta-data', 'a private, link-local or reserved address'],
  ['https://10.0.0.5/hook', 'a private, link-local or reserved address'],
  ['https://172.31.255.255/hook', 'a private, link-local or reserved address'],
  ['https://172.32.0.1/hook', null],
  ['https://192.168.1.1/hook', 'a private, link-local or reserved address'],
  ['https://[fd00:ec2::254]/hook', 'a private, link-local or reserved address'],
  ['https://[::ffff:10.0.0.1]/hook', 'a private, link-local or reserved address'],
  ['https://0.0.0.0/hook', 'a private, link-local or reserved address'],
])('%s → %s by default', (endpoint, refused) => {
  expect(refusedEndpoint(endpoint, STRICT)).toBe(refused);
});

it('allows http to loopback only when loopback is allowed, and never http elsewhere', () => {
  expect(refusedEndpoint('http://127.0.0.1:8080/hook', DEV)).toBeNull();
  expect(refusedEndpoint('http://localhost:8080/hook', DEV)).toBeNull();
  expect(refusedEndpoint('http://receiver.example/hook', DEV)).toBe('not https');
  expect(refusedEndpoint('https://10.0.0.5/hook', DEV)).toBe('a private, link-local or reserved address');
  expect(refusedAddress('10.0.0.5', { allowLoopback: false, allowPrivateNetworks: true })).toBeNull();
});

it('refuses at connect time a name that resolves to a refused address', async () => {
  const lookup = (guard: typeof STRICT) =>
    new Promise<{ error: (Error & { code?: string }) | null; address: string }>((resolve) =>
      pinnedLookup(guard)('localhost', { family: 4 }, (error, address) => resolve({ error, address: address as string })),
    );
  const refused = await lookup(STRICT);
  expect(refused.error?.code).toBe('EDELIVERYREFUSED');
  const allowed = await lookup({ ...STRICT, allowLoopback: true });
  expect(allowed).toEqual({ error: null, address: expect.stringMatching(/^127\./) });
});
