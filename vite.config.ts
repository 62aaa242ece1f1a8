import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vite'

/**
 * Emits /sw.js with the list of every built file, so the app opens offline after one visit.
 * Hand-written instead of a PWA plugin: the worker is forty lines and needs no runtime library.
 */
function appShellServiceWorker(): Plugin {
  return {
    name: 'app-shell-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((file) => !file.endsWith('.map'))
      const precache = ['/', '/index.html', ...files.map((file) => `/${file}`)]
      const version = createHash('sha256')
        .update(files.sort().join('\n'))
        .digest('hex')
        .slice(0, 12)
      const source = readFileSync(
        new URL('./src/sw/serviceWorkerSource.js', import.meta.url),
        'utf8',
      )
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: source
          .replace('__PRECACHE__', JSON.stringify([...new Set(precache)]))
          .replace('__VERSION__', version),
      })
    },
  }
}

export default defineConfig({
  plugins: [appShellServiceWorker()],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
})
