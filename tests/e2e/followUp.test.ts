import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { downloaded, useHarness, type Person } from './harness'

vi.setConfig({ testTimeout: 120_000 })

const harness = useHarness()
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const PROJECTOR = { viewport: { width: 1920, height: 1080 } }

const SOCIAL_MAP = 'Samen een sociale kaart van Holendrecht maken.'
const DOCTOR = 'De huisartsenpraktijk vragen om een contactpersoon'

/** A facilitator with the example map open (five actions); the map's link for the others. */
async function exampleMap(): Promise<{ facilitator: Person; url: string }> {
  const facilitator = await harness.person()
  await facilitator.page.goto(harness.server.url)
  await facilitator.page.getByRole('button', { name: 'Voorbeeldkaart openen' }).click()
  await facilitator.page.waitForURL(/\/m\//)
  await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
  return { facilitator, url: facilitator.page.url() }
}

describe('following up the agreements', () => {
  it('keeps an action’s status, day and evaluation; an overdue one stands out, also in the exports', async () => {
    const { facilitator, url } = await exampleMap()
    const { page, room } = facilitator
    const participant = await harness.person()
    await participant.page.goto(url)
    await participant.room.join('Ayşe Yılmaz', 'Vrijwilliger')

    // From the card's menu: where it stands, a day that has passed, and how it goes.
    await room.noteAction(SOCIAL_MAP, 'Opvolgen')
    const form = room.note(SOCIAL_MAP).getByRole('form', { name: /^Opvolgen: A\d/ })
    await form.getByRole('radio', { name: /^Bezig/ }).check()
    await form.getByLabel('Wanneer kijken we er opnieuw naar?').fill('2026-01-15')
    await form
      .getByLabel('Werkt het? Waarom wel of niet?')
      .fill('Half af; de bibliotheek helpt mee')
    await form.getByRole('button', { name: 'Opslaan' }).click()

    // Everyone sees it on the card at once; it stands out in words and colour.
    for (const person of [facilitator, participant]) {
      const card = person.room.note(SOCIAL_MAP)
      await card.getByText('Bezig · Te laat: terugkijken was op 15 januari 2026').waitFor()
      expect(await card.getAttribute('class')).toContain('is-overdue')
    }
    // The card reads its follow-up out with the note (once: it is part of the note's text).
    expect(await room.grip(SOCIAL_MAP).innerText()).toContain('Te laat: terugkijken was op')
    expect(await room.grip(SOCIAL_MAP).getAttribute('aria-describedby')).not.toMatch(/followup/)
    // Done is done: it no longer stands out.
    await participant.room.noteAction(SOCIAL_MAP, 'Opvolgen')
    const theirs = participant.room.note(SOCIAL_MAP).getByRole('form')
    // The form shows what is stored.
    expect(await theirs.getByLabel('Werkt het? Waarom wel of niet?').inputValue()).toBe(
      'Half af; de bibliotheek helpt mee',
    )
    await theirs.getByRole('radio', { name: /^Gedaan/ }).check()
    await theirs.getByRole('button', { name: 'Opslaan' }).click()
    await room.note(SOCIAL_MAP).getByText('Gedaan · Terugkijken op 15 januari 2026').waitFor()
    expect(await room.note(SOCIAL_MAP).getAttribute('class')).not.toContain('is-overdue')

    // The day to look again goes into anyone's calendar as a file; no e-mail, no account.
    const ics = fs.readFileSync(
      await downloaded(page, () => room.noteAction(SOCIAL_MAP, 'Terugkijken in je agenda zetten')),
      'utf8',
    )
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(ics).toContain('DTSTART;VALUE=DATE:20260115\r\n')
    expect(ics.replace(/\r\n /g, '')).toContain(
      'SUMMARY:Terugkijken: Samen een sociale kaart van Holendrecht maken.',
    )
    // It names the map, never its link (which would open the map to whoever reads the calendar).
    expect(ics).not.toContain('http')

    // The action list as CSV and PDF carries the status, the day and the evaluation.
    await room.openPanel('Bewaren')
    const csv = fs.readFileSync(
      await downloaded(page, () => page.getByRole('button', { name: 'Actielijst (CSV)' }).click()),
      'utf8',
    )
    expect(csv).toContain('"Stand";"Terugkijken op";"Evaluatie"')
    expect(csv).toContain('"Gedaan";"2026-01-15";"Half af; de bibliotheek helpt mee"')
    const pdf = await downloaded(page, () =>
      page.getByRole('button', { name: 'Afsprakenkaart (PDF)' }).click(),
    )
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    )
    expect(text).toContain('Stand')
    expect(text).toContain('Gedaan · Terugkijken op 15 januari 2026')
    expect(text).toContain('Half af; de bibliotheek helpt mee')

    // During a step the actions are a narrow rail: following one up makes room for the form.
    await page.getByRole('button', { name: /^Start met stap/ }).click()
    const rail = room.column(/Acties/)
    await expect.poll(() => rail.getAttribute('class')).toContain('is-rail')
    await room.noteAction(SOCIAL_MAP, 'Opvolgen')
    const railForm = room.note(SOCIAL_MAP).getByRole('form', { name: /^Opvolgen/ })
    await railForm.waitFor({ state: 'visible' })
    // The status chosen now has the keyboard.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value))
      .toBe('gedaan')
    await page.keyboard.press('Escape')
    expect([...facilitator.errors, ...participant.errors]).toEqual([])
  })

  it('walks the group through the actions one by one, on every screen, ending with a summary', async () => {
    const { facilitator, url } = await exampleMap()
    const { page, room } = facilitator
    const phone = await harness.person(PHONE)
    await phone.page.goto(url)
    await phone.room.join('Kwame Mensah', 'Ervaringsdeskundige')
    const viewerUrl = await room.viewerLink()
    const screen = await harness.person(PROJECTOR)
    await screen.page.goto(viewerUrl)
    await screen.room.note('gezinnen zelf de regie houden').waitFor()

    // Someone is writing a note when the facilitator starts: they keep their place and their words.
    const relaties = phone.room.column(/Relaties/)
    await phone.page.getByRole('tab', { name: /Relaties/ }).click()
    await relaties.getByRole('button', { name: /Notitie toevoegen aan/ }).click()
    const draft = relaties.getByRole('textbox', { name: 'Tekst van de notitie' })
    await draft.pressSequentially('Wij bellen elkaar elke ')

    await room.openActivities()
    await page.getByRole('button', { name: 'Terugkijken', exact: true }).click()
    const round = (person: Person) =>
      person.page.getByRole('region', { name: 'Terugkijken op de acties' })
    const big = screen.page.locator('.vw-lookback')
    for (const person of [facilitator, phone]) {
      await round(person).getByText('Actie 1 van 6').waitFor()
    }
    await big.getByText('Actie 1 van 6').waitFor()
    await big.getByText('De coördinator van de voedselbank uitnodigen').waitFor()
    // The facilitator's screen lands on it, by keyboard too.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('lookback-title')
    await phone.page.keyboard.type('week.')
    expect(await draft.inputValue()).toBe('Wij bellen elkaar elke week.')
    await draft.press('Escape')

    // Someone at the table sets the status from their phone; the big screen follows at once.
    await round(phone)
      .getByRole('radio', { name: /^Gedaan/ })
      .check()
    await big.locator('.vw-lookback-status').getByText('Gedaan').waitFor()
    await expect
      .poll(() =>
        round(facilitator)
          .getByRole('radio', { name: /^Gedaan/ })
          .isChecked(),
      )
      .toBe(true)
    // Someone writes what the group says and has not left the field when the facilitator goes
    // on: what they wrote is kept.
    await round(phone)
      .getByLabel('Werkt het? Waarom wel of niet?')
      .fill('Ze kwam, en komt nu elke maand.')
    await round(facilitator).getByRole('button', { name: 'Volgende' }).click()
    await big.getByText('Actie 2 van 6').waitFor()
    await round(phone).getByText('Actie 2 van 6').waitFor()
    await room
      .note('De coördinator van de voedselbank')
      .getByText(/^Gedaan/)
      .waitFor()
    await round(facilitator).getByRole('button', { name: 'Vorige' }).click()
    await big.getByText('Ze kwam, en komt nu elke maand.').waitFor()
    await round(facilitator).getByRole('button', { name: 'Volgende' }).click()
    await big.getByText('Actie 2 van 6').waitFor()

    // The second is let go, with why; by keyboard: arrows choose the status.
    const second = round(facilitator)
    await second.getByRole('radio', { name: /^Open/ }).focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await big.locator('.vw-lookback-status').getByText('Losgelaten').waitFor()
    await second.getByLabel('Werkt het? Waarom wel of niet?').fill('Geen tijd bij de huisartsen')
    await second.getByRole('button', { name: 'Opslaan' }).click()
    await big.getByText('Geen tijd bij de huisartsen').waitFor()

    // A day typed digit by digit goes out once it is a whole date (this browser writes mm/dd/yyyy).
    await second.getByLabel('Wanneer kijken we er opnieuw naar?').focus()
    await page.keyboard.type('03122027')
    await big.getByText('Losgelaten · Terugkijken op 12 maart 2027').waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)

    // Someone deletes the action on screen: the group goes on with the one after it.
    await round(facilitator).getByRole('button', { name: 'Volgende' }).click()
    await big.getByText('Actie 3 van 6').waitFor()
    await phone.page.getByRole('tab', { name: /Acties/ }).click()
    await phone.room.noteAction('De gemeente vragen de reiskostenvergoeding', 'Verwijderen')
    await phone.page.getByRole('button', { name: 'Ja, verwijderen' }).click()
    await round(facilitator).getByText('Deze actie is verwijderd.').waitFor()
    await round(facilitator).getByRole('button', { name: 'Volgende' }).click()
    await big.getByText('Actie 3 van 5').waitFor()
    await big.getByText('Een kennismaking tussen taalmaatjes').waitFor()
    await round(facilitator).getByRole('button', { name: 'Volgende' }).click()
    await big.getByText('Actie 4 van 5').waitFor()
    await big.getByText(DOCTOR).waitFor()
    // The example's last action brings the group back to the card later.
    await round(facilitator).getByRole('button', { name: 'Volgende' }).click()
    await big.getByText('Actie 5 van 5').waitFor()
    await big
      .getByText('Over drie maanden samen terugkijken op deze kaart', { exact: false })
      .waitFor()
    // By keyboard: focus stays on the buttons as they change to the summary's.
    await round(facilitator).getByRole('button', { name: 'Naar de samenvatting' }).focus()
    await page.keyboard.press('Enter')

    // The summary, the same on every screen: done out of all, the rest, what was let go and why.
    for (const where of [big, round(phone), round(facilitator)]) {
      await where.getByText('1 van 5 acties gedaan').waitFor()
      await where.getByText('0 bezig · 3 nog open · 1 losgelaten').waitFor()
      await where.getByText('Geen tijd bij de huisartsen').waitFor()
    }
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Terug naar de acties')
    await round(facilitator).getByRole('button', { name: 'Terugkijken stoppen' }).click()
    await big.waitFor({ state: 'detached' })
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toContain('activities-button')
    await round(phone).waitFor({ state: 'detached' })
    expect([...facilitator.errors, ...phone.errors, ...screen.errors]).toEqual([])
  })
})
