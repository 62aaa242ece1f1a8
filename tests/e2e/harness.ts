import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { collectErrors, launchBrowser } from '../helpers/browser'
import {
  startServerProcess,
  stopServerProcess,
  tempDataDir,
  type ServerProcess,
} from '../helpers/serverProcess'
import { RoomPage } from './roomPage'

/** One built server and one Chromium for a test file; each person gets a fresh browser context. */
export interface Harness {
  readonly server: ServerProcess
  readonly dataDir: string
  /**
   * Replaces the server (after a test stopped it), keeping the data folder and port; `args` are
   * extra command-line flags for the new one.
   */
  restartServer(args?: string[]): Promise<ServerProcess>
  person(options?: BrowserContextOptions): Promise<Person>
}

export interface Person {
  context: BrowserContext
  page: RoomPage['page']
  room: RoomPage
  /** Console and page errors seen so far. */
  errors: string[]
}

export function useHarness(): Harness {
  let browser: Browser
  let server: ServerProcess
  let dataDir: string
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    dataDir = tempDataDir('pk-e2e-')
    server = await startServerProcess(dataDir)
    browser = await launchBrowser()
  })

  afterEach(async () => {
    while (contexts.length > 0) await contexts.pop()!.close()
  })

  afterAll(async () => {
    await browser?.close()
    if (server) await stopServerProcess(server)
  })

  return {
    get server() {
      return server
    },
    get dataDir() {
      return dataDir
    },
    async restartServer(args = []) {
      server = await startServerProcess(dataDir, server.port, args)
      return server
    },
    async person(options = {}) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        ...options,
      })
      context.setDefaultTimeout(8_000)
      contexts.push(context)
      const page = await context.newPage()
      const errors = collectErrors(page)
      return { context, page, room: new RoomPage(page), errors }
    },
  }
}

/** Saves what a click downloads to a fresh temporary folder; the file's path. */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'pk-e2e-')),
    download.suggestedFilename(),
  )
  await download.saveAs(file)
  return file
}

/**
 * Writes a map file, as the app exports it, to a fresh temporary folder: the format's header, no
 * description or participants unless `fields` give them. Its path.
 */
export function writeMapFile(name: string, fields: Record<string, unknown>): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pk-map-')), name)
  fs.writeFileSync(
    file,
    JSON.stringify({
      format: 'partnerschapskaart',
      version: 1,
      schemaVersion: 1,
      exportedAt: new Date().toISOString(),
      description: '',
      participants: [],
      ...fields,
    }),
  )
  return file
}

/** A participant's phone: narrow, touch. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
}

/** The shared screen on a projector. */
export const BIG_SCREEN: BrowserContextOptions = { viewport: { width: 1920, height: 1080 } }

/** The facilitator opens the example map and joins it; returns them and the map's address. */
export async function openExample(
  harness: Harness,
  name = 'Ellen van Dijk',
  role = 'Manager',
): Promise<{ facilitator: Person; url: string }> {
  const facilitator = await harness.person()
  await facilitator.page.goto(harness.server.url)
  await facilitator.page.getByRole('button', { name: 'Voorbeeldkaart openen' }).click()
  await facilitator.page.waitForURL(/\/m\//)
  const url = facilitator.page.url()
  await facilitator.room.join(name, role)
  return { facilitator, url }
}

/** The big screen of the facilitator's map, opened from the share panel's link, showing the map. */
export async function openBigScreen(harness: Harness, facilitator: Person): Promise<Person> {
  const viewerUrl = await facilitator.room.viewerLink()
  const screen = await harness.person(BIG_SCREEN)
  await screen.page.goto(viewerUrl)
  await screen.page.getByRole('group', { name: 'De partnerschapskaart' }).waitFor()
  return screen
}

/** Someone else joins the map at `url`, on a laptop unless told otherwise. */
export async function joinAs(
  harness: Harness,
  url: string,
  name: string,
  role: string,
  options: BrowserContextOptions = {},
): Promise<Person> {
  const person = await harness.person(options)
  await person.page.goto(url)
  await person.room.join(name, role)
  return person
}
