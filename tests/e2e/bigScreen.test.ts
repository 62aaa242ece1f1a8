import { createRequire } from 'node:module'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it, vi } from 'vitest'
import { PAGE_MS } from '../../src/features/room/viewer/ViewerBoard'
import { useHarness, writeMapFile, type Person } from './harness'

vi.setConfig({ testTimeout: 90_000 })

const harness = useHarness()
const require = createRequire(import.meta.url)
const AXE_SOURCE = require.resolve('axe-core/axe.min.js')
const PROJECTOR = { width: 1920, height: 1080 }

interface Room {
  facilitator: Person
  screen: Person
  mapUrl: string
}

/** A facilitator opens the example map; the big screen opens its viewer link at 1920×1080. */
async function openRoom(): Promise<Room> {
  const facilitator = await harness.person({ bypassCSP: true })
  const { page } = facilitator
  await page.goto(harness.server.url)
  await page.getByRole('button', { name: 'Voorbeeldkaart openen' }).click()
  await page.waitForURL(/\/m\//)
  await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
  const viewerUrl = await facilitator.room.viewerLink()
  // bypassCSP: axe is injected as a script tag, which our own Content-Security-Policy blocks.
  const screen = await harness.person({ viewport: PROJECTOR, bypassCSP: true })
  await screen.page.goto(viewerUrl)
  await screen.room.note('gezinnen zelf de regie houden').waitFor()
  return { facilitator, screen, mapUrl: page.url() }
}

/** How far the page scrolls down and sideways (0 when it fits), and the smallest note text. */
function pageFit(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement
    const notes = [...document.querySelectorAll('.vw-note .vw-note-text')]
    return {
      down: root.scrollHeight - window.innerHeight,
      sideways: root.scrollWidth - window.innerWidth,
      notes: notes.length,
      smallestNote: Math.min(...notes.map((note) => parseFloat(getComputedStyle(note).fontSize))),
    }
  })
}

/** Whether the element is wholly inside the window, as it is drawn now. */
async function inView(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  if (!box) return false
  const { width, height } = locator.page().viewportSize()!
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height
}

/**
 * What is wrong with the notes in sight, one line each: a note cut by the end of its list, or
 * drawn over the one before it. Empty when every list shows whole notes, one below the other.
 */
function notesOutOfOrder(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.vw-notes, .vw-rail-notes')].flatMap((list) => {
      const box = list.getBoundingClientRect()
      const column = list.dataset.column
      const shown = [...list.children]
        .filter((item) => getComputedStyle(item).visibility !== 'hidden')
        .map((item) => item.getBoundingClientRect())
      return shown.flatMap((rect, i) => {
        const above = shown
          .slice(0, i)
          .findLast((other) => Math.abs(other.left - rect.left) < 1 && other.top < rect.top + 1)
        const problems: string[] = []
        if (rect.top < box.top - 1 || rect.bottom > box.bottom + 1)
          problems.push(`${column} ${i} cut`)
        if (above && rect.top < above.bottom - 1) problems.push(`${column} ${i} over ${i - 1}`)
        return problems
      })
    }),
  )
}

async function fontSize(locator: Locator): Promise<number> {
  return locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
}

/** axe-core's colour-contrast check for the page as it is; the violations, one line each. */
async function contrastViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE })
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>
        }
      }
    ).axe
    return (await axe.run(document, { runOnly: ['color-contrast'] })).violations
  })
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`))
}

describe('the big screen on a 1920×1080 projector', () => {
  it('shows the whole map, then the active step large, without scrolling and without the top bar', async () => {
    const { facilitator, screen } = await openRoom()
    const { page } = screen

    // Free mode: all five columns side by side, inside the screen, no page scroll.
    expect(await page.locator('.topbar').count()).toBe(0)
    expect(await page.getByRole('link', { name: 'Partnerschapskaart' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: /Grote letters/ }).count()).toBe(0)
    const free = await pageFit(page)
    expect(free).toMatchObject({ down: 0, sideways: 0 })
    expect(free.notes).toBeGreaterThan(10)
    expect(free.smallestNote).toBeGreaterThanOrEqual(24)
    for (const name of [/Acties/, /Voorwaarden/, /Eisen/, /Relaties/, /Waarden/]) {
      expect(await inView(screen.room.column(name).getByRole('heading')), String(name)).toBe(true)
    }
    await page.getByRole('heading', { name: 'Vrij werken: alle kolommen zijn open.' }).waitFor()
    // Notes of different heights, their layers and power arriving after the first layout: each
    // page shows whole notes only.
    await expect.poll(() => notesOutOfOrder(page)).toEqual([])

    // A step with a timer: the step, its questions and the timer stay in view.
    await facilitator.page.getByRole('button', { name: 'Start met stap 1' }).click()
    await facilitator.page.getByRole('button', { name: 'Volgende stap' }).click()
    await facilitator.page.getByLabel('Minuten').fill('5')
    await facilitator.page.getByRole('button', { name: 'Start timer' }).click()
    await page.getByRole('heading', { name: '2. Relaties' }).waitFor()
    await page.getByRole('timer').waitFor()
    const step = await pageFit(page)
    expect(step).toMatchObject({ down: 0, sideways: 0 })
    expect(step.smallestNote).toBeGreaterThanOrEqual(24)
    expect(await inView(page.getByRole('heading', { name: '2. Relaties' }))).toBe(true)
    expect(await inView(page.getByText('Hoe communiceren we?', { exact: true }))).toBe(true)
    expect(await inView(page.getByText('Hoe delen we kennis?', { exact: true }))).toBe(true)
    expect(await inView(page.getByRole('timer'))).toBe(true)
    expect(await fontSize(page.getByRole('timer'))).toBeGreaterThanOrEqual(48)

    // The step's column takes most of the width, its notes in a grid; the others are rails.
    const relaties = page.getByRole('region', { name: 'Stap 2: Relaties' })
    const width = (locator: Locator) => locator.boundingBox().then((box) => box!.width)
    expect(await width(relaties)).toBeGreaterThan(PROJECTOR.width * 0.4)
    expect(await width(page.getByRole('region', { name: 'Stap 1: Waarden' }))).toBeLessThan(
      PROJECTOR.width * 0.15,
    )
    const notes = relaties.locator('.vw-notes > li')
    expect(await notes.count()).toBe(4)
    for (let i = 0; i < 4; i++) expect(await inView(notes.nth(i))).toBe(true)
    const tops = await notes.evaluateAll((items) =>
      items.map((item) => (item as HTMLElement).offsetTop),
    )
    expect(new Set(tops).size).toBeLessThan(4)
    expect(await notesOutOfOrder(page)).toEqual([])
    // A rail still names its notes, by reference and first words.
    await screen.room.note('Warmte en respect').waitFor()

    // The six actions share one page: a flagged action says its warning once, so it is not too
    // tall to stand below the first three (it was alone on a second page, the first half empty).
    for (let i = 0; i < 3; i++) {
      await facilitator.page.getByRole('button', { name: 'Volgende stap' }).click()
    }
    await page.getByRole('heading', { name: '5. Acties' }).waitFor()
    const acties = page.getByRole('region', { name: 'Stap 5: Acties' })
    await acties.getByText(/Let op: informele partners/).waitFor()
    await expect.poll(() => notesOutOfOrder(page)).toEqual([])
    expect(await acties.locator('.vw-notes > li').count()).toBe(6)
    expect(await acties.locator('.vw-notes > li[data-off-page]').count()).toBe(0)
  })

  it('shows a note in the spotlight large in the middle of the screen', async () => {
    const { facilitator, screen } = await openRoom()
    await facilitator.room.noteAction('We communiceren', 'In de spotlight')
    const spotlight = screen.page.getByRole('region', { name: 'In de spotlight' })
    await spotlight.getByText(/We communiceren rechtstreeks/).waitFor()
    expect(
      await fontSize(spotlight.getByText(/We communiceren rechtstreeks/)),
    ).toBeGreaterThanOrEqual(44)
    await spotlight.getByText('Ellen van Dijk · Manager, gemeente').waitFor()
    await spotlight.getByText(/Relaties/).waitFor()
    expect(await inView(spotlight)).toBe(true)
    expect((await spotlight.boundingBox())!.width).toBeGreaterThan(PROJECTOR.width * 0.4)
    expect(await pageFit(screen.page)).toMatchObject({ down: 0, sideways: 0 })

    await facilitator.room.noteAction('We communiceren', 'In de spotlight')
    await expect.poll(() => spotlight.count()).toBe(0)
  })

  it('ranks the notes by their dots once the vote is closed, most dots first', async () => {
    const { facilitator, screen, mapUrl } = await openRoom()
    const voter = await harness.person()
    await voter.page.goto(mapUrl)
    await voter.room.join('Ayşe Yılmaz', 'Vrijwilliger')
    await facilitator.room.openActivities()
    await facilitator.page.getByRole('button', { name: 'Stemronde openen' }).click()
    await facilitator.room.closeActivities()
    const give = async (person: Person, text: string) => {
      await person.page
        .getByRole('button', { name: new RegExp(`Stip geven aan: .*${text}`) })
        .click()
      await person.page
        .getByRole('button', { name: new RegExp(`Stip terugnemen van: .*${text}`) })
        .waitFor()
    }
    await give(facilitator, 'Warmte en respect')
    await give(facilitator, 'Warmte en respect')
    await give(facilitator, 'Luisteren zonder')
    await give(voter, 'Warmte en respect')
    await give(voter, 'Luisteren zonder')
    await give(voter, 'Samen een sociale kaart')
    const ranking = screen.page.getByRole('region', { name: 'Uitslag: de meeste stippen eerst' })
    expect(await ranking.count()).toBe(0)

    await facilitator.room.openActivities()
    await facilitator.page.getByRole('button', { name: 'Stemmen sluiten en uitslag tonen' }).click()
    const rows = ranking.getByRole('listitem')
    await expect
      .poll(() =>
        rows.evaluateAll((items) =>
          items.map((item) => `${item.getAttribute('data-count')} ${item.textContent}`),
        ),
      )
      .toEqual([
        expect.stringMatching(/^3 3.*Warmte en respect/),
        expect.stringMatching(/^2 2.*Luisteren zonder/),
        expect.stringMatching(/^1 1.*Samen een sociale kaart/),
      ])
    expect(await inView(ranking)).toBe(true)
    expect(await pageFit(screen.page)).toMatchObject({ down: 0, sideways: 0 })
  })

  it('keeps every note readable while a thread is shown: no colour-contrast violations', async () => {
    const { facilitator, screen } = await openRoom()
    // In a step, so that the other columns are "calm" on the facilitator's screen too.
    await facilitator.page.getByRole('button', { name: 'Start met stap 1' }).click()
    // Eisen is a rail during step 1: its notes' tools show once it is widened.
    await facilitator.page.getByRole('button', { name: 'Eisen breder tonen' }).click()
    await facilitator.room.noteAction('Luisteren', 'Rode draad')
    await screen.page.getByText('De begeleider laat de rode draad zien van E1.').waitFor()
    expect(await screen.page.locator('.in-thread').count()).toBeGreaterThan(1)
    expect(await contrastViolations(screen.page)).toEqual([])
    expect(
      await facilitator.page.locator('.board.has-thread .note.in-thread').count(),
    ).toBeGreaterThan(1)
    expect(await contrastViolations(facilitator.page)).toEqual([])
  })

  it('shows the join code and QR large beside the map while joining is open, and removes them after', async () => {
    const { facilitator, screen } = await openRoom()
    const { page } = screen
    await facilitator.page.getByRole('button', { name: 'Meedoen met code openen' }).click()
    const code = page.locator('.join-code-value')
    await code.waitFor()
    expect(await code.innerText()).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
    expect(await fontSize(code)).toBeGreaterThanOrEqual(56)
    const qr = page.getByRole('img', { name: 'QR-code om mee te doen met deze kaart' })
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(250)
    expect(await inView(code)).toBe(true)
    expect(await inView(qr)).toBe(true)
    // The map stays beside it: every column still in view, none under the panel.
    const panel = (await page.getByRole('complementary').boundingBox())!
    for (const name of [/Acties/, /Waarden/]) {
      const column = (await screen.room.column(name).boundingBox())!
      expect(column.x + column.width, String(name)).toBeLessThanOrEqual(panel.x)
    }
    expect(await pageFit(page)).toMatchObject({ down: 0, sideways: 0 })

    await facilitator.page.getByRole('button', { name: 'Code sluiten' }).click()
    await expect.poll(() => code.count()).toBe(0)
    expect(await qr.count()).toBe(0)
  })

  it('pages a column that does not fit: one page in sight, whole, and the next after the turn', async () => {
    const author = {
      id: 'paged-author-1',
      name: 'Ayşe Yılmaz',
      role: 'vrijwilliger',
      roleLabel: '',
      side: 'informal',
    }
    const texts = Array.from(
      { length: 40 },
      (_, i) => `Waarde ${i + 1}: we nemen de tijd om echt naar elkaar te luisteren.`,
    )
    const file = writeMapFile('vol.json', {
      title: 'Een volle kolom',
      participants: [author],
      notes: texts.map((text) => ({ column: 'waarden', text, author, owner: null, agreed: false })),
    })
    const facilitator = await harness.person()
    await facilitator.page.goto(harness.server.url)
    await facilitator.page
      .getByLabel('Kies een JSON-bestand van een partnerschapskaart')
      .setInputFiles(file)
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    const viewerUrl = await facilitator.room.viewerLink()
    const screen = await harness.person({ viewport: PROJECTOR })
    // The pages turn on a clock the test moves on.
    await screen.page.clock.install()
    await screen.page.goto(viewerUrl)
    const waarden = screen.page.getByRole('region', { name: 'Stap 1: Waarden' })
    const counter = waarden.locator('.vw-page')
    await expect.poll(() => counter.textContent()).toMatch(/^Blad 1 van \d+$/)

    /** The notes in sight: each wholly inside the column's list, none of another page drawn. */
    const inSight = () =>
      waarden.locator('.vw-notes').evaluate((list) => {
        const box = list.getBoundingClientRect()
        return [...list.children].flatMap((item) => {
          const style = getComputedStyle(item)
          if (style.visibility === 'hidden') return []
          const rect = item.getBoundingClientRect()
          const whole = rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1
          return [{ text: item.textContent ?? '', whole }]
        })
      })
    const first = await inSight()
    expect(first.length).toBeGreaterThan(0)
    expect(first.length).toBeLessThan(texts.length)
    expect(first.every((note) => note.whole)).toBe(true)
    expect(first[0]!.text).toContain('Waarde 1:')
    // Every note is on the screen's list (laid out, to be measured), those of other pages unseen.
    expect(await waarden.locator('.vw-notes > li').count()).toBe(texts.length)

    await screen.page.clock.runFor(PAGE_MS + 500)
    await expect.poll(() => counter.textContent()).toMatch(/^Blad 2 van \d+$/)
    const second = await inSight()
    expect(second.every((note) => note.whole)).toBe(true)
    expect(second[0]!.text).toContain(`Waarde ${first.length + 1}:`)
    expect(await pageFit(screen.page)).toMatchObject({ down: 0, sideways: 0 })

    // In step 2 the full column is a rail: its first notes one below the other, the rest counted.
    await facilitator.page.getByRole('button', { name: 'Start met stap 1' }).click()
    await facilitator.page.getByRole('button', { name: 'Volgende stap' }).click()
    await screen.page.getByRole('heading', { name: '2. Relaties' }).waitFor()
    const rail = waarden.locator('.vw-rail-notes > li:not([data-off-page])')
    await expect.poll(() => rail.count()).toBeGreaterThan(3)
    const more = await waarden.locator('.vw-more').textContent()
    expect(more).toBe(`+ ${texts.length - (await rail.count())} meer`)
    expect(await notesOutOfOrder(screen.page)).toEqual([])
  })

  it('does not break on a 1280×720 beamer', async () => {
    const { facilitator, screen } = await openRoom()
    await screen.page.setViewportSize({ width: 1280, height: 720 })
    await facilitator.page.getByRole('button', { name: 'Start met stap 1' }).click()
    await facilitator.page.getByRole('button', { name: 'Meedoen met code openen' }).click()
    await screen.page.locator('.join-code-value').waitFor()
    await screen.page.getByRole('heading', { name: '1. Waarden' }).waitFor()
    expect(await pageFit(screen.page)).toMatchObject({ down: 0, sideways: 0 })
    expect(await inView(screen.page.getByRole('heading', { name: '1. Waarden' }))).toBe(true)
    expect(await inView(screen.page.locator('.join-code-value'))).toBe(true)

    // Here too the six actions share one page (a fixed 2 px border left them 3 px short).
    await facilitator.page.getByRole('button', { name: 'Code sluiten' }).click()
    for (let i = 0; i < 4; i++) {
      await facilitator.page.getByRole('button', { name: 'Volgende stap' }).click()
    }
    await screen.page.getByRole('heading', { name: '5. Acties' }).waitFor()
    const acties = screen.page.getByRole('region', { name: 'Stap 5: Acties' })
    await acties.getByText(/Let op: informele partners/).waitFor()
    await expect.poll(() => notesOutOfOrder(screen.page)).toEqual([])
    expect(await acties.locator('.vw-notes > li[data-off-page]').count()).toBe(0)
  })
})
