import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseConfig, usage } from './config.js'
import { errorText, log, setLogFormat } from './log.js'
import { startServer } from './server.js'

// dist/server/index.js serves dist/client next to it.
const here = path.dirname(fileURLToPath(import.meta.url))

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage())
    return
  }
  let config
  try {
    config = parseConfig(args, process.env, {
      clientDir: path.resolve(here, '../client'),
    })
  } catch (error) {
    console.error(`partnerschapskaart: ${(error as Error).message}`)
    process.exit(2)
  }
  if (config.logFormat !== 'auto') setLogFormat(config.logFormat)
  const server = await startServer(config)
  // The address comes last in its line: scripts and tests read it from there.
  log.info(
    config.databaseUrl
      ? `Storage: PostgreSQL${config.redisUrl ? ', relayed through Redis' : ''}`
      : `Data folder: ${config.dataDir}`,
  )
  log.info(`Partnerschapskaart is running at ${server.url}`)
  const stop = (signal: string): void => {
    log.info('stopping: closing connections, storing every room', { signal })
    void server.close().then(() => {
      log.info('stopped')
      process.exit(0)
    })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  log.error('could not start', { error: errorText(error) })
  process.exit(1)
})
