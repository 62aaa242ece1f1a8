import type { Page } from 'playwright-core'
import { describe, expect, it, vi } from 'vitest'
import { useHarness, type Person } from './harness'

vi.setConfig({ testTimeout: 90_000 })

const harness = useHarness()
const LAPTOP = { width: 1440, height: 900 }
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/** The facilitator opens the example map; returns them and the map's address. */
async function exampleMap(options = {}): Promise<{ facilitator: Person; url: string }> {
  const facilitator = await harness.person({ viewport: LAPTOP, ...options })
  await facilitator.page.goto(harness.server.url)
  await facilitator.page.getByRole('button', { name: 'Voorbeeldkaart openen' }).click()
  await facilitator.page.waitForURL(/\/m\//)
  await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
  return { facilitator, url: facilitator.page.url() }
}

async function joinAs(person: Person, url: string, name: string, role: string): Promise<void> {
  await person.page.goto(url)
  await person.room.join(name, role)
  await person.room.note('gezinnen zelf de regie houden').waitFor()
}

/** Where the board starts on the first screen, and how far the page scrolls sideways. */
function boardPlace(page: Page) {
  return page.evaluate(() => ({
    top: document.querySelector('.board')!.getBoundingClientRect().top + window.scrollY,
    sideways: document.documentElement.scrollWidth - window.innerWidth,
  }))
}

/** Each column's width as a share of the board's, in the card's order (Acties first). */
function columnShares(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const board = document.querySelector('.board')!.getBoundingClientRect().width
    return Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.column')].map((column) => [
        column.dataset.column,
        column.getBoundingClientRect().width / board,
      ]),
    )
  })
}

/** Whether an element lies wholly inside the window as it is scrolled now. */
function onFirstScreen(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector)
    if (!element) return false
    const box = element.getBoundingClientRect()
    return (
      box.width > 0 &&
      box.top >= 0 &&
      box.left >= 0 &&
      box.bottom <= window.innerHeight &&
      box.right <= window.innerWidth
    )
  }, selector)
}

/** Controls that stick out of the window sideways (cut off on a phone). */
function cutOff(page: Page, scope: string) {
  return page.evaluate((scope) => {
    const controls = document.querySelectorAll<HTMLElement>(
      `${scope} button, ${scope} input, ${scope} select, ${scope} label`,
    )
    return [...controls]
      .filter((control) => control.getClientRects().length > 0)
      .filter((control) => {
        const box = control.getBoundingClientRect()
        return box.left < 0 || box.right > window.innerWidth + 0.5
      })
      .map((control) => control.getAttribute('aria-label') ?? control.textContent?.trim())
  }, scope)
}

describe('board first on a 1440×900 laptop', () => {
  it('starts the board in the top quarter for facilitator and participant, menus and panel over or beside it', async () => {
    const { facilitator, url } = await exampleMap()
    const participant = await harness.person({ viewport: LAPTOP })
    await joinAs(participant, url, 'Noor El Idrissi', 'Vrijwilliger')
    const quarter = LAPTOP.height / 4

    for (const person of [facilitator, participant]) {
      expect((await boardPlace(person.page)).top).toBeLessThanOrEqual(quarter)
    }
    await facilitator.page.getByRole('button', { name: 'Start met stap 1' }).click()
    await participant.page.getByRole('heading', { name: '1. Waarden' }).waitFor()
    for (const person of [facilitator, participant]) {
      const place = await boardPlace(person.page)
      expect(place.top).toBeLessThanOrEqual(quarter)
      expect(place.sideways).toBe(0)
    }
    // The activities menu opens over the board: nothing below it moves.
    const closed = (await boardPlace(facilitator.page)).top
    await facilitator.room.openActivities()
    expect((await boardPlace(facilitator.page)).top).toBe(closed)
    await facilitator.page.getByRole('checkbox', { name: 'Eerst alleen schrijven' }).waitFor()
    await facilitator.page.getByRole('button', { name: 'Stemronde openen' }).click()
    await facilitator.page.keyboard.press('Escape')
    await expect
      .poll(() =>
        facilitator.page.getByRole('checkbox', { name: 'Eerst alleen schrijven' }).count(),
      )
      .toBe(0)
    // What runs now shows in the bar, on every screen.
    await participant.page
      .locator('.session-bar')
      .getByText(/Je hebt nog 3 van 3 stippen/)
      .waitFor()
    await facilitator.page
      .locator('.session-bar')
      .getByText(/Je hebt nog 3 van 3 stippen/)
      .waitFor()

    // With a vote running, the board still starts in the top quarter.
    const before = (await boardPlace(facilitator.page)).top
    expect(before).toBeLessThanOrEqual(quarter)
    expect((await boardPlace(participant.page)).top).toBeLessThanOrEqual(quarter)

    // The side panel opens beside the board, not above it; the board keeps its place.
    for (const part of ['Mensen', 'Rode draad', 'Delen', 'Bewaren', 'Meer']) {
      await facilitator.room.openPanel(part)
      const panel = await facilitator.page.locator('#room-panel').boundingBox()
      const board = await facilitator.page.locator('.board').boundingBox()
      expect((await boardPlace(facilitator.page)).top, part).toBe(before)
      expect(panel!.x, part).toBeGreaterThanOrEqual(board!.x + board!.width)
      expect(panel!.y, part).toBeLessThan(LAPTOP.height / 3)
      expect((await boardPlace(facilitator.page)).sideways, part).toBe(0)
    }
    await facilitator.page.getByRole('button', { name: 'Paneel sluiten' }).click()
    await expect.poll(() => facilitator.page.locator('#room-panel').count()).toBe(0)
    // Focus goes back to where the panel was opened from.
    expect(await facilitator.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Meer',
    )
    expect(facilitator.errors).toEqual([])
  })
})

describe('the step being filled gets the room', () => {
  it('widens the active column into a grid, keeps the others as readable rails, widens a rail on demand', async () => {
    const { facilitator } = await exampleMap()
    const { page } = facilitator

    // Free mode: five equal columns.
    const free = await columnShares(page)
    expect(Math.max(...Object.values(free)) - Math.min(...Object.values(free))).toBeLessThan(0.01)

    await page.getByRole('button', { name: 'Start met stap 1' }).click()
    await expect.poll(async () => (await columnShares(page)).waarden).toBeGreaterThan(0.4)
    const focused = await columnShares(page)
    for (const rail of ['acties', 'voorwaarden', 'eisen', 'relaties']) {
      expect(focused[rail], rail).toBeLessThan(0.15)
    }
    // Its notes sit side by side, in more than one column of their own.
    const lefts = await page
      .locator('.column-waarden .note-list > li')
      .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().left)))
    expect(new Set(lefts).size).toBeGreaterThan(1)
    // A rail still shows its notes' labels and first words, readable.
    const rail = page.locator('.column-relaties')
    await rail.locator('.note-ref', { hasText: 'R1' }).waitFor()
    await rail.getByText(/We communiceren/).waitFor()
    expect(
      await rail
        .locator('.note-text')
        .first()
        .evaluate((text) => parseFloat(getComputedStyle(text).fontSize)),
    ).toBeGreaterThanOrEqual(14)

    // Anyone widens a rail on their own screen, and narrows it again.
    await page.getByRole('button', { name: 'Relaties breder tonen' }).click()
    await expect.poll(async () => (await columnShares(page)).relaties).toBeGreaterThan(0.3)
    await rail.getByRole('button', { name: /Acties voor notitie: We communiceren/ }).waitFor()
    await page.getByRole('button', { name: 'Relaties weer smal tonen' }).click()
    await expect.poll(async () => (await columnShares(page)).relaties).toBeLessThan(0.15)

    // Adding a note in a rail widens it first.
    await rail.getByRole('button', { name: 'Notitie toevoegen aan Relaties' }).click()
    await rail.getByRole('textbox', { name: 'Tekst van de notitie' }).waitFor()
    expect((await columnShares(page)).relaties).toBeGreaterThan(0.3)

    // The next step takes the room, the rail widened before narrows again.
    await rail.getByRole('textbox', { name: 'Tekst van de notitie' }).press('Escape')
    await page.getByRole('button', { name: 'Volgende stap' }).click()
    await expect.poll(async () => (await columnShares(page)).relaties).toBeGreaterThan(0.4)
    expect((await columnShares(page)).waarden).toBeLessThan(0.15)

    // Leaving the steps gives five equal columns again.
    await facilitator.room.openActivities()
    await page.getByRole('button', { name: 'Alle kolommen open' }).click()
    await expect
      .poll(async () => {
        const shares = Object.values(await columnShares(page))
        return Math.max(...shares) - Math.min(...shares)
      })
      .toBeLessThan(0.01)
  })
})

describe('phones', () => {
  it('shows the step first, a tab per column, and moves a note with "Verplaats naar…"', async () => {
    const { facilitator, url } = await exampleMap()
    await facilitator.page.getByRole('button', { name: 'Start met stap 1' }).click()
    const phone = await harness.person(PHONE)
    await joinAs(phone, url, 'Kwame Mensah', 'Ervaringsdeskundige')
    const { page } = phone
    expect(await page.evaluate(() => window.innerWidth)).toBe(390)

    // The first screen, as the page is right after joining: the step's question, its first note
    // and the way to add one.
    expect(await onFirstScreen(page, '.column-waarden .column-questions li')).toBe(true)
    expect(await onFirstScreen(page, '.column-waarden .note-list > li')).toBe(true)
    expect(await onFirstScreen(page, '.column-waarden .add-note')).toBe(true)
    expect((await boardPlace(page)).sideways).toBe(0)

    // Five tabs instead of a board to swipe; the step being filled is chosen.
    const tabs = page.getByRole('tab')
    expect(await tabs.allInnerTexts()).toHaveLength(5)
    expect(await page.getByRole('tab', { selected: true }).innerText()).toContain('Waarden')
    expect(await page.locator('.column:not([hidden])').count()).toBe(1)
    await page.getByRole('tab', { name: /Relaties/ }).click()
    await phone.room
      .column(/Relaties/)
      .getByText(/We communiceren/)
      .waitFor()
    expect(await page.locator('.column-waarden').isHidden()).toBe(true)
    // Arrow keys go from tab to tab.
    await page.getByRole('tab', { name: /Relaties/ }).press('ArrowRight')
    await expect
      .poll(() => page.getByRole('tab', { selected: true }).innerText())
      .toContain('Waarden')

    // Another column by the note's own "Verplaats naar…".
    await phone.room.addNote(/Waarden/, 'Elkaar vertrouwen')
    await phone.room.noteMenu('Elkaar vertrouwen').click()
    await page.getByRole('menuitem', { name: 'Verplaats naar…' }).click()
    // The choice opens on the card: nothing of it runs off the phone's edge.
    expect(await cutOff(page, '.menu-list')).toEqual([])
    await page.getByRole('menuitem', { name: '2. Relaties' }).click()
    await expect.poll(() => phone.room.note('Elkaar vertrouwen').count()).toBe(0)
    await page.getByRole('tab', { name: /Relaties/ }).click()
    await phone.room
      .column(/Relaties/)
      .getByText('Elkaar vertrouwen')
      .waitFor()
    await facilitator.room
      .column(/Relaties/)
      .getByText('Elkaar vertrouwen')
      .waitFor()

    // The next step turns the phone to it.
    await page.getByRole('tab', { name: /Acties/ }).click()
    await facilitator.page.getByRole('button', { name: 'Volgende stap' }).click()
    await expect
      .poll(() => page.getByRole('tab', { selected: true }).innerText())
      .toContain('Relaties')
    expect(phone.errors).toEqual([])
  })

  it('fits 360 px wide, and lets a facilitator run the session from a phone, nothing cut off', async () => {
    const { facilitator: laptop, url } = await exampleMap()
    const narrow = { ...PHONE, viewport: { width: 360, height: 740 } }
    await laptop.page.getByRole('button', { name: 'Start met stap 1' }).click()
    const participant = await harness.person(narrow)
    await joinAs(participant, url, 'Joyce', 'Bewoner')
    // Joining took a scroll down the form; the map opens at its top, the step bar in view.
    expect(await participant.page.evaluate(() => window.scrollY)).toBe(0)
    expect((await boardPlace(participant.page)).sideways).toBe(0)
    expect(await cutOff(participant.page, '.room')).toEqual([])

    // The same facilitator on a phone (their key is on this device).
    const phone = await harness.person({
      ...narrow,
      storageState: await laptop.context.storageState(),
    })
    await phone.page.goto(url)
    await phone.room.note('gezinnen zelf de regie houden').waitFor()
    expect((await boardPlace(phone.page)).sideways).toBe(0)
    expect(await cutOff(phone.page, '.session-bar')).toEqual([])
    await phone.room.openActivities()
    await phone.page.getByLabel('Richting').waitFor()
    expect(await cutOff(phone.page, '.activities-menu')).toEqual([])
    // Every control of the menu can be reached: the menu scrolls within the screen, down to its
    // last control, while the page behind it stays where it was.
    const pageScroll = await phone.page.evaluate(() => window.scrollY)
    await phone.page.locator('.activities-menu .activities-close').scrollIntoViewIfNeeded()
    expect(await onFirstScreen(phone.page, '.activities-menu .activities-close')).toBe(true)
    expect(await phone.page.evaluate(() => window.scrollY)).toBe(pageScroll)
    await phone.page.getByRole('checkbox', { name: 'Andere kolommen op slot' }).check()
    await phone.room.closeActivities()
    await participant.page.locator('.session-bar').getByText('Andere kolommen op slot').waitFor()
    await phone.page.getByRole('button', { name: 'Volgende stap' }).click()
    await participant.page.getByRole('heading', { name: '2. Relaties' }).waitFor()
    // On a phone the panel covers the screen, and closes back to the map.
    for (const part of ['Mensen', 'Delen', 'Meer']) {
      await phone.room.openPanel(part)
      expect(await cutOff(phone.page, '#room-panel'), part).toEqual([])
      expect(await onFirstScreen(phone.page, '#room-panel h2'), part).toBe(true)
      expect((await boardPlace(phone.page)).sideways, part).toBe(0)
      await phone.page.getByRole('button', { name: 'Paneel sluiten' }).click()
    }
    expect(phone.errors).toEqual([])
  })
})

describe('keyboard focus in the bar', () => {
  it('hands focus to the button that takes the pressed one’s place', async () => {
    const { facilitator } = await exampleMap()
    const { page } = facilitator
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')

    await page.getByRole('button', { name: 'Start met stap 1' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(focused).toContain('Volgende stap')

    await page.getByRole('button', { name: 'Start timer' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(focused).toBe('Pauze')
    // Enter again pauses: it does not add a minute to the timer.
    await page.keyboard.press('Enter')
    await expect.poll(focused).toBe('Verder')
    await page.getByText('(gepauzeerd)').waitFor()

    await facilitator.room.openActivities()
    await page.getByRole('button', { name: 'Stemronde openen' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(focused).toBe('Stemmen sluiten en uitslag tonen')
    await page.keyboard.press('Enter')
    await expect.poll(focused).toBe('Stemronde openen')
  })
})
