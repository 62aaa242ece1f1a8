// Starting a server as a child process for the benchmarks, on a free port it prints.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '..')

/** /metrics is not public: every server these benchmarks start answers it with this token. */
const METRICS_TOKEN = 'bench-metrics-token-0000'
process.env.METRICS_TOKEN ??= METRICS_TOKEN

/** The text of a benchmark server's /metrics (`base` without a trailing slash). */
export async function metricsText(base) {
  const response = await fetch(`${base}/metrics`, {
    headers: { Authorization: `Bearer ${process.env.METRICS_TOKEN}` },
  })
  return response.text()
}

/** The arguments that start our built server on a free port with a fresh data folder. */
export function ourServerArgs(dataDir) {
  return [
    path.join(ROOT, 'dist/server/index.js'),
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--data',
    dataDir,
    // Every benchmark client comes from loopback: the cap per address (there against one abuser
    // holding hundreds of sockets) would refuse the 200 clients of a room.
    '--max-connections-per-address',
    '100000',
  ]
}

/**
 * Node flags for every server a benchmark starts, from `BENCH_NODE_ARGS` (for profiling:
 * `BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"`; Node takes no --cpu-prof in
 * NODE_OPTIONS).
 */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)

/**
 * Runs `node <await args(dataDir)>` with a fresh temporary data folder, or the one given (and
 * `env(dataDir)` added to the environment), and resolves once the process printed
 * "running at http://host:port/".
 */
export async function startServerProcess(
  args,
  name,
  env = () => ({}),
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-bench-')),
) {
  const child = spawn(process.execPath, [...NODE_ARGS, ...(await args(dataDir))], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env(dataDir) },
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
      const match = /running at (http:\/\/[^:]+:(\d+)\/)/.exec(out)
      if (match) resolve({ child, url: match[1], port: Number(match[2]), dataDir })
    })
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)))
  })
}
