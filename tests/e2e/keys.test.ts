import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { useHarness } from './harness'

vi.setConfig({ testTimeout: 90_000 })

const harness = useHarness()

describe('keys that survive a laptop', () => {
  it('saves a facilitator’s keys to a file that gives facilitator rights in a fresh browser', async () => {
    const ellen = await harness.person()
    const url = await ellen.room.createMap(harness.server.url, 'Traject Holendrecht')
    await ellen.room.join('Ellen van Dijk', 'Beroepskracht')
    await ellen.page.getByRole('button', { name: 'Start met stap 1' }).waitFor()

    await ellen.page.goto(harness.server.url)
    const keys = ellen.page.getByRole('region', { name: 'Je sleutels als begeleider' })
    // It says plainly what the file gives.
    await keys.getByText(/geeft begeleidersrechten voor 1 kaart/).waitFor()
    const [download] = await Promise.all([
      ellen.page.waitForEvent('download'),
      keys.getByRole('button', { name: 'Sleutels bewaren in een bestand' }).click(),
    ])
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pk-keys-')), 'sleutels.json')
    await download.saveAs(file)
    const saved = fs.readFileSync(file, 'utf8')
    // Keys and titles only: no notes, no names.
    expect(saved).toContain('Traject Holendrecht')
    expect(saved).not.toContain('Ellen')

    // A fresh browser: a broken file changes nothing, the saved one makes it the facilitator.
    const laptop = await harness.person()
    await laptop.page.goto(harness.server.url)
    const restore = laptop.page.getByLabel('Sleutels terugzetten uit een bestand')
    const broken = path.join(path.dirname(file), 'kapot.json')
    fs.writeFileSync(
      broken,
      '{"format": "partnerschapskaart-sleutels", "version": 1, "maps": [{}]}',
    )
    await restore.setInputFiles(broken)
    await laptop.page
      .getByRole('alert')
      .getByText('Dit sleutelbestand is beschadigd.', { exact: false })
      .waitFor()
    await restore.setInputFiles(file)
    await laptop.page
      .getByRole('status')
      .getByText('1 kaart(en) teruggezet.', { exact: false })
      .waitFor()
    await laptop.page.getByRole('link', { name: 'Traject Holendrecht' }).click()
    await laptop.page.waitForURL(url)
    await laptop.page.getByRole('heading', { name: 'Welkom, begeleider' }).waitFor()
    await laptop.room.join('Ellen van Dijk', 'Beroepskracht')
    await laptop.page.getByRole('button', { name: 'Start met stap 1' }).click()
    // The server agreed: the step is on everyone's screen.
    await ellen.page.goto(url)
    await ellen.page.getByRole('button', { name: 'Volgende stap' }).waitFor()
  })
})
