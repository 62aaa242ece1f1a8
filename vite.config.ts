import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'

/**
 * Initial JavaScript of the join-and-edit path, gzip; PDF and QR code load later. Raised from 150
 * to 153 kB for undo: Yjs's UndoManager lives in the one yjs module every page loads (1.6 kB of
 * it). Issue 21 brings the whole path down to 130 kB.
 */
const INITIAL_JS_BUDGET_BYTES = 153_000

/**
 * Prints every JavaScript chunk with its gzip size and fails the build when what the page loads
 * before anyone can type (the entry and what it imports statically) is over budget.
 */
function javascriptBudget(): Plugin {
  // An unminified build (`vite build --minify false`, for profiling) is printed, not judged.
  let minified = true
  return {
    name: 'javascript-budget',
    apply: 'build',
    configResolved(config) {
      minified = config.build.minify !== false
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk')
      const gzip = new Map(chunks.map((chunk) => [chunk.fileName, gzipSync(chunk.code).length]))
      const initial = new Set<string>()
      const visit = (fileName: string): void => {
        if (initial.has(fileName)) return
        initial.add(fileName)
        const chunk = chunks.find((c) => c.fileName === fileName)
        for (const imported of chunk?.imports ?? []) visit(imported)
      }
      for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName)
      const total = [...initial].reduce((sum, file) => sum + gzip.get(file)!, 0)
      const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
      const lines = chunks.map(
        (c) =>
          `  ${initial.has(c.fileName) ? 'initial' : 'lazy   '}  ${kb(gzip.get(c.fileName)!).padStart(9)}  ${c.fileName}`,
      )
      this.info(
        `JavaScript (gzip):\n${lines.join('\n')}\n  initial total ${kb(total)} of ${kb(INITIAL_JS_BUDGET_BYTES)}`,
      )
      if (minified && total > INITIAL_JS_BUDGET_BYTES) {
        this.error(
          `initial JavaScript is ${kb(total)} gzip, over the budget of ${kb(INITIAL_JS_BUDGET_BYTES)}`,
        )
      }
    },
  }
}

/** The PDF maker's chunk and its fonts: 1 MB compressed, for the end of a meeting. */
const PDF_MAKER = /\/src\/features\/export\/pdf\//

/**
 * Emits /sw.js with the list of every built file the map needs, so the app opens offline after
 * one visit. The PDF maker and its fonts (four fifths of the app, compressed) are not in it: a
 * phone on the centre's wifi would fetch them on its first visit, competing with the map; the
 * worker keeps them once someone makes a PDF. Hand-written instead of a PWA plugin: the worker is
 * fifty lines and needs no runtime library.
 */
function appShellServiceWorker(): Plugin {
  return {
    name: 'app-shell-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const later = new Set<string>()
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.moduleIds.some((id) => PDF_MAKER.test(id))) continue
        later.add(file.fileName)
        for (const asset of file.viteMetadata?.importedAssets ?? []) later.add(asset)
      }
      if (later.size === 0) this.error('the PDF maker was not found: check PDF_MAKER')
      const files = Object.keys(bundle).filter((file) => !file.endsWith('.map'))
      const precache = [
        '/',
        '/index.html',
        ...files.filter((f) => !later.has(f)).map((f) => `/${f}`),
      ]
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

/**
 * What the server sends compressed when the browser takes it (`server/static.ts`); the PDF's
 * fonts too (1.5 MB, 0.6 MB in Brotli).
 */
const COMPRESSIBLE = /\.(js|css|html|svg|json|webmanifest|txt|ttf)$/

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every built text file, compressed once
 * and as hard as they go, so the server sends a phone 150 kB instead of 490 kB and spends no CPU
 * on it during a workshop. Written after the bundle, they are in no list of built files (the
 * service worker's).
 */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue
        const file = path.join(options.dir!, fileName)
        const source = readFileSync(file)
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(source, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
            },
          }),
        )
        writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }))
      }
    },
  }
}

export default defineConfig({
  plugins: [appShellServiceWorker(), javascriptBudget(), precompress()],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // What every page needs goes in one chunk: left alone, the bundler cut it into
              // many small shared chunks (one per set of lazy importers), each compressed on
              // its own, and the first download grew by kilobytes.
              name: 'app',
              test: /node_modules\/(react|react-dom|scheduler|yjs|lib0|y-websocket|y-protocols|y-indexeddb|zustand|fractional-indexing)\/|\/src\/(map\/(?!mapFile|example|migrate|versions|trajectory|tasks|layers|power)|store\/(?!trajectory)|sync\/(?!versionsApi|trajectoryConnection)|i18n\/(index|nl|messages)|routing|features\/shared\/(noteText|refs|roleText))/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
})
