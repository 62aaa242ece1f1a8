import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseConfig } from './config.js'
import { startServer } from './server.js'

// dist/server/index.js serves dist/client next to it.
const here = path.dirname(fileURLToPath(import.meta.url))

async function main(): Promise<void> {
  let config
  try {
    config = parseConfig(process.argv.slice(2), process.env, {
      clientDir: path.resolve(here, '../client'),
    })
  } catch (error) {
    console.error(`partnerschapskaart: ${(error as Error).message}`)
    process.exit(2)
  }
  const server = await startServer(config)
  console.log(`Partnerschapskaart is running at ${server.url}`)
  console.log(`Data folder: ${config.dataDir}`)
  const stop = (): void => {
    void server.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error('partnerschapskaart: could not start:', error)
  process.exit(1)
})
