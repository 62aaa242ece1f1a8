// Time from pressing the PDF button to the finished download, in Debian's Chromium against the
// real server, for maps of 200 and 1,000 notes (imported as JSON files made here).
// Usage: npm run build && node bench/pdfExport.mjs [--runs 3]
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { launchChromium, mapFile } from './fixtures.mjs'
import { ourServerArgs, startServerProcess } from './serverProcess.mjs'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } })
const RUNS = Number(values.runs)
const server = await startServerProcess(ourServerArgs, 'our server')
const { url, dataDir } = server

const browser = await launchChromium()
const rows = []
for (const count of [200, 1000]) {
  const file = path.join(dataDir, `map-${count}.json`)
  fs.writeFileSync(file, JSON.stringify(mapFile(count)))
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  })
  const page = await context.newPage()
  await page.goto(url)
  await page.getByLabel('Kies een JSON-bestand van een partnerschapskaart').setInputFiles(file)
  await page.getByLabel('Je naam').fill('Ellen')
  await page.getByRole('radio', { name: 'Beroepskracht' }).check()
  await page.getByRole('button', { name: 'Meedoen' }).click()
  await page
    .locator('.note-list > li')
    .nth(count - 1)
    .waitFor()
  const times = []
  let pages = 0
  for (let run = 0; run < RUNS + 1; run++) {
    const started = performance.now()
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Afsprakenkaart (PDF)' }).click(),
    ])
    const saved = path.join(dataDir, `out-${count}-${run}.pdf`)
    await download.saveAs(saved)
    const elapsed = performance.now() - started
    // The first run also loads the PDF code and fonts; it is reported apart.
    if (run > 0) times.push(elapsed)
    else rows.push({ count, kind: 'first (loads code and fonts)', ms: elapsed })
    pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [saved], { encoding: 'utf8' }))?.[1],
    )
  }
  times.sort((a, b) => a - b)
  rows.push({
    count,
    kind: `median of ${RUNS} more`,
    ms: times[Math.floor(times.length / 2)],
    pages,
  })
  await context.close()
}
await browser.close()
server.child.kill('SIGTERM')

console.log(`\nPDF export in Chromium (A3), click to finished download; ${os.cpus().length} cores`)
console.log('| notes | run | ms | pages |')
console.log('| ---: | --- | ---: | ---: |')
for (const row of rows)
  console.log(`| ${row.count} | ${row.kind} | ${row.ms.toFixed(0)} | ${row.pages ?? ''} |`)
fs.rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
