import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
} from 'playwright-core'

/** Debian's Chromium; no test tool downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The flags every test browser runs with: no sandbox in CI, and no calls home. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: BROWSER_ARGS })
}

/** A browser with a profile on disk, to be closed and started again like a real one. */
export function launchPersistentBrowser(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: BROWSER_ARGS,
    viewport: { width: 1440, height: 900 },
  })
}

/** Collects console errors and page errors, so a test can assert the page stayed clean. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  // PK_STACKS=1 keeps where a page error came from, to find it in the built code.
  page.on('pageerror', (error) =>
    errors.push(process.env.PK_STACKS ? String(error.stack) : error.message),
  )
  return errors
}
