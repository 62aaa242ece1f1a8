import { execFileSync } from 'node:child_process'
import { describe, expect, it, vi } from 'vitest'
import { downloaded, joinAs, openBigScreen, openExample, PHONE, useHarness } from './harness'

vi.setConfig({ testTimeout: 150_000 })

const harness = useHarness()

/** "Taak voor mij, taak voor jou": a working form beside the map, in the same room. */
describe('a task for me, a task for you', () => {
  it('is laid out from an edited deck, sorted from a phone, taken to the map and printed', async () => {
    const { facilitator: ellen, url } = await openExample(harness, 'Ellen van Dijk', 'Manager')
    const screen = await openBigScreen(harness, ellen)
    const noor = await joinAs(harness, url, 'Noor El Idrissi', 'Vrijwilliger', PHONE)

    // The facilitator puts the task sorting on every screen, at its first step.
    await ellen.room.openActivities()
    await ellen.page.getByRole('button', { name: 'Taken sorteren' }).click()
    await ellen.room.closeActivities()
    for (const person of [ellen, noor, screen]) {
      await person.page.getByRole('group', { name: 'Taak voor mij, taak voor jou' }).waitFor()
    }
    await ellen.page.locator('.session-bar').getByText('Taken verzamelen').waitFor()
    await screen.page.locator('.vw-bar').getByText('Taken verzamelen').waitFor()

    // The starter deck is a start: reword one, leave one out, add one of the group's own.
    await ellen.page.getByRole('button', { name: 'Voorbeeldtaken…' }).click()
    const deck = ellen.page.getByRole('region', { name: 'Voorbeeldtaken' })
    await deck.getByLabel('Taak 1', { exact: true }).fill('Koffie schenken bij de inloop')
    await deck.getByRole('button', { name: 'Taak 2 weghalen' }).click()
    await deck.getByRole('button', { name: 'Taak toevoegen' }).click()
    await deck.getByLabel('Taak 12', { exact: true }).fill('Samen een buurtbarbecue houden')
    await deck.getByRole('button', { name: 'Op de stapel leggen (12)' }).click()
    const pile = ellen.room.column(/Nog te sorteren/)
    await expect.poll(() => ellen.room.notesIn(/Nog te sorteren/).count()).toBe(12)
    await pile.getByText('Koffie schenken bij de inloop').waitFor()
    expect(await pile.getByText('Boodschappen doen met een bewoner').count()).toBe(0)
    await noor.page.getByText('Samen een buurtbarbecue houden').waitFor()
    await screen.page.getByText('Samen een buurtbarbecue houden').waitFor()
    // The deck cannot be laid out twice: only the task left out is offered again, and what is
    // changed in it stays when the deck is closed and opened.
    await ellen.page.getByRole('button', { name: 'Voorbeeldtaken…' }).click()
    await expect.poll(() => deck.getByRole('textbox').count()).toBe(1)
    const left = deck.getByLabel('Taak 1', { exact: true })
    expect(await left.inputValue()).toBe('Boodschappen doen met een bewoner')
    await expect.poll(() => left.evaluate((node) => node === document.activeElement)).toBe(true)
    await left.fill('Boodschappen doen met een bewoner die slecht ter been is')
    await ellen.page.keyboard.press('Escape')
    await ellen.page.getByRole('button', { name: 'Voorbeeldtaken…' }).click()
    expect(await deck.getByLabel('Taak 1', { exact: true }).inputValue()).toBe(
      'Boodschappen doen met een bewoner die slecht ter been is',
    )
    await deck.getByRole('button', { name: 'Annuleren' }).click()

    // Writing alone first works on the pile as on the map: Noor's own task stays hers until the
    // reveal.
    await ellen.room.openActivities()
    await ellen.page.getByRole('checkbox', { name: 'Eerst alleen schrijven' }).check()
    await ellen.room.closeActivities()
    const own = 'Een bewoner bellen als hij niet komt'
    const noorPile = noor.room.column(/Nog te sorteren/)
    await noorPile.getByRole('button', { name: /Notitie toevoegen aan/ }).click()
    await noorPile.getByRole('textbox', { name: 'Tekst van de notitie' }).fill(own)
    await noorPile.getByRole('button', { name: 'Concept toevoegen' }).click()
    await noorPile.getByText(own).waitFor()
    expect(await ellen.page.getByText(own).count()).toBe(0)
    await ellen.room.openActivities()
    await ellen.page.getByRole('button', { name: 'Alles tegelijk tonen' }).click()
    await ellen.page.getByRole('checkbox', { name: 'Eerst alleen schrijven' }).uncheck()
    await ellen.room.closeActivities()
    await pile.getByText(own).waitFor()
    await screen.page.getByText(own).waitFor()

    // Sorting: the four piles are open together.
    await ellen.page.getByRole('button', { name: /^Volgende/ }).click()
    await noor.page.locator('.session-bar').getByText('Taken sorteren').waitFor()
    await noor.room.noteAction(
      'Koffie schenken bij de inloop',
      'Verplaats naar…',
      'Typisch vrijwilligerswerk',
    )
    await ellen.room
      .column(/Typisch vrijwilligerswerk/)
      .getByText('Koffie schenken bij de inloop')
      .waitFor()
    await ellen.room.noteAction(
      'Zorgen over iemands veiligheid',
      'Verplaats naar…',
      'Twijfel of verschil van mening',
    )
    await ellen.room.noteAction('Beslissen welke hulp', 'Verplaats naar…', 'Typisch professioneel')

    // A dot vote works on tasks as on any note.
    await ellen.room.openActivities()
    await ellen.page.getByRole('button', { name: 'Stemronde openen' }).click()
    await ellen.room.closeActivities()
    // The note about the move is in the way at the bottom of a phone: Noor closes it.
    await noor.page.getByRole('button', { name: 'Melding sluiten' }).click()
    await noor.page.getByRole('tab', { name: /Twijfel/ }).click()
    await noor.page
      .getByRole('button', { name: 'Stip geven aan: Zorgen over iemands veiligheid melden' })
      .click()
    await noor.page.getByText(/Je hebt nog \d+ van \d+ stippen/).waitFor()

    // The doubt goes to the map as a condition to talk about; an agreed task as an action.
    await ellen.room.noteAction(
      'Zorgen over iemands veiligheid',
      'Op de kaart zetten bij Voorwaarden',
    )
    await ellen.room.note('Zorgen over iemands veiligheid').getByText('Op de kaart: V5').waitFor()
    // The note went to the other board, out of sight: the message says where, and takes it back.
    const toast = ellen.page.locator('.undo-toast')
    await toast.getByText('Op de kaart gezet als V5.').waitFor()
    await toast.getByRole('button', { name: 'Ongedaan maken' }).click()
    await expect
      .poll(() =>
        ellen.room
          .note('Zorgen over iemands veiligheid')
          .getByText(/Op de kaart/)
          .count(),
      )
      .toBe(0)
    await ellen.room.noteAction(
      'Zorgen over iemands veiligheid',
      'Op de kaart zetten bij Voorwaarden',
    )
    await ellen.room.note('Zorgen over iemands veiligheid').getByText('Op de kaart: V5').waitFor()
    const doubtMenu = ellen.room.noteMenu('Zorgen over iemands veiligheid')
    await doubtMenu.click()
    const menu = ellen.room.note('Zorgen over iemands veiligheid').getByRole('menu')
    await menu.getByRole('menuitem').first().waitFor()
    // Once on the map, it is not offered again.
    expect(await menu.getByRole('menuitem', { name: /Op de kaart zetten/ }).count()).toBe(0)
    await ellen.page.keyboard.press('Escape')
    await noor.page.getByRole('tab', { name: /Typisch vrijwilligerswerk/ }).click()
    await noor.room.noteAction('Koffie schenken bij de inloop', 'Op de kaart zetten bij Acties')
    await noor.room
      .note('Koffie schenken bij de inloop')
      .getByText(/Op de kaart: A\d/)
      .waitFor()
    // A task not sorted yet goes nowhere.
    await noor.page.getByRole('tab', { name: /Nog te sorteren/ }).click()
    await noor.room.noteMenu('Samen een buurtbarbecue').click()
    const deckMenu = noor.room.note('Samen een buurtbarbecue').getByRole('menu')
    await deckMenu.getByRole('menuitem').first().waitFor()
    expect(await deckMenu.getByRole('menuitem', { name: /Op de kaart zetten/ }).count()).toBe(0)
    await noor.page.keyboard.press('Escape')

    // Anyone can look at the map meanwhile; the action says the volunteers carry it.
    await noor.page.getByRole('button', { name: 'De kaart', exact: true }).click()
    await noor.page.getByRole('group', { name: 'De partnerschapskaart' }).waitFor()
    await noor.page.getByRole('tab', { name: /Acties/ }).click()
    await noor.room
      .note('Koffie schenken bij de inloop')
      .getByText(/Verantwoordelijk: informele partners/)
      .waitFor()
    await noor.page.getByRole('button', { name: /Taak voor mij, taak voor jou \(13\)/ }).waitFor()

    // Back to the map for everyone, where the group left it; the tasks stay, a tab away.
    await ellen.page.getByRole('button', { name: 'Terug naar de kaart' }).click()
    for (const person of [ellen, screen]) {
      await person.page.getByRole('group', { name: 'De partnerschapskaart' }).waitFor()
    }
    await ellen.room
      .column(/Voorwaarden/)
      .getByText('Zorgen over iemands veiligheid')
      .waitFor()
    // Taken back and put on the map again: there once.
    expect(
      await ellen.room
        .column(/Voorwaarden/)
        .getByText('Zorgen over iemands')
        .count(),
    ).toBe(1)

    // Sorting again later carries on where the group left it, not with gathering.
    await ellen.room.openActivities()
    await ellen.page.getByRole('button', { name: 'Taken sorteren' }).click()
    await ellen.room.closeActivities()
    await ellen.page.locator('.session-bar').getByText('Taken sorteren').waitFor()
    await ellen.page.getByRole('button', { name: 'Terug naar de kaart' }).click()
    await ellen.page.getByRole('group', { name: 'De partnerschapskaart' }).waitFor()

    // The PDF records how the tasks were sorted and where they went.
    await ellen.room.openPanel('Bewaren')
    const pdf = await downloaded(ellen.page, () =>
      ellen.page.getByRole('button', { name: 'Afsprakenkaart (PDF)' }).click(),
    )
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    )
    expect(text).toContain('Taak voor mij, taak voor jou')
    expect(text).toContain('Typisch vrijwilligerswerk (1)')
    expect(text).toContain('Twijfel of verschil van mening (1)')
    expect(text).toMatch(/Zorgen over iemands veiligheid melden → V5/)
    expect(text).toContain('Nog te sorteren (10)')
    for (const person of [ellen, noor, screen]) expect(person.errors).toEqual([])
  })
})
