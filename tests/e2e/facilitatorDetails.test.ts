import { describe, expect, it, vi } from 'vitest'
import { useHarness, type Person } from './harness'

vi.setConfig({ testTimeout: 90_000 })

const harness = useHarness()

async function joinAs(person: Person, url: string, name: string, role: string): Promise<void> {
  await person.page.goto(url)
  await person.room.join(name, role)
}

describe('small things a facilitator notices', () => {
  it('offers no pause at 0:00, and the reveal only while people write alone', async () => {
    const facilitator = await harness.person()
    // The page's clock is the test's: a minute passes at once. The server's clock is not touched.
    await facilitator.page.clock.install()
    await facilitator.room.createMap(harness.server.url, 'Kleine dingen')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    const { page } = facilitator

    await page.getByLabel('Minuten').fill('1')
    await page.getByRole('button', { name: 'Start timer' }).click()
    await page.getByRole('button', { name: 'Pauze' }).waitFor()
    await page.clock.fastForward('01:05')
    await page.getByText('De tijd is om').waitFor()
    expect(await page.getByRole('button', { name: 'Pauze' }).count()).toBe(0)
    await page.getByRole('button', { name: '+1 minuut' }).waitFor()
    await page.getByRole('button', { name: 'Stop timer' }).waitFor()

    await facilitator.room.openActivities()
    expect(await page.getByRole('button', { name: 'Alles tegelijk tonen' }).count()).toBe(0)
    expect(await page.getByRole('checkbox', { name: 'Anoniem tonen' }).count()).toBe(0)
    await page.getByRole('checkbox', { name: 'Eerst alleen schrijven' }).check()
    await page.getByRole('button', { name: 'Alles tegelijk tonen' }).waitFor()
    await page.getByRole('checkbox', { name: 'Anoniem tonen' }).waitFor()
  })

  it('holds a lock through every way of moving, and starts each note as the writer’s own', async () => {
    const facilitator = await harness.person()
    const url = await facilitator.room.createMap(harness.server.url, 'Op slot')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    const ayse = await harness.person()
    await joinAs(ayse, url, 'Ayşe Yılmaz', 'Vrijwilliger')

    // A note for someone without a phone; the next note is Ayşe's own again.
    const waarden = ayse.room.column(/Waarden/)
    await waarden.getByRole('button', { name: /Notitie toevoegen aan/ }).click()
    const proxy = waarden.getByRole('checkbox', { name: /voor iemand zonder telefoon/ })
    await proxy.check()
    await waarden.getByLabel('Naam van die persoon (mag leeg blijven)').fill('Henk')
    await waarden.getByRole('textbox', { name: 'Tekst van de notitie' }).fill('Voor Henk')
    await waarden.getByRole('textbox', { name: 'Tekst van de notitie' }).press('Enter')
    await ayse.room.note('Voor Henk').waitFor()
    expect(await proxy.isChecked()).toBe(false)
    await waarden.getByRole('textbox', { name: 'Tekst van de notitie' }).fill('Van mij')
    await waarden.getByRole('textbox', { name: 'Tekst van de notitie' }).press('Enter')
    await ayse.room.note('Van mij').getByText('Ayşe Yılmaz · Vrijwilliger').waitFor()
    await waarden.getByRole('textbox', { name: 'Tekst van de notitie' }).press('Escape')

    // Step 1 with the other columns locked: no way out of Waarden for Ayşe.
    await facilitator.page.getByRole('button', { name: 'Start met stap 1' }).click()
    await facilitator.room.openActivities()
    await facilitator.page.getByRole('checkbox', { name: 'Andere kolommen op slot' }).check()
    await ayse.room
      .column(/Relaties/)
      .getByText('Deze kolom is nu op slot.')
      .waitFor()
    await ayse.room.noteAction('Van mij', 'Bewerken')
    await waarden.getByLabel('Kolom').waitFor()
    const options = await waarden.getByLabel('Kolom').locator('option').allInnerTexts()
    expect(options).toEqual(['Waarden'])
    await waarden.getByRole('button', { name: 'Annuleren' }).click()
    await ayse.room.noteMenu('Van mij').click()
    await ayse.room.note('Van mij').getByRole('menuitem', { name: 'Bewerken' }).waitFor()
    expect(
      await ayse.room.note('Van mij').getByRole('menuitem', { name: 'Verplaats naar…' }).count(),
    ).toBe(0)
    await ayse.page.keyboard.press('Escape')
    // The facilitator may still move it anywhere.
    await facilitator.room.closeActivities()
    await facilitator.room.noteAction('Van mij', 'Verplaats naar…', '2. Relaties')
    await ayse.room
      .column(/Relaties/)
      .getByText('Van mij')
      .waitFor()

    // "Wanneer" says how long it may be, before it stops taking letters.
    const acties = facilitator.room.column(/Acties/)
    await acties.getByRole('button', { name: /Notitie toevoegen aan/ }).click()
    await acties.getByText('hooguit 80 tekens', { exact: false }).waitFor()
  })

  it('asks who does an action instead of assuming it, and writes for anyone, "Anders" too', async () => {
    const facilitator = await harness.person()
    await facilitator.room.createMap(harness.server.url, 'Wie doet het')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    const acties = facilitator.room.column(/Acties/)
    await acties.getByRole('button', { name: /Notitie toevoegen aan/ }).click()
    const box = acties.getByRole('textbox', { name: 'Tekst van de notitie' })
    await box.fill('Koffie regelen')
    await box.press('Enter')
    await acties.getByRole('alert').getByText('Kies wie het doet: ik, wij of anderen.').waitFor()
    expect(await facilitator.room.note('Koffie regelen').count()).toBe(0)
    await acties.getByRole('radio', { name: 'Ik', exact: true }).check()
    await box.press('Enter')
    await facilitator.room.note('Koffie regelen').getByText(/^Ik/).waitFor()
    // The next action asks again.
    expect(await acties.getByRole('radio', { name: 'Ik', exact: true }).isChecked()).toBe(false)

    // The proxy form offers the join form's roles, in its order, with "Anders".
    await acties.getByRole('checkbox', { name: /voor iemand zonder telefoon/ }).check()
    const roles = await acties
      .getByRole('group', { name: 'Rol van die persoon' })
      .getByRole('radio')
      .evaluateAll((inputs) => inputs.map((input) => input.parentElement!.textContent))
    expect(roles).toEqual([
      'Beroepskracht',
      'Manager',
      'Beleidsmaker',
      'Vrijwilliger',
      'Mantelzorger',
      'Ervaringsdeskundige',
      'Bewoner',
      'Anders',
    ])
    await acties.getByRole('radio', { name: 'Anders', exact: true }).check()
    await acties.getByLabel('Naam van die persoon (mag leeg blijven)').fill('Henk')
    await acties.getByLabel(/Welke rol/).fill('buurtvader')
    await box.fill('Stoelen zetten')
    await acties.getByRole('radio', { name: 'Wij', exact: true }).check()
    await box.press('Enter')
    await facilitator.room
      .note('Stoelen zetten')
      .getByText(/Henk · buurtvader/)
      .waitFor()
  })

  it('greets the map’s maker as facilitator and brings people in with one press', async () => {
    const facilitator = await harness.person()
    const url = await facilitator.room.createMap(harness.server.url, 'Eerste minuut')
    await facilitator.page.getByRole('heading', { name: 'Welkom, begeleider' }).waitFor()
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    await facilitator.page.getByRole('button', { name: 'Mensen uitnodigen' }).click()
    const panel = facilitator.page.getByRole('complementary', { name: /^Delen/ })
    await panel.locator('.join-code-value').waitFor()
    expect(await panel.locator('.join-code-value').innerText()).toMatch(/^[A-Z0-9]{4,8}$/)
    await panel.getByRole('img', { name: /QR/ }).waitFor()
    const big = panel.getByRole('link', { name: 'Toon op groot scherm' })
    expect(await big.getAttribute('href')).toBe(await panel.locator('#share-viewer').inputValue())
    expect(await big.getAttribute('target')).toBe('_blank')
    // Once the steps run, the bar keeps its room for them.
    await facilitator.page.getByRole('button', { name: 'Start met stap 1' }).click()
    expect(await facilitator.page.getByRole('button', { name: 'Mensen uitnodigen' }).count()).toBe(
      0,
    )

    const ayse = await harness.person()
    await ayse.page.goto(url)
    await ayse.page.getByRole('heading', { name: 'Doe mee' }).waitFor()
    expect(await ayse.page.getByText('Welkom, begeleider').count()).toBe(0)
  })

  it('names the columns once in English, in plain words', async () => {
    const { page, room } = await harness.person()
    await room.createMap(harness.server.url, 'In English')
    await room.join('Ellen van Dijk', 'Beroepskracht')
    await page.getByRole('button', { name: 'English', exact: true }).click()
    await page.getByRole('heading', { name: /Step 4: Conditions/ }).waitFor()
    expect(await page.locator('.column-voorwaarden h2').innerText()).not.toContain('(')
    expect(await page.locator('.column-eisen h2').innerText()).toContain('(Conduct)')
  })
})

describe('labels that never change', () => {
  it('keeps a note’s label through moves, others’ deletes, reloads and languages', async () => {
    const facilitator = await harness.person()
    const url = await facilitator.room.createMap(harness.server.url, 'Vaste labels')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    const ayse = await harness.person()
    await joinAs(ayse, url, 'Ayşe Yılmaz', 'Vrijwilliger')
    for (const text of ['Een', 'Twee', 'Drie']) await facilitator.room.addNote(/Waarden/, text)
    const label = (person: Person, text: string) =>
      person.room.note(text).locator('.note-ref').innerText()
    expect(await label(ayse, 'Twee')).toBe('W2')

    // Twee goes to Relaties, Een is deleted: Twee is still W2, Drie still W3, everywhere.
    await ayse.room.noteAction('Twee', 'Verplaats naar…', '2. Relaties')
    await facilitator.room
      .column(/Relaties/)
      .getByText('Twee')
      .waitFor()
    await facilitator.room.noteAction('Een', 'Verwijderen')
    await facilitator.page.getByRole('button', { name: /Ja, verwijder/ }).click()
    await expect.poll(() => ayse.room.note('Een').count()).toBe(0)
    for (const person of [facilitator, ayse]) {
      expect(await label(person, 'Twee')).toBe('W2')
      expect(await label(person, 'Drie')).toBe('W3')
    }
    // A new value goes on after them; a note written in Relaties starts its own letter.
    await ayse.room.addNote(/Waarden/, 'Vier')
    await ayse.room.addNote(/Relaties/, 'Bellen')
    expect(await label(facilitator, 'Vier')).toBe('W4')
    expect(await label(facilitator, 'Bellen')).toBe('R1')

    // The same after a reload and in English.
    await ayse.page.reload()
    await ayse.page.getByRole('button', { name: 'English', exact: true }).click()
    await ayse.page
      .getByRole('heading', { name: /Values/ })
      .first()
      .waitFor()
    expect(await label(ayse, 'Twee')).toBe('W2')
    expect(await label(ayse, 'Bellen')).toBe('R1')
  })
})

describe('joining and writing from the first minute', () => {
  it('puts joining with a code first on a phone, shows drafts as one’s own, keeps the form in view', async () => {
    const facilitator = await harness.person()
    const url = await facilitator.room.createMap(harness.server.url, 'Eerste minuut')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')

    const phone = await harness.person({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    await phone.page.goto(harness.server.url)
    const code = phone.page.getByLabel('Code', { exact: true })
    const create = phone.page.getByRole('heading', { name: 'Nieuwe kaart maken' })
    expect((await code.boundingBox())!.y).toBeLessThan((await create.boundingBox())!.y)
    expect((await code.boundingBox())!.y + 40).toBeLessThan(844)

    await joinAs(phone, url, 'Kwame Mensah', 'Ervaringsdeskundige')
    await facilitator.room.openActivities()
    await facilitator.page.getByRole('checkbox', { name: 'Eerst alleen schrijven' }).check()
    await facilitator.room.closeActivities()
    await phone.page.getByText(/Iedereen schrijft nu eerst alleen/).waitFor()

    // A draft in an empty column is one's own, not "no notes yet".
    const waarden = phone.room.column(/Waarden/)
    await waarden.getByRole('button', { name: /Notitie toevoegen aan/ }).click()
    const box = waarden.getByRole('textbox', { name: 'Tekst van de notitie' })
    await box.fill('Mijn eerste gedachte')
    await box.press('Enter')
    await waarden.getByText('Privé').waitFor()
    expect(await waarden.getByText('Nog geen notities').count()).toBe(0)

    // One idea after another: after each Enter the form is still on the screen.
    for (let i = 1; i <= 6; i++) {
      await box.fill(`Gedachte ${i}, wat langer opgeschreven zodat de notitie twee regels neemt`)
      await box.press('Enter')
      await waarden.getByText(`Gedachte ${i},`).waitFor()
      await expect
        .poll(() =>
          box.evaluate((element) => {
            const rect = element.getBoundingClientRect()
            return rect.top >= 0 && rect.bottom <= window.innerHeight + 1
          }),
        )
        .toBe(true)
    }
  })
})

describe('hoofd, hart, buik', () => {
  it('brings those who follow to the round when it opens, and lists each field in its own order', async () => {
    const facilitator = await harness.person()
    const url = await facilitator.room.createMap(harness.server.url, 'Hoofd hart buik')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    const phone = await harness.person({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    await joinAs(phone, url, 'Kwame Mensah', 'Ervaringsdeskundige')
    await facilitator.room.openActivities()
    await facilitator.page.getByRole('checkbox', { name: 'Iedereen volgt mijn stap' }).check()
    // Kwame is down the page when the round opens.
    await phone.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    await facilitator.page.getByRole('button', { name: 'Ronde bij het begin' }).click()
    const heading = phone.page.getByRole('heading', { name: /Hoofd, hart, buik: hoe begin je/ })
    await expect
      .poll(() => heading.evaluate((element) => element === document.activeElement))
      .toBe(true)
    await expect
      .poll(() =>
        heading.evaluate((element) => {
          const box = element.getBoundingClientRect()
          return box.top >= 0 && box.bottom <= window.innerHeight
        }),
      )
      .toBe(true)

    // Three people answer; each word list is in its own (alphabetical) order, not by person.
    const answers: [Person, string, string, string][] = [
      [phone, 'Zorgvuldig', 'Alleen samen', 'Middenin'],
      [facilitator, 'Afspraken', 'Zorg om elkaar', 'Bang'],
    ]
    const third = await harness.person()
    await joinAs(third, url, 'Ayşe Yılmaz', 'Vrijwilliger')
    answers.push([third, 'Midden', 'Betrokken', 'Zeker'])
    for (const [person, head, heart, gut] of answers) {
      const round = person.page.getByRole('region', { name: /Hoofd, hart, buik/ })
      await round.getByRole('textbox', { name: /^Hoofd/ }).fill(head)
      await round.getByRole('textbox', { name: /^Hart/ }).fill(heart)
      await round.getByRole('textbox', { name: /^Buik/ }).fill(gut)
      await round.getByRole('radio', { name: '6', exact: true }).check()
      await round.getByRole('button', { name: 'Opslaan' }).click()
      await round.getByText('Opgeslagen').waitFor()
    }
    const words = (field: string) =>
      facilitator.page
        .locator('.pulse-words')
        .filter({ has: facilitator.page.getByRole('heading', { name: field }) })
        .locator('li')
        .allInnerTexts()
    await expect.poll(() => words('Hoofd')).toEqual(['Afspraken', 'Midden', 'Zorgvuldig'])
    expect(await words('Hart')).toEqual(['Alleen samen', 'Betrokken', 'Zorg om elkaar'])
    expect(await words('Buik')).toEqual(['Bang', 'Middenin', 'Zeker'])
  })
})

describe('after the last step', () => {
  it('offers a closing: the closing round, the agreements as a PDF, and when to look again', async () => {
    const facilitator = await harness.person()
    const url = await facilitator.room.createMap(harness.server.url, 'Afronden')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    const ayse = await harness.person()
    await joinAs(ayse, url, 'Ayşe Yılmaz', 'Vrijwilliger')
    const { page } = facilitator
    await page.getByRole('button', { name: 'Start met stap 1' }).click()
    for (let step = 2; step <= 5; step++) {
      await page.getByRole('button', { name: 'Volgende stap' }).click()
      await page.getByText(`Deel ${step} van 5`).waitFor()
    }
    expect(await page.getByRole('button', { name: 'Volgende stap' }).count()).toBe(0)
    await page.getByRole('button', { name: /^Afronden/ }).click()
    const closing = page.getByRole('group', { name: 'Afronden' })
    await closing.getByText('wanneer jullie de afspraken terugzien', { exact: false }).waitFor()
    await closing.getByRole('button', { name: 'Ronde aan het eind (hoofd, hart, buik)' }).click()
    await ayse.page.getByRole('heading', { name: /Hoofd, hart, buik: hoe ga je weg/ }).waitFor()
    await page.getByRole('button', { name: /^Afronden/ }).click()
    await closing.getByRole('button', { name: 'De afspraken bewaren als PDF' }).click()
    await page.getByRole('complementary', { name: 'Bewaren' }).waitFor()
    await page.getByRole('button', { name: /Afsprakenkaart \(PDF\)/ }).waitFor()
  })
})
