// Serves the explorer at /explorer from the gateway's own HTTP server. The page is static; the
// token the analyst pastes goes only to /graphql on the same origin.
import type http from 'node:http';
import { explorerAssets } from './bundle';

const PAGE = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>DFDG explorer</title>
<link rel="stylesheet" href="/explorer/app.css">
<style>body{margin:0}</style>
</head>
<body>
<div id="explorer"></div>
<script src="/explorer/app.js"></script>
</body>
</html>`;

/**
 * Same-origin only: no third-party script, style or connection can run in the page that holds a
 * token. GraphiQL's editor needs inline styles and data: fonts/images.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function explorerRoute(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname !== '/explorer' && pathname !== '/explorer/' && !pathname.startsWith('/explorer/app.')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return true;
  }
  if (pathname === '/explorer' || pathname === '/explorer/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS }).end(PAGE);
    return true;
  }
  explorerAssets().then(
    ({ js, css }) => {
      const [body, type] = pathname === '/explorer/app.js' ? [js, 'text/javascript'] : pathname === '/explorer/app.css' ? [css, 'text/css'] : [null, ''];
      if (body === null) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache', ...SECURITY_HEADERS }).end(body);
    },
    () => res.writeHead(500, { 'content-type': 'text/plain' }).end('The explorer could not be built.'),
  );
  return true;
}
