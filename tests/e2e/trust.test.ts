import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it, vi } from 'vitest'
import { launchPersistentBrowser } from '../helpers/browser'
import { stopServerProcess } from '../helpers/serverProcess'
import { useHarness, writeMapFile } from './harness'
import { RoomPage } from './roomPage'

vi.setConfig({ testTimeout: 120_000 })

const harness = useHarness()

/** The names of this page's IndexedDB databases. */
async function databases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''))
}

describe('trust in the browser', () => {
  it('tells everyone when the facilitator deletes the map, and wipes it from their devices', async () => {
    const ellen = await harness.person()
    const url = await ellen.room.createMap(harness.server.url, 'Te verwijderen kaart')
    await ellen.room.join('Ellen van Dijk', 'Beroepskracht')
    const ayse = await harness.person()
    await ayse.page.goto(url)
    await ayse.room.join('Ayşe Yılmaz', 'Vrijwilliger')
    await ayse.room.addNote(/Waarden/, 'Over mevrouw J. op nummer 12')
    await ellen.room.note('Over mevrouw J. op nummer 12').waitFor()
    const roomId = new URL(url).pathname.split('/').pop()!
    await expect.poll(() => databases(ayse.page)).toContain(`partnerschapskaart:${roomId}`)

    // What this device keeps of the map besides its cache: a draft and the key of its pulse entry.
    await ayse.page.evaluate((id) => {
      localStorage.setItem(`pk.drafts.${id}`, JSON.stringify({ drafts: [], revealedRound: 1 }))
      localStorage.setItem(`pk-pulse-${id}`, 'pulse-key-0001')
    }, roomId)

    await ellen.room.openPanel('Meer')
    await ellen.page.getByText('Kaart verwijderen').click()
    await ellen.page.getByRole('button', { name: 'Ja, verwijder de kaart voor iedereen' }).click()
    for (const person of [ellen, ayse]) {
      await person.page
        .getByRole('alert')
        .getByText('Deze kaart is verwijderd. Ook de kopie op dit apparaat is gewist.')
        .waitFor()
    }
    // The facilitator pressed delete at the bottom of the panel: the message is brought to them.
    expect(await ellen.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
      'alert',
    )
    await expect.poll(() => databases(ayse.page)).not.toContain(`partnerschapskaart:${roomId}`)
    // Nothing of it on the screen or in the device's storage.
    expect(await ayse.room.note('Over mevrouw J. op nummer 12').count()).toBe(0)
    expect(
      await ayse.page.evaluate(
        (id) => Object.keys(localStorage).filter((key) => key.includes(id)),
        roomId,
      ),
    ).toEqual([])
    // Not in the list of recent maps either, and the link leads nowhere now.
    await ayse.page.getByRole('link', { name: 'Naar het begin' }).first().click()
    await ayse.page.getByRole('heading', { name: 'Eerder geopend op dit apparaat' }).waitFor()
    expect(await ayse.page.getByText('Te verwijderen kaart').count()).toBe(0)
    await ayse.page.goto(url)
    await ayse.page
      .getByRole('alert')
      .getByText('Deze kaart bestaat niet (meer) op deze server.', { exact: false })
      .waitFor()
    expect(ayse.errors.filter((e) => !e.includes('WebSocket'))).toEqual([])
  })

  it('says so when the server cannot store, keeps the notes on the device, and shares them later', async () => {
    const ayse = await harness.person()
    const url = await ayse.room.createMap(harness.server.url, 'Volle schijf')
    await ayse.room.join('Ayşe Yılmaz', 'Vrijwilliger')
    await ayse.room.addNote(/Waarden/, 'Opgeslagen voor de schijf vol was')

    // The same data folder, now with a database that cannot grow: as a full disk.
    await stopServerProcess(harness.server)
    const size = fs.statSync(`${harness.dataDir}/partnerschapskaart.db`).size
    // Two more pages of 4 KB: a few notes fit, then the "disk" is full.
    await harness.restartServer(['--max-db-bytes', String(size + 8192)])
    await ayse.page.locator('.connection[data-status="connected"]').waitFor({ timeout: 15_000 })
    const texts = Array.from(
      { length: 8 },
      (_, i) => `Notitie ${i}: ${'lang verhaal '.repeat(60).trim()}`,
    )
    for (const text of texts) {
      await ayse.room.addNote(/Relaties/, text)
      if (
        await ayse.page
          .getByText('De server kan je wijzigingen nu niet bewaren.', { exact: false })
          .count()
      )
        break
    }
    await ayse.page
      .getByRole('alert')
      .getByText('De server kan je wijzigingen nu niet bewaren.', { exact: false })
      .waitFor({ timeout: 15_000 })
    await ayse.page.locator('.connection[data-status="storageFailed"]').waitFor()

    // Room on the disk again: everything written meanwhile arrives, and another person sees it.
    await stopServerProcess(harness.server)
    await harness.restartServer()
    await ayse.page.locator('.connection[data-status="connected"]').waitFor({ timeout: 40_000 })
    const lukasz = await harness.person()
    await lukasz.page.goto(url)
    await lukasz.room.join('Łukasz Nowak', 'Beroepskracht')
    const written = await ayse.room.notesIn(/Relaties/).count()
    expect(written).toBeGreaterThan(0)
    await expect
      .poll(() => lukasz.room.notesIn(/Relaties/).count(), { timeout: 15_000 })
      .toBe(written)
    await lukasz.room.note('Opgeslagen voor de schijf vol was').waitFor()
  })

  it('runs nothing from a corpus of script payloads in notes, names, titles and imports', async () => {
    const payloads = [
      '<script>window.__pwned=1</script>',
      '<img src=x onerror="window.__pwned=1">',
      '<svg onload="window.__pwned=1"></svg>',
      '"><iframe src="javascript:window.parent.__pwned=1"></iframe>',
      '<a href="javascript:window.__pwned=1">klik</a>',
      '</textarea><script>window.__pwned=1</script>',
      '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
      "{{constructor.constructor('window.__pwned=1')()}}",
      '[klik](javascript:window.__pwned=1)',
      '<details open ontoggle="window.__pwned=1">',
      'javascript:window.__pwned=1',
      '<object data="data:text/html,<script>parent.__pwned=1</script>"></object>',
    ]
    const { page, room, errors } = await harness.person()
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
    const injected = () =>
      page
        .locator(
          'main img, main script, main iframe, main svg:not(.qr-code), main object, main details[ontoggle], main a[href^="javascript"]',
        )
        .count()

    // Typed in: the title, a name and notes.
    await room.createMap(harness.server.url, payloads[1]!)
    await room.join('<b onmouseover="window.__pwned=1">Eve</b>', 'Bewoner')
    for (const payload of payloads.slice(0, 6)) await room.addNote(/Waarden/, payload)
    const shown = await room
      .notesIn(/Waarden/)
      .locator('.note-text')
      .allInnerTexts()
    expect(shown).toEqual(payloads.slice(0, 6))

    // Brought in: a map file full of them, in every field an import fills.
    const author = {
      id: 'evil-author-01',
      name: payloads[0]!,
      role: 'anders',
      roleLabel: payloads[3]!.slice(0, 60),
      side: 'informal',
    }
    const file = writeMapFile('xss.json', {
      title: payloads[6]!.slice(0, 120),
      description: payloads.join(' '),
      cardVersion: payloads[9]!.slice(0, 40),
      participants: [author],
      notes: payloads.map((text, i) => ({
        column: ['waarden', 'relaties', 'eisen', 'voorwaarden', 'acties'][i % 5],
        text,
        author,
        owner:
          i % 5 === 4
            ? {
                kind: 'anderen',
                name: payloads[i - 1]!.slice(0, 120),
                when: payloads[i - 2]!.slice(0, 80),
              }
            : null,
        agreed: true,
      })),
    })
    await page.goto(harness.server.url)
    await page.getByLabel('Kies een JSON-bestand van een partnerschapskaart').setInputFiles(file)
    // This device is known already (as Eve), so the imported map opens at once.
    await page.waitForURL(/\/m\//)
    await expect.poll(() => page.locator('.note-list > li').count()).toBe(payloads.length)
    await page.getByRole('heading', { name: payloads[6]!.slice(0, 120) }).waitFor()

    expect(await injected()).toBe(0)
    expect(await pwned()).toBeUndefined()
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
  })

  it('keeps edits made offline through a browser restart, and shares them once the server is back', async () => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-profile-'))
    let browser = await launchPersistentBrowser(profile)
    let page = browser.pages()[0] ?? (await browser.newPage())
    let room = new RoomPage(page)
    const url = await room.createMap(harness.server.url, 'Herstart van de browser')
    await room.join('Ayşe Yılmaz', 'Vrijwilliger')
    await room.addNote(/Waarden/, 'Voor de storing geschreven')
    await page.locator('.connection[data-status="connected"][data-unsynced="false"]').waitFor()
    // The service worker (registered once the page has settled) must be active to open the app
    // without a server.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))

    await stopServerProcess(harness.server)
    await page.locator('.connection:not([data-status="connected"])').waitFor()
    await room.addNote(/Waarden/, 'Tijdens de storing geschreven')
    await room.addNote(/Acties/, 'Ook offline: koffie regelen')
    await browser.close()

    // The browser starts again, still without a server: the map and the edits are there.
    browser = await launchPersistentBrowser(profile)
    page = browser.pages()[0] ?? (await browser.newPage())
    room = new RoomPage(page)
    await page.goto(url)
    await room.note('Tijdens de storing geschreven').waitFor()
    await room.note('Ook offline: koffie regelen').waitFor()

    await harness.restartServer()
    await page
      .locator('.connection[data-status="connected"][data-unsynced="false"]')
      .waitFor({ timeout: 30_000 })
    const other = await harness.person()
    await other.page.goto(url)
    await other.room.join('Łukasz Nowak', 'Beroepskracht')
    await other.room.note('Tijdens de storing geschreven').waitFor()
    await other.room.note('Ook offline: koffie regelen').waitFor()
    await browser.close()
  })
})
