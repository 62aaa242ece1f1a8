import type { Page } from 'playwright-core'
import { describe, expect, it, vi } from 'vitest'
import { useHarness, type Person } from './harness'

vi.setConfig({ testTimeout: 90_000 })

const harness = useHarness()
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

async function exampleMap(options = {}): Promise<{ facilitator: Person; url: string }> {
  const facilitator = await harness.person(options)
  await facilitator.page.goto(harness.server.url)
  await facilitator.page.getByRole('button', { name: 'Voorbeeldkaart openen' }).click()
  await facilitator.page.waitForURL(/\/m\//)
  await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
  return { facilitator, url: facilitator.page.url() }
}

/** What has focus: its column, and whether it is a note (its text) or another control. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement
    return {
      column: element.closest<HTMLElement>('[data-column]')?.dataset.column ?? null,
      note: element.matches('.note-main')
        ? (element.querySelector('.note-text')?.textContent ?? '')
        : null,
      name: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '',
    }
  })
}

describe('quiet cards', () => {
  it('shows a label, the text, the author and one status; the rest sits behind one named menu', async () => {
    const { facilitator } = await exampleMap()
    const { page, room } = facilitator
    // W1 is shared (both sides hold it); in the spotlight too, it still shows one status.
    await room.noteAction('gezinnen zelf de regie', 'In de spotlight')
    const card = room.note('gezinnen zelf de regie')
    await card.getByText('In de spotlight').waitFor()
    expect(await card.locator('.note-status').allInnerTexts()).toEqual(['In de spotlight'])
    await room.noteAction('gezinnen zelf de regie', 'In de spotlight')
    await expect.poll(() => card.locator('.note-status').allInnerTexts()).toEqual(['Gedeeld'])
    // A screen reader hears the status with the note.
    const described = await room.grip('gezinnen zelf de regie').evaluate((note) =>
      (note.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    )
    expect(described).toContain('Gedeeld')

    // Every card of the board: at most one status, and one button (its menu) with a name and a
    // tooltip; no unlabelled icons.
    const cards = await page.locator('.note-list > li').evaluateAll((items) =>
      items.map((item) => ({
        statuses: item.querySelectorAll('.note-status').length,
        buttons: [...item.querySelectorAll('button')].map((button) => ({
          name: button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '',
          title: button.getAttribute('title') ?? '',
        })),
      })),
    )
    expect(cards.length).toBeGreaterThan(10)
    for (const shown of cards) {
      expect(shown.statuses).toBeLessThanOrEqual(1)
      expect(shown.buttons).toEqual([
        { name: expect.stringMatching(/^Acties voor notitie: .+/), title: 'Acties' },
      ])
    }

    // "Markeer als gedeeld" is offered on values only (W5 is held by one side so far).
    await room.noteMenu('Transparantie over wat ieder').click()
    await page.getByRole('menuitemcheckbox', { name: 'Markeer als gedeeld' }).waitFor()
    await page.keyboard.press('Escape')
    await room.noteMenu('Luisteren zonder').click()
    await page.getByRole('menuitem', { name: 'Bewerken' }).waitFor()
    expect(await page.getByRole('menuitemcheckbox', { name: 'Markeer als gedeeld' }).count()).toBe(
      0,
    )
    await page.keyboard.press('Escape')
  })

  it('keeps a note on a phone short', async () => {
    const { url } = await exampleMap()
    const phone = await harness.person(PHONE)
    await phone.page.goto(url)
    await phone.room.join('Kwame Mensah', 'Ervaringsdeskundige')
    await phone.room.addNote(/Waarden/, 'Elkaar op tijd laten weten wat er speelt in het gezin')
    const card = phone.room.note('Elkaar op tijd laten weten')
    const lines = await card
      .locator('.note-text')
      .evaluate(
        (text) =>
          text.getBoundingClientRect().height / parseFloat(getComputedStyle(text).lineHeight),
      )
    expect(Math.round(lines)).toBe(2)
    // It was 270-300 px with its row of tools and marks.
    expect((await card.boundingBox())!.height).toBeLessThan(150)
  })
})

describe('the board by keyboard', () => {
  it('is one Tab stop per column, with arrow keys between notes and Enter for the menu', async () => {
    const { facilitator } = await exampleMap()
    const { page, room } = facilitator
    await room.grip('coördinator van de voedselbank').focus()
    expect(await focused(page)).toMatchObject({ column: 'acties' })

    // Tab goes on to the next column, not through this note's buttons or the others' notes.
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({
      column: 'voorwaarden',
      note: expect.stringMatching(/Tijd/),
    })
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({
      column: 'eisen',
      note: expect.stringMatching(/Luisteren/),
    })

    // Arrows: down within the column, right to the next one, at the same height.
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toMatchObject({
      column: 'eisen',
      note: expect.stringMatching(/Beroepskrachten maken/),
    })
    await page.keyboard.press('ArrowRight')
    expect(await focused(page)).toMatchObject({
      column: 'relaties',
      note: expect.stringMatching(/Beslissingen/),
    })
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toMatchObject({
      column: 'relaties',
      name: expect.stringMatching(/Notitie toevoegen/),
    })
    await page.keyboard.press('ArrowUp')
    const last = await focused(page)
    expect(last.note).not.toBeNull()

    // Shift+Tab comes back to the note last visited in a column.
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toMatchObject({
      column: 'eisen',
      note: expect.stringMatching(/Beroepskrachten maken/),
    })

    // Enter opens the note's menu with focus on its first action; Escape gives the note back.
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(page)).name).toBe('Bewerken')
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toMatchObject({ name: 'Verplaats naar…' })
    await page.keyboard.press('Escape')
    expect(await focused(page)).toMatchObject({
      column: 'eisen',
      note: expect.stringMatching(/Beroepskrachten maken/),
    })
    expect(await page.getByRole('menu').count()).toBe(0)

    // Edit by keyboard and land on the note again.
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(page)).name).toBe('Bewerken')
    await page.keyboard.press('Enter')
    const box = room.column(/Eisen/).getByRole('textbox', { name: 'Tekst van de notitie' })
    await expect.poll(() => box.evaluate((node) => node === document.activeElement)).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(async () => (await focused(page)).note).toMatch(/Beroepskrachten maken/)
  })

  it('keeps focus and an open edit safe when someone else removes the note', async () => {
    const { facilitator, url } = await exampleMap()
    const other = await harness.person()
    await other.page.goto(url)
    await other.room.join('Kwame Mensah', 'Ervaringsdeskundige')
    const { page, room } = facilitator
    // Focus on W3 while Kwame deletes it: focus stays in Waarden.
    await room.grip('Geslaagd als niemand').focus()
    await other.room.noteAction('Geslaagd als niemand', 'Verwijderen')
    await other.page.getByRole('button', { name: 'Ja, verwijderen' }).click()
    await expect.poll(() => room.note('Geslaagd als niemand').count()).toBe(0)
    await expect.poll(async () => (await focused(page)).column).toBe('waarden')

    // Editing W5 while Kwame deletes it: the editor is told the edit was not kept.
    await room.noteAction('Transparantie over wat ieder', 'Bewerken')
    await room
      .column(/Waarden/)
      .getByRole('textbox', { name: 'Tekst van de notitie' })
      .fill('Nieuw')
    await other.room.noteAction('Transparantie over wat ieder', 'Verwijderen')
    await other.page.getByRole('button', { name: 'Ja, verwijderen' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: 'Iemand anders heeft notitie W5 verwijderd of verplaatst' })
      .waitFor()
  })

  it('opens a rail note’s menu in sight, reads locked notes as notes, and never drags from the menu', async () => {
    const { facilitator, url } = await exampleMap()
    const { page, room } = facilitator
    await page.getByRole('button', { name: 'Start met stap 1' }).click()
    // A rail note still has its label in its name and its menu in sight.
    const rail = room.grip('We communiceren')
    expect(await rail.evaluate((note) => note.textContent)).toMatch(/^R1 We communiceren/)
    await rail.focus()
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(page)).name).toBe('Bewerken')
    expect(await page.getByRole('menu').isVisible()).toBe(true)
    await page.keyboard.press('Escape')

    // Pressing on a menu item and moving the pointer does not pick the note up.
    await room.noteMenu('gezinnen zelf de regie').click()
    const item = page.getByRole('menuitem', { name: 'Bewerken' })
    const box = (await item.boundingBox())!
    await page.mouse.move(box.x + 10, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + 40, box.y + 40, { steps: 5 })
    expect(await page.locator('.note.is-dragging, .note.is-away').count()).toBe(0)
    await page.mouse.up()
    await page.keyboard.press('Escape')

    // A participant reads a note in a locked column as a note, not as something disabled.
    await room.openActivities()
    await page.getByRole('checkbox', { name: /op slot/ }).check()
    await room.closeActivities()
    const participant = await harness.person()
    await participant.page.goto(url)
    await participant.room.join('Kwame Mensah', 'Ervaringsdeskundige')
    const locked = participant.room.grip('We communiceren')
    await locked.waitFor()
    expect(await locked.getAttribute('aria-disabled')).not.toBe('true')
    expect(await locked.getAttribute('aria-roledescription')).toBe('notitie')
  })

  it('has skip links to the board, each column and the panel, also on a phone', async () => {
    const { facilitator, url } = await exampleMap()
    const { page, room } = facilitator
    await room.openPanel('Mensen')
    await page.getByRole('link', { name: 'Naar Eisen' }).focus()
    expect(await page.getByRole('link', { name: 'Naar Eisen' }).isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(page)).column).toBe('eisen')
    await page.getByRole('link', { name: 'Naar de kaart' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(page)).column).toBe('acties')
    await page.getByRole('link', { name: 'Naar het paneel' }).focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('#room-panel')))
      .toBe(true)

    const phone = await harness.person(PHONE)
    await phone.page.goto(url)
    await phone.room.join('Kwame Mensah', 'Ervaringsdeskundige')
    await phone.page.getByRole('link', { name: 'Naar Relaties' }).focus()
    await phone.page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(phone.page)).column).toBe('relaties')
    expect(await phone.page.getByRole('tab', { selected: true }).innerText()).toContain('Relaties')
  })

  it('does not read the timer out every second', async () => {
    const { facilitator } = await exampleMap()
    await facilitator.page.getByRole('button', { name: 'Start timer' }).click()
    const timer = facilitator.page.getByRole('timer')
    await timer.waitFor()
    // A timer is not a live region, and nothing around it makes it one.
    expect(
      await timer.evaluate((clock) => {
        const live: string[] = []
        for (let node: Element | null = clock; node; node = node.parentElement) {
          const polite = node.getAttribute('aria-live')
          if (polite && polite !== 'off') live.push(node.className)
          if (node !== clock && ['status', 'alert', 'log'].includes(node.getAttribute('role')!)) {
            live.push(node.className)
          }
        }
        return live
      }),
    ).toEqual([])
  })
})
