// What the browser benchmarks share: Debian's Chromium, and generated maps to import.
import { chromium } from 'playwright-core'

/** Debian's Chromium with the flags every run here uses; no tool downloads a browser. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

const COLUMNS = ['waarden', 'relaties', 'eisen', 'voorwaarden', 'acties']

/** A map file (as the app exports it) with `count` notes spread over the five columns. */
export function mapFile(count) {
  const author = {
    id: 'benchauthor1',
    name: 'Ayşe Yılmaz',
    role: 'vrijwilliger',
    roleLabel: '',
    side: 'informal',
  }
  return {
    format: 'partnerschapskaart',
    version: 1,
    schemaVersion: 1,
    exportedAt: new Date().toISOString(),
    title: `Benchmark met ${count} notities`,
    description: 'Samenspel in de wijk: ë é ï ü ĳ €',
    participants: [author],
    notes: Array.from({ length: count }, (_, i) => {
      const column = COLUMNS[i % 5]
      return {
        column,
        text: `Notitie ${i}: we spreken af dat iedereen gelijkwaardig meepraat en dat de coördinatie helder blijft.`,
        author,
        owner: column === 'acties' ? { kind: 'wij', name: 'de groep', when: 'vóór 1 maart' } : null,
        agreed: i % 7 === 0,
      }
    }),
  }
}
