import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { addNote, createMapDoc, newNoteId, newParticipantId } from '../../src/map'
import { providerDoc } from '../../src/map/providerDoc'
import { connectStockClient, waitFor, whenSynced } from '../helpers/stockClient'
import { useHarness, type Person } from './harness'

vi.setConfig({ testTimeout: 120_000 })

const harness = useHarness()

async function joinAs(person: Person, url: string, name: string, role: string): Promise<void> {
  await person.page.goto(url)
  await person.room.join(name, role)
}

function column(person: Person, id: string) {
  return person.page.locator(`.column-${id}`)
}

describe('facilitation with a facilitator, two participants and the shared screen', () => {
  it('guides the steps, runs the timer and keeps the viewer read-only', async () => {
    const facilitator = await harness.person()
    const url = await facilitator.room.createMap(harness.server.url, 'Samenspel Zuidoost')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    await facilitator.room.openPanel('Delen')
    const viewerUrl = await facilitator.room.viewerLink()
    const coFacilitatorUrl = await facilitator.page.locator('#share-facilitator').inputValue()
    expect(viewerUrl).toMatch(/\/v\/[A-Za-z0-9_-]{22,}$/)
    expect(coFacilitatorUrl).toMatch(/#fk=/)
    expect(viewerUrl).not.toContain(new URL(url).pathname.slice(3))

    const ayse = await harness.person()
    await joinAs(ayse, url, 'Ayşe Yılmaz', 'Vrijwilliger')
    const kwame = await harness.person()
    await joinAs(kwame, url, 'Kwame Mensah', 'Ervaringsdeskundige')
    const screen = await harness.person({ viewport: { width: 1920, height: 1080 } })
    await screen.page.goto(viewerUrl)
    await screen.page.getByRole('heading', { name: 'Samenspel Zuidoost' }).waitFor()

    // Participants and the screen get no facilitator controls, nor the secret links.
    for (const other of [ayse, kwame]) await other.room.openPanel('Delen')
    for (const other of [ayse, kwame, screen]) {
      expect(await other.page.getByRole('button', { name: 'Start met stap 1' }).count()).toBe(0)
      expect(await other.page.locator('#share-facilitator').count()).toBe(0)
    }

    // Step 1: Waarden is active on every screen, its questions large.
    await facilitator.page.getByRole('button', { name: 'Start met stap 1' }).click()
    for (const person of [ayse, kwame, screen]) {
      await column(person, 'waarden').and(person.page.locator('[data-active="true"]')).waitFor()
      await person.page.getByRole('heading', { name: '1. Waarden' }).waitFor()
    }

    // Lock the other columns and move on: Waarden closes for participants, Relaties opens.
    await facilitator.room.openActivities()
    await facilitator.page.getByRole('checkbox', { name: 'Andere kolommen op slot' }).check()
    await facilitator.page.getByRole('button', { name: 'Volgende stap' }).click()
    await column(ayse, 'relaties').and(ayse.page.locator('[data-active="true"]')).waitFor()
    await column(ayse, 'waarden').getByText('Deze kolom is nu op slot.').waitFor()
    expect(
      await column(ayse, 'waarden')
        .getByRole('button', { name: /Notitie toevoegen/ })
        .count(),
    ).toBe(0)
    // The facilitator can still write anywhere.
    await facilitator.room.addNote(/Waarden/, 'Nagekomen waarde')
    await ayse.room.addNote(/Relaties/, 'We bellen elkaar gewoon op')
    await kwame.room.note('We bellen elkaar gewoon op').waitFor()
    await screen.room.note('We bellen elkaar gewoon op').waitFor()
    await screen.room.note('Nagekomen waarde').waitFor()

    // The timer shows on every screen and pauses for everyone.
    await facilitator.page.getByLabel('Minuten').fill('5')
    await facilitator.page.getByRole('button', { name: 'Start timer' }).click()
    for (const person of [ayse, screen]) {
      await expect.poll(() => person.page.getByRole('timer').innerText()).toMatch(/^[45]:\d\d/)
    }
    await facilitator.page.getByRole('button', { name: 'Pauze' }).click()
    await kwame.page.getByText('(gepauzeerd)').waitFor()

    // The shared screen cannot write: no controls to add, edit or move notes.
    expect(await screen.page.getByRole('button', { name: /Notitie toevoegen/ }).count()).toBe(0)
    expect(await screen.page.getByRole('button', { name: /Acties voor notitie/ }).count()).toBe(0)
    expect(await screen.page.locator('[aria-roledescription]').count()).toBe(0)

    // Not even a hand-made websocket frame from the viewer's browser reaches the map: a valid
    // note, built with our own map operations, sent as a sync update over the viewer link.
    const forged = createMapDoc()
    addNote(forged, {
      id: newNoteId(),
      column: 'relaties',
      text: 'Vervalst door het scherm',
      author: {
        id: newParticipantId(),
        name: 'Scherm',
        role: 'bewoner',
        roleLabel: '',
        side: 'informal',
      },
    })
    const update = [...Y.encodeStateAsUpdate(providerDoc(forged))]
    await screen.page.evaluate(
      async ({ path, bytes }) => {
        const ws = new WebSocket(`ws://${location.host}${path}`)
        await new Promise((resolve) => ws.addEventListener('open', resolve))
        const length: number[] = []
        let rest = bytes.length
        while (rest > 0x7f) {
          length.push((rest & 0x7f) | 0x80)
          rest >>>= 7
        }
        length.push(rest)
        ws.send(new Uint8Array([0, 2, ...length, ...bytes]))
        // Closed once the frame has left the browser.
        while (ws.bufferedAmount > 0) await new Promise((resolve) => setTimeout(resolve, 10))
        ws.close()
      },
      { path: new URL(viewerUrl).pathname.replace(/^\/v\//, '/ws/v/'), bytes: update },
    )
    await ayse.room.addNote(/Relaties/, 'Na de vervalsing')
    await screen.room.note('Na de vervalsing').waitFor()
    await kwame.room.note('Na de vervalsing').waitFor()
    expect(await kwame.page.getByText('Vervalst door het scherm').count()).toBe(0)
    expect(await screen.page.getByText('Vervalst door het scherm').count()).toBe(0)

    // A co-facilitator link gives the controls on another device.
    const coFacilitator = await harness.person()
    await coFacilitator.page.goto(coFacilitatorUrl)
    await coFacilitator.room.join('Noor El Idrissi', 'Vrijwilliger')
    expect(coFacilitator.page.url()).not.toContain('fk=')
    await coFacilitator.page.getByRole('button', { name: 'Volgende stap' }).click()
    await ayse.page.getByRole('heading', { name: '3. Eisen' }).waitFor()

    for (const person of [facilitator, ayse, kwame, screen, coFacilitator]) {
      expect(person.errors).toEqual([])
    }
  })

  it('brings the active step into view on phones that follow, until someone steps out', async () => {
    const facilitator = await harness.person()
    const url = await facilitator.room.createMap(harness.server.url, 'Volg mij')
    await facilitator.room.join('Łukasz Nowak', 'Beroepskracht')
    const phone = await harness.person({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    await joinAs(phone, url, 'Joyce', 'Bewoner')
    // A phone shows the page at its own width: nothing widens it so the phone zooms out (the
    // layout viewport grows to hold what overflows, so scrollWidth alone would not tell).
    expect(await phone.page.evaluate(() => window.innerWidth)).toBe(390)

    // On a phone one column shows at a time (its tab chosen); the others are hidden.
    const inView = (id: string) =>
      phone.page.evaluate((selector) => {
        const rect = document.querySelector(selector)!.getBoundingClientRect()
        return rect.width > 0 && rect.left >= 0 && rect.right <= window.innerWidth
      }, `.column-${id}`)

    await facilitator.room.openActivities()
    await facilitator.page.getByRole('checkbox', { name: 'Iedereen volgt mijn stap' }).check()
    await facilitator.page.getByRole('button', { name: 'Start met stap 1' }).click()
    await phone.page.getByText('Je volgt de begeleider.').waitFor()
    await facilitator.page.getByRole('button', { name: 'Volgende stap' }).click()
    await facilitator.page.getByRole('button', { name: 'Volgende stap' }).click()
    await expect.poll(() => inView('eisen')).toBe(true)

    await phone.page.getByRole('button', { name: 'Zelf rondkijken' }).click()
    await facilitator.page.getByRole('button', { name: 'Volgende stap' }).click()
    await phone.page.getByRole('heading', { name: '4. Voorwaarden' }).waitFor()
    // Not following means nothing happens: no event to wait for, so the phone gets a moment in
    // which it would have scrolled, and must not have.
    await phone.page.waitForTimeout(300)
    expect(await inView('voorwaarden')).toBe(false)
    await phone.page.getByRole('button', { name: 'Volg de begeleider weer' }).click()
    await expect.poll(() => inView('voorwaarden')).toBe(true)

    // The spotlight: one note brought into view and marked on every following screen.
    await facilitator.room.addNote(/Acties/, 'Koffie regelen voor het buurtoverleg')
    await facilitator.room.noteAction('Koffie regelen', 'In de spotlight')
    await phone.room.note('Koffie regelen').getByText('In de spotlight').waitFor()
    await expect.poll(() => inView('acties')).toBe(true)
  })
})

describe('the direction, told truthfully', () => {
  it('says where to start and which step of the card comes first, from actions as from values', async () => {
    const facilitator = await harness.person()
    await facilitator.room.createMap(harness.server.url, 'Van achter naar voren')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    const page = facilitator.page
    await page.getByText('Vul de kaart van rechts naar links: begin bij stap 1, Waarden.').waitFor()
    await page.getByRole('button', { name: 'Start met stap 1' }).waitFor()

    await facilitator.room.openActivities()
    await page
      .getByLabel('Richting')
      .selectOption({ label: 'Van links naar rechts (begin bij Acties)' })
    await page.getByText('Vul de kaart van links naar rechts: begin bij Acties.').waitFor()
    expect(
      await page.getByText('Vul de kaart van rechts naar links', { exact: false }).count(),
    ).toBe(0)
    expect(await page.getByRole('button', { name: 'Start met stap 1' }).count()).toBe(0)
    const options = await page.getByLabel('Tempo').locator('option').allInnerTexts()
    expect(options).toContain('Kort: eerst stap 5, dan 4 t/m 1 samen')

    await page.getByRole('button', { name: 'Start met stap 5' }).click()
    await page.getByText('Deel 1 van 5').waitFor()
    await expect.poll(() => page.locator('#session-step-title').innerText()).toBe('5. Acties')
  })
})

describe('agreeing: dot votes, shared values and the ready check', () => {
  it('votes within the limits, shows results only when closed, and counts who is done', async () => {
    const facilitator = await harness.person()
    const url = await facilitator.room.createMap(harness.server.url, 'Samen kiezen')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    await facilitator.room.addNote(/Waarden/, 'Warmte en respect')
    await facilitator.room.addNote(/Waarden/, 'Transparantie')
    await facilitator.room.addNote(/Waarden/, 'Gelijkwaardigheid')
    const ayse = await harness.person()
    await joinAs(ayse, url, 'Ayşe Yılmaz', 'Vrijwilliger')
    const kwame = await harness.person()
    await joinAs(kwame, url, 'Kwame Mensah', 'Ervaringsdeskundige')

    await facilitator.page.getByRole('button', { name: 'Start met stap 1' }).click()
    await facilitator.room.openActivities()
    await facilitator.page.getByLabel('Stippen per persoon').fill('2')
    await facilitator.page.getByRole('checkbox', { name: 'Hooguit één stip per notitie' }).check()
    await facilitator.page.getByRole('button', { name: 'Stemronde openen' }).click()
    await facilitator.room.closeActivities()

    const give = (person: Person, text: string) =>
      person.page.getByRole('button', { name: `Stip geven aan: ${text}` })
    await give(ayse, 'Warmte en respect').click()
    // One dot per note: the button is gone for that note.
    await expect.poll(() => give(ayse, 'Warmte en respect').count()).toBe(0)
    await give(ayse, 'Transparantie').click()
    await ayse.page.getByText('Je hebt nog 0 van 2 stippen').waitFor()
    // How many have voted shows in the bar, for the facilitator and the room alike.
    await facilitator.page.locator('.session-bar').getByText('1 van 3 hebben gestemd').waitFor()
    await kwame.page.locator('.session-bar').getByText('1 van 3 hebben gestemd').waitFor()
    // Without dots left the button stays (marked as not available), and pressing it says why
    // nothing happens.
    await expect
      .poll(() => give(ayse, 'Gelijkwaardigheid').getAttribute('aria-disabled'))
      .toBe('true')
    await give(ayse, 'Gelijkwaardigheid').focus()
    await ayse.page.keyboard.press('Enter')
    await ayse.page.getByText('Je stippen zijn op. Neem eerst ergens een stip terug.').waitFor()
    await give(kwame, 'Transparantie').click()
    await kwame.page.getByText('Je hebt nog 1 van 2 stippen').waitFor()
    // While the vote is open nobody sees the others' dots.
    expect(await kwame.page.getByText(/^\d+ stip(pen)?$/).count()).toBe(0)

    await facilitator.room.openActivities()
    await facilitator.page.getByRole('button', { name: 'Stemmen sluiten en uitslag tonen' }).click()
    for (const person of [ayse, kwame, facilitator]) {
      await person.room.note('Transparantie').getByText('2 stippen', { exact: true }).waitFor()
      await person.room.note('Warmte en respect').getByText('1 stip', { exact: true }).waitFor()
    }
    await facilitator.room.openActivities()
    await facilitator.page.getByRole('checkbox', { name: 'Sorteer op stippen' }).check()
    await facilitator.room.closeActivities()
    await expect
      .poll(() =>
        kwame.room
          .notesIn(/Waarden/)
          .locator('.note-text')
          .allInnerTexts(),
      )
      .toEqual(['Transparantie', 'Warmte en respect', 'Gelijkwaardigheid'])

    // The facilitator marks a value the group shares; it shows for everyone.
    await facilitator.room.noteAction('Warmte en respect', 'Markeer als gedeeld')
    await ayse.room.note('Warmte en respect').getByText('Gedeeld').waitFor()
    await ayse.room.noteMenu('Warmte en respect').click()
    await ayse.page.getByRole('menuitem', { name: 'Bewerken' }).waitFor()
    expect(
      await ayse.page.getByRole('menuitemcheckbox', { name: /Markeer als gedeeld/ }).count(),
    ).toBe(0)
    await ayse.page.keyboard.press('Escape')

    // Ready check: one done, one passes; everyone sees the count.
    await ayse.page.getByRole('button', { name: 'Klaar', exact: true }).click()
    await kwame.page.getByRole('button', { name: 'Pas', exact: true }).click()
    await facilitator.page.getByText('1 van 3 klaar · 1 pas').waitFor()
    await ayse.page.getByText('1 van 3 klaar · 1 pas').waitFor()
    // A new step asks again.
    await facilitator.page.getByRole('button', { name: 'Volgende stap' }).click()
    await kwame.page.getByText('0 van 3 klaar · 0 pas').waitFor()
    // The result stays with the values it was given to, now that the group is at step 2.
    await kwame.room.note('Transparantie').getByText('2 stippen', { exact: true }).waitFor()
    await facilitator.room.note('Warmte en respect').getByText('1 stip', { exact: true }).waitFor()
  })
})

describe('write alone, then together', () => {
  it('keeps drafts on the writer’s device, out of the shared document, until the reveal', async () => {
    const facilitator = await harness.person()
    const url = await facilitator.room.createMap(harness.server.url, 'Eerst alleen')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    const ayse = await harness.person()
    await joinAs(ayse, url, 'Ayşe Yılmaz', 'Vrijwilliger')
    const kwame = await harness.person()
    await joinAs(kwame, url, 'Kwame Mensah', 'Ervaringsdeskundige')

    await facilitator.room.openActivities()
    await facilitator.page.getByRole('checkbox', { name: 'Eerst alleen schrijven' }).check()
    await ayse.page.getByText(/Iedereen schrijft nu eerst alleen/).waitFor()
    const secret = 'Ik durf niet te zeggen dat ik moe ben'
    const region = ayse.room.column(/Waarden/)
    await region.getByRole('button', { name: /Notitie toevoegen aan/ }).click()
    await region.getByRole('textbox', { name: 'Tekst van de notitie' }).fill(secret)
    await region.getByRole('button', { name: 'Concept toevoegen' }).click()
    await region.getByText(secret).waitFor()

    // The bar says how many are writing, on every screen; never what.
    for (const person of [facilitator, kwame]) {
      await person.page.locator('.session-bar').getByText('1 van 3 schrijven').waitFor()
    }
    // The facilitator sees a count, never the text; the others see nothing.
    await facilitator.room.openPanel('Mensen')
    await facilitator.page
      .locator('.presence li', { hasText: 'Ayşe' })
      .getByText('1 concept', { exact: true })
      .waitFor()
    expect(await facilitator.page.getByText(secret).count()).toBe(0)
    expect(await kwame.page.getByText(secret).count()).toBe(0)

    // Nor is it anywhere in the shared documents, read raw by a stock y-websocket client.
    const roomId = new URL(url).pathname.split('/').pop()!
    const raw = connectStockClient(harness.server.port, roomId)
    const rawControl = connectStockClient(harness.server.port, roomId, { doc: 'control' })
    await Promise.all([whenSynced(raw), whenSynced(rawControl)])
    await waitFor(
      () =>
        rawControl.doc.getMap('facilitation').get('privateWriting') === true &&
        raw.doc.getMap('meta').get('title') === 'Eerst alleen',
      'raw clients are up to date',
    )
    const everything = JSON.stringify([raw.doc.toJSON(), rawControl.doc.toJSON()])
    expect(everything).not.toContain(secret)

    // Reveal, anonymously: the draft appears for everyone, without its author, and leaves the drafts.
    await facilitator.room.openActivities()
    await facilitator.page.getByRole('checkbox', { name: 'Anoniem tonen' }).check()
    await facilitator.page.getByRole('button', { name: 'Alles tegelijk tonen' }).click()
    await kwame.room.note(secret).getByText('Anoniem').waitFor()
    await facilitator.room.note(secret).waitFor()
    await expect.poll(() => ayse.page.locator('.draft').count()).toBe(0)
    await waitFor(
      () => JSON.stringify(raw.doc.getMap('notes').toJSON()).includes(secret),
      'revealed note in the shared document',
    )
    const revealed = Object.values(raw.doc.getMap('notes').toJSON()).find(
      (note) => (note as { text: string }).text === secret,
    ) as Record<string, unknown>
    expect(revealed.author).toBeUndefined()
    expect(JSON.stringify(revealed)).not.toContain('Ayşe')
    // Nor does any Yjs client id tie it to her: her presence names hers, the note's items
    // carry another.
    const presenceOf = (name: string) =>
      [...raw.provider.awareness.getStates()].find(
        ([, state]) => (state.participant as { name?: string } | undefined)?.name === name,
      )?.[0]
    await waitFor(() => presenceOf('Ayşe Yılmaz') !== undefined, 'Ayşe’s presence')
    const notes = raw.doc.getMap<Y.Map<unknown>>('notes')
    const [revealedId] = [...notes.entries()].find(([, note]) => note.get('text') === secret)!
    const writers = new Set<number>()
    const noteMap = notes.get(revealedId)!
    writers.add(noteMap._item!.id.client)
    noteMap._map.forEach((item) => writers.add(item.id.client))
    expect(writers.has(presenceOf('Ayşe Yılmaz')!)).toBe(false)
    expect(writers.has(presenceOf('Kwame Mensah')!)).toBe(false)
    raw.destroy()
    rawControl.destroy()
  })
})

describe('joining by code', () => {
  it('lets a phone join with the code from the big screen while joining is open', async () => {
    const facilitator = await harness.person()
    const url = await facilitator.room.createMap(harness.server.url, 'Met een code')
    await facilitator.room.join('Ellen van Dijk', 'Beroepskracht')
    const viewerUrl = await facilitator.room.viewerLink()
    const screen = await harness.person({ viewport: { width: 1920, height: 1080 } })
    await screen.page.goto(viewerUrl)

    await facilitator.page.getByRole('button', { name: 'Meedoen met code openen' }).click()
    const code = (await screen.page.locator('.join-code-value').innerText()).trim()
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
    await screen.page.getByRole('img', { name: 'QR-code om mee te doen met deze kaart' }).waitFor()

    const phone = await harness.person({ viewport: { width: 390, height: 844 }, isMobile: true })
    await phone.page.goto(harness.server.url)
    await phone.page.getByLabel('Code', { exact: true }).fill(code.toLowerCase())
    await phone.page.getByRole('button', { name: 'Meedoen', exact: true }).click()
    await phone.page.waitForURL(url)
    await phone.room.join('Joyce', 'Bewoner')
    await facilitator.room.openPanel('Mensen')
    await facilitator.page.locator('.presence li', { hasText: 'Joyce' }).waitFor()
    await facilitator.room.openPanel('Delen')

    // Closed: the code stops working, the screen stops showing it.
    await facilitator.page.getByRole('button', { name: 'Code sluiten' }).click()
    await expect.poll(() => screen.page.locator('.join-code-value').count()).toBe(0)
    const late = await harness.person()
    await late.page.goto(`${harness.server.url}j/${code}`)
    await late.page.getByText('Deze code werkt niet (meer).', { exact: false }).waitFor()
  })
})
