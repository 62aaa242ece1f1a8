import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The built server; PK_SERVER_ENTRY runs the tests against another build (an older commit's). */
const ENTRY =
  process.env.PK_SERVER_ENTRY ?? path.resolve(import.meta.dirname, '../../dist/server/index.js')

/** The built server running in its own process, as a user starts it. */
export interface ServerProcess {
  port: number
  url: string
  child: ChildProcess
  /** Resolves when the process has exited. */
  exited: Promise<void>
  /** The DevTools websocket of the process, when it was started with `--inspect=0`. */
  inspector: string | null
}

/** The token test servers answer /metrics with (it is not public). */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0000'

/** The text of a test server's /metrics. */
export async function metricsText(url: string): Promise<string> {
  const response = await fetch(`${url}metrics`, {
    headers: { Authorization: `Bearer ${TEST_METRICS_TOKEN}` },
  })
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`)
  return response.text()
}

/** A fresh temporary data folder. */
export function tempDataDir(prefix = 'pk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Starts `node dist/server/index.js` and resolves with the port it printed. */
export function startServerProcess(
  dataDir: string,
  port = 0,
  extraArgs: string[] = [],
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  if (!fs.existsSync(ENTRY)) {
    throw new Error(`${ENTRY} is missing: run "npm run build" before these tests`)
  }
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      ENTRY,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--data',
      dataDir,
      ...extraArgs,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, METRICS_TOKEN: TEST_METRICS_TOKEN },
    },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /running at (http:\/\/[^\s]+:(\d+)\/)/.exec(output)
      const inspector = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1] ?? null
      if (match && (inspector || !nodeArgs.some((arg) => arg.startsWith('--inspect')))) {
        clearTimeout(timer)
        child.stdout?.off('data', onData)
        resolve({ port: Number(match[2]), url: match[1]!, child, exited, inspector })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => onData(chunk))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
}

/** Kills the server process with SIGKILL (no chance to flush or compact) and waits for it. */
export async function killHard(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL')
  await server.exited
}

/** Stops the server process gracefully and waits for it. */
export async function stopServerProcess(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null) return
  server.child.kill('SIGTERM')
  await server.exited
}
