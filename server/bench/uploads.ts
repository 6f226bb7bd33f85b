// Memory of document uploads and downloads: a real server process (src/main.ts) on the
// benchmark's database, its resident set sampled from /proc while 20 clients each upload a
// 10 MB PDF at once, then download it at once. The client is this process, so its buffers do
// not count.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pdf } from '../src/test/sample-files.js';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const PARALLEL = 20;

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** Peak RSS of `pid` while `work` runs. */
async function peakDuring<T>(pid: number, work: () => Promise<T>): Promise<[number, T]> {
  let peak = await rssMb(pid);
  let done = false;
  const sampler = (async () => {
    while (!done) {
      peak = Math.max(peak, await rssMb(pid));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  try {
    const result = await work();
    done = true;
    await sampler;
    return [Math.max(peak, await rssMb(pid)), result];
  } finally {
    done = true;
  }
}

function startServer(databaseUrl: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      MIGRATE_ON_START: 'false',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'info',
      RATE_LIMIT_USER: '0',
      FILES_MAX_MB: '10',
      AUDIT_CHECKPOINT_FILE: path.join(dataDir, 'checkpoints.jsonl'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      const match = /draait op (http:\/\/[\d.:]+)/.exec(String(chunk));
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

export async function benchUploads(options: {
  databaseUrl: string;
  dataDir: string;
  email: string;
  password: string;
  applicationId: string;
}): Promise<string> {
  const { child, url } = await startServer(options.databaseUrl, options.dataDir);
  try {
    const login = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }',
        variables: { e: options.email, p: options.password },
      }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const file = await pdf(10 * 1024 * 1024 - 64 * 1024);
    const upload = async () => {
      const response = await fetch(`${url}/files/applications/${options.applicationId}?name=groot.pdf`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf', cookie },
        body: file,
      });
      if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { document: { id: string } }).document.id;
    };
    const download = async (id: string) => {
      const response = await fetch(`${url}/files/documents/${id}`, { headers: { cookie } });
      let size = 0;
      for await (const piece of response.body!) size += (piece as Uint8Array).length;
      if (response.status !== 200 || size !== file.length)
        throw new Error(`download: ${response.status}, ${size} bytes`);
    };
    // Warm-up: one of each, so the baseline includes what the first upload loads once.
    await download(await upload());
    const pid = child.pid!;
    const baseline = await rssMb(pid);
    const started = performance.now();
    const [uploadPeak, ids] = await peakDuring(pid, () => Promise.all(Array.from({ length: PARALLEL }, upload)));
    const uploadSeconds = (performance.now() - started) / 1000;
    const afterUploads = await rssMb(pid);
    const downloadStarted = performance.now();
    const [downloadPeak] = await peakDuring(pid, () => Promise.all(ids.map(download)));
    const downloadSeconds = (performance.now() - downloadStarted) / 1000;
    const mb = (value: number) => value.toFixed(0);
    return (
      `Documents: ${PARALLEL} parallel uploads of ${(file.length / 1024 / 1024).toFixed(1)} MB PDFs (streamed to a temporary file, checked, ` +
      `copied into PostgreSQL in 256 kB chunks) took ${uploadSeconds.toFixed(1)} s; the server's RSS went from ${mb(baseline)} MB to a peak of ` +
      `${mb(uploadPeak)} MB (+${mb(uploadPeak - baseline)} MB). ${PARALLEL} parallel downloads of them took ${downloadSeconds.toFixed(1)} s, ` +
      `peak ${mb(downloadPeak)} MB (+${mb(downloadPeak - afterUploads)} MB).`
    );
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
