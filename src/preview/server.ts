/**
 * `npm run preview`: webpack builds the add-in's pages with the preview page and without
 * Office.js into out/preview/ (`--env preview --env noOfficeJs`), then this serves them
 * over plain http on localhost, so anyone can try the task pane beside a simulated
 * workbook with only Node — no Office, no certificate.
 *
 *   PORT=3001 npm run preview      → http://localhost:3001/preview.html
 *
 * Every response carries the pages' Content-Security-Policy as a header too. The
 * browser tests (tests/browser/) serve their build with serve() from here.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { CSP } from '../taskpane/csp.js';

const ROOT = path.resolve(__dirname, '../..');

/** A line for the person who ran `npm run preview` (stdout), or a problem (stderr). */
const say = (line: string) => void process.stdout.write(`${line}\n`);
const complain = (line: string) => void process.stderr.write(`${line}\n`);

export { CSP };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Serve a directory on host:port (0: any free port); "/" is the preview page. */
export function serve(dir: string, port = 0, host = '127.0.0.1'): Promise<http.Server> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/preview.html' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    const file = path.join(root, pathname);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : 3001;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    complain(`PORT 应为 0–65535 的端口号，而不是“${process.env.PORT}”。`);
    process.exit(2);
  }
  const outDir = path.join(ROOT, 'out', 'preview');
  if (!fs.existsSync(path.join(outDir, 'preview.html'))) {
    complain('找不到 out/preview/preview.html：请用 npm run preview（先构建再启动）。');
    process.exit(1);
  }
  let server: http.Server;
  try {
    server = await serve(outDir, port, 'localhost');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    complain(code === 'EADDRINUSE' ? `端口 ${port} 已被占用：请用 PORT=其他端口 npm run preview。` : String(e));
    process.exit(1);
  }
  const { port: actual } = server.address() as AddressInfo;
  say(`决算公开助手 预览：http://localhost:${actual}/preview.html`);
  say(`（只有任务窗格：http://localhost:${actual}/taskpane.html?host=memory ；按 Ctrl+C 停止）`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    complain(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
