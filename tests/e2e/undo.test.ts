import { describe, expect, it, vi } from 'vitest'
import { useHarness, type Person } from './harness'

vi.setConfig({ testTimeout: 90_000 })

const harness = useHarness()

/** A facilitator's new map with Ayşe and Kwame in it; Kwame has written W1 and W2. */
async function room(): Promise<{ ayse: Person; kwame: Person }> {
  const ellen = await harness.person()
  const url = await ellen.room.createMap(harness.server.url, 'Terug')
  await ellen.room.join('Ellen van Dijk', 'Beroepskracht')
  const kwame = await harness.person()
  await kwame.page.goto(url)
  await kwame.room.join('Kwame Mensah', 'Ervaringsdeskundige')
  await kwame.room.addNote(/Waarden/, 'Elkaar vertrouwen')
  await kwame.room.addNote(/Waarden/, 'Gelijkwaardigheid')
  const ayse = await harness.person()
  await ayse.page.goto(url)
  await ayse.room.join('Ayşe Yılmaz', 'Vrijwilliger')
  await ayse.room.note('Gelijkwaardigheid').waitFor()
  return { ayse, kwame }
}

const texts = (person: Person, column: RegExp) =>
  person.room.notesIn(column).locator('.note-text').allInnerTexts()

describe('undo', () => {
  it('brings back a note one deleted, for everyone, and tells its writer it was removed', async () => {
    const { ayse, kwame } = await room()
    await ayse.room.noteAction('Elkaar vertrouwen', 'Verwijderen')
    await ayse.page.getByRole('button', { name: 'Ja, verwijderen' }).click()
    await expect.poll(() => kwame.room.note('Elkaar vertrouwen').count()).toBe(0)
    // The writer hears of it; the one who deleted can take it back.
    await kwame.page
      .getByRole('status')
      .filter({ hasText: 'Iemand heeft je notitie W1 verwijderd: ‘Elkaar vertrouwen’.' })
      .waitFor()
    await ayse.page.getByRole('status').filter({ hasText: 'Notitie verwijderd.' }).waitFor()
    await ayse.page.getByRole('button', { name: 'Ongedaan maken' }).click()
    for (const person of [ayse, kwame]) {
      await person.room.note('Elkaar vertrouwen').waitFor()
      expect(await person.room.note('Elkaar vertrouwen').locator('.note-ref').innerText()).toBe(
        'W1',
      )
    }
    expect(await texts(kwame, /Waarden/)).toEqual(['Elkaar vertrouwen', 'Gelijkwaardigheid'])
    // The note came back after a reload too: it is in the map, not only on a screen.
    await kwame.page.reload()
    await kwame.room.note('Elkaar vertrouwen').waitFor()
  })

  it('takes back a move and an edit with Ctrl+Z, one at a time, and makes them again', async () => {
    const { ayse, kwame } = await room()
    await ayse.room.noteAction('Gelijkwaardigheid', 'Verplaats naar…', '2. Relaties')
    await kwame.room
      .column(/Relaties/)
      .getByText('Gelijkwaardigheid')
      .waitFor()
    await ayse.room.noteAction('Elkaar vertrouwen', 'Bewerken')
    const box = ayse.room.column(/Waarden/).getByRole('textbox', { name: 'Tekst van de notitie' })
    await box.fill('Elkaar echt vertrouwen')
    await box.press('Enter')
    await kwame.room.note('Elkaar echt vertrouwen').waitFor()

    // Ctrl+Z in a text field is the field's own: it does not touch the map.
    await ayse.room
      .column(/Acties/)
      .getByRole('button', { name: /Notitie toevoegen/ })
      .click()
    const draft = ayse.room.column(/Acties/).getByRole('textbox', { name: 'Tekst van de notitie' })
    await draft.fill('Half')
    await draft.press('Control+z')
    expect(await kwame.room.note('Elkaar echt vertrouwen').count()).toBe(1)
    await draft.press('Escape')

    await ayse.page.keyboard.press('Control+z')
    await kwame.room.note('Elkaar vertrouwen').waitFor()
    expect(await texts(kwame, /Relaties/)).toEqual(['Gelijkwaardigheid'])
    await ayse.page.keyboard.press('Control+z')
    await expect.poll(() => texts(kwame, /Waarden/)).toContain('Gelijkwaardigheid')
    await ayse.page
      .getByRole('status')
      .filter({ hasText: 'De notitie staat weer op haar oude plek.' })
      .waitFor()
    // And made again.
    await ayse.page.keyboard.press('Control+Shift+z')
    await expect.poll(() => texts(kwame, /Relaties/)).toEqual(['Gelijkwaardigheid'])
  })

  it('takes back only one’s own changes', async () => {
    const { ayse, kwame } = await room()
    await kwame.room.noteAction('Elkaar vertrouwen', 'Bewerken')
    const box = kwame.room.column(/Waarden/).getByRole('textbox', { name: 'Tekst van de notitie' })
    await box.fill('Door Kwame bewerkt')
    await box.press('Enter')
    await ayse.room.note('Door Kwame bewerkt').waitFor()
    // Ayşe has done nothing: her Ctrl+Z changes nothing, and offers nothing.
    await ayse.page.locator('.board').click({ position: { x: 5, y: 5 } })
    await ayse.page.keyboard.press('Control+z')
    await ayse.page.waitForTimeout(300)
    expect(await kwame.room.note('Door Kwame bewerkt').count()).toBe(1)
    expect(await ayse.page.getByRole('button', { name: 'Ongedaan maken' }).count()).toBe(0)
    // Kwame's own Ctrl+Z takes his edit back, for Ayşe too.
    await kwame.page.getByRole('button', { name: 'Ongedaan maken' }).click()
    await ayse.room.note('Elkaar vertrouwen').waitFor()
  })
})
