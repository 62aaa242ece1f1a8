import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../src/features/export/pdf/render'
import { reportContent, type ReportVersion } from '../src/features/trajectory/report/content'
import { chartFrame, layoutReport, REPORT_PAGE } from '../src/features/trajectory/report/layout'
import { translator } from '../src/i18n'
import {
  actionsOf,
  addNote,
  createMapDoc,
  editNote,
  moveNote,
  setFollowUp,
  viewMap,
  writePulse,
  type MapDoc,
  type MapView,
} from '../src/map'
import { fillExampleMap } from '../src/map/example'
import {
  addMeeting,
  addPartner,
  createTrajectoryDoc,
  keepScores,
  startTrajectory,
  updateMeeting,
  viewTrajectory,
  type TrajectoryDoc,
} from '../src/map/trajectory'
import { pdfFonts as fonts, pdfText, squash } from './helpers/pdfTools'

/** A head-heart-gut round on the map: one score per device before and after. */
function pulseRound(doc: MapDoc, round: number, before: number[], after: number[]): void {
  before.forEach((score, i) =>
    writePulse(doc, `device-${round}-${i}`, { before: score, after: after[i] ?? null }),
  )
}

/**
 * The example map carried through three meetings: a version saved after each, actions followed
 * up in between, and the head-heart-gut scores kept with each meeting.
 */
function threeMeetings(startedAt = Date.UTC(2026, 2, 12, 9)): {
  map: MapDoc
  trajectory: TrajectoryDoc
  versions: ReportVersion[]
} {
  const map = createMapDoc()
  fillExampleMap(map, Date.UTC(2026, 2, 12))
  const trajectory = createTrajectoryDoc()
  startTrajectory(trajectory, 'Ontwikkeltraject Noord', startedAt)
  addPartner(trajectory, { name: 'Buurtteam Noord', side: 'formal' })
  addPartner(trajectory, { name: 'Bewonersgroep De Linde', side: 'informal' })
  const versions: ReportVersion[] = []
  const save = (label: string, createdAt: number) => {
    const view = viewMap(map)
    versions.push({
      info: { number: versions.length + 1, label, createdAt, bytes: 1 },
      view,
    })
    return versions.length
  }
  const author = viewMap(map).participants[0]!
  const actions = () => actionsOf(viewMap(map))

  // Meeting 1: the scores are low to start with; the card is saved.
  const first = addMeeting(trajectory, {
    date: '2026-03-12',
    theme: 'Waarden',
    form: 'Partnerschapskaart',
    report: 'Elkaar eerder bellen als het schuurt.',
  })
  const firstRound = createMapDoc()
  pulseRound(firstRound, 1, [4, 5, 6], [6, 6, 7])
  keepScores(trajectory, first, viewMap(firstRound).pulse)
  updateMeeting(trajectory, first, {
    version: save('na bijeenkomst 1', Date.UTC(2026, 2, 12, 17)),
    preparers: [
      { name: 'Ayşe', side: 'informal' },
      { name: 'Ellen', side: 'formal' },
    ],
  })

  // Meeting 2: an action done, one let go with why, a new one, a note edited and one moved.
  const second = addMeeting(trajectory, { date: '2026-04-09', theme: 'Voorwaarden' })
  setFollowUp(map, actions()[0]!.id, { status: 'gedaan', evaluation: 'Werkt: de lijst hangt.' })
  setFollowUp(map, actions()[1]!.id, {
    status: 'losgelaten',
    evaluation: 'Te veel werk voor twee vrijwilligers.',
  })
  addNote(map, {
    id: 'noteNewAction' as never,
    column: 'acties',
    text: 'Elke maand samen koffie in het buurthuis',
    author,
  })
  const relation = viewMap(map).columns.relaties[0]!
  editNote(map, relation.id, { text: 'We zien elkaar als gelijken, ook bij de gemeente.' })
  moveNote(map, viewMap(map).columns.eisen.at(-1)!.id, { column: 'voorwaarden', index: 0 })
  const secondRound = createMapDoc()
  pulseRound(secondRound, 2, [5, 6, 6, 7], [7, 7, 8, 8])
  keepScores(trajectory, second, viewMap(secondRound).pulse)
  updateMeeting(trajectory, second, {
    version: save('', Date.UTC(2026, 3, 9, 17)),
    preparers: [
      { name: 'Ellen', side: 'formal' },
      { name: 'Karim', side: 'formal' },
    ],
  })

  // Meeting 3: only two scored the start (too few to show); the end is kept.
  const third = addMeeting(trajectory, { date: '2026-05-14', theme: 'Acties' })
  setFollowUp(map, actions()[2]!.id, { status: 'bezig', lookAgain: '2026-05-01' })
  const thirdRound = createMapDoc()
  pulseRound(thirdRound, 3, [6, 7], [8, 8])
  writePulse(thirdRound, 'device-3-9', { after: 9 })
  keepScores(trajectory, third, viewMap(thirdRound).pulse)
  save('na bijeenkomst 3', Date.UTC(2026, 4, 14, 17))
  return { map, trajectory, versions }
}

async function renderReport(options: {
  includeNames: boolean
  lang?: 'nl' | 'en'
  trajectory?: ReturnType<typeof threeMeetings>
}) {
  const { map, trajectory, versions } = options.trajectory ?? threeMeetings()
  const t = translator(options.lang ?? 'nl')
  const view: MapView = viewMap(map)
  const content = reportContent(
    {
      trajectory: viewTrajectory(trajectory),
      map: view,
      versions,
      now: new Date(2026, 5, 1),
      includeNames: options.includeNames,
    },
    t,
  )
  const bytes = await renderPdf((measure) => layoutReport(content, measure), fonts, {
    page: REPORT_PAGE,
    lang: t.lang,
    title: `${content.kicker}: ${content.title}`,
    now: new Date(2026, 5, 1),
  })
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pk-report-')), 'verslag.pdf')
  if (process.env.PK_SHOTS)
    fs.writeFileSync(
      path.join(process.env.PK_SHOTS, `report-${options.lang ?? 'nl'}-${options.includeNames}.pdf`),
      bytes,
    )
  fs.writeFileSync(file, bytes)
  const text = pdfText(file)
  return { file, text, squashed: squash(text), view, content }
}

describe('the trajectory report (checked with poppler-utils)', () => {
  it('is an A4 portrait PDF whose every page says which report it is and its number', async () => {
    const { file, text } = await renderReport({ includeNames: true })
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/)
    expect(info).toContain('Title:           Trajectverslag: Ontwikkeltraject Noord')
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
    expect(pages).toBeGreaterThan(1)
    const pageTexts = text.split('\f').filter((page) => page.trim() !== '')
    expect(pageTexts).toHaveLength(pages)
    pageTexts.forEach((page, i) =>
      expect(squash(page)).toContain(
        `Trajectverslag · Ontwikkeltraject Noord · pagina ${i + 1} van ${pages}`,
      ),
    )
  })

  it('names the partners and sums up the meetings, versions, actions and score', async () => {
    const { squashed } = await renderReport({ includeNames: true })
    expect(squashed).toContain('Formele partners: Buurtteam Noord')
    expect(squashed).toContain('Informele partners: Bewonersgroep De Linde')
    expect(squashed).toContain('3 bijeenkomsten, van 12 maart 2026 tot 14 mei 2026')
    expect(squashed).toContain('3 versies van de kaart bewaard')
    expect(squashed).toMatch(/1 van 7 acties gedaan · 1 bezig · 4 nog open · 1 losgelaten/)
    expect(squashed).toContain('1 actie te laat')
    expect(squashed).toContain(
      'Score aan het eind van de bijeenkomst: van 6,3 (bijeenkomst 1) naar 8,3 (bijeenkomst 3)',
    )
    expect(squashed).toContain(
      'Score bij het begin van de bijeenkomst: van 5 (bijeenkomst 1) naar 6 (bijeenkomst 2)',
    )
  })

  it('reports each meeting: its form, what the group takes along, the version and who prepares', async () => {
    const { squashed } = await renderReport({ includeNames: true })
    expect(squashed).toContain('Bijeenkomst 1 · 12 maart 2026 · Waarden')
    expect(squashed).toContain('Werkvorm: Partnerschapskaart')
    expect(squashed).toContain('Wat we meenemen: Elkaar eerder bellen als het schuurt.')
    expect(squashed).toContain('De kaart is bewaard als versie 1: “na bijeenkomst 1”.')
    expect(squashed).toContain(
      'Bereidt de volgende voor: Ayşe (informeel), Ellen (formeel). 1 formeel, 1 informeel. In balans',
    )
    expect(squashed).toContain('Niet in balans: er is nog een informele partner nodig.')
    expect(squashed).toContain('Bijeenkomst 3 · 14 mei 2026 · Acties')
    expect(squashed).toContain('Wat we meenemen: nog geen verslag.')
  })

  it('lists what changed between versions, per column, and since the last one', async () => {
    const { squashed, view } = await renderReport({ includeNames: true })
    const versions = squashed.slice(squashed.indexOf('De kaart: versies en wat veranderde'))
    expect(versions).toMatch(/Versie 1 — 12 maart 2026 · “na bijeenkomst 1” · bij bijeenkomst 1/)
    expect(versions).toContain(`De eerste versie: ${view.notes.size - 1} notities.`)
    const second = versions.slice(versions.indexOf('Versie 2 — 9 april 2026'))
    expect(second).toMatch(/^Versie 2 — 9 april 2026 · bij bijeenkomst 2/)
    expect(second).toContain('Relaties: 1 gewijzigd')
    expect(second).toMatch(
      /Gewijzigd: R1 “We communiceren rechtstreeks.*” → “We zien elkaar als gelijken/,
    )
    expect(second).toMatch(
      /Voorwaarden: 1 uit een andere kolom Verplaatst uit Eisen: E\d Iedereen kan/,
    )
    expect(second).toContain('Eisen: 1 naar een andere kolom')
    expect(second).toMatch(/Acties: 1 nieuw · 2 gewijzigd Nieuw: A\d Elke maand samen koffie/)
    expect(second).toContain('(Open → Gedaan)')
    expect(second).toContain('(Open → Losgelaten)')
    const third = second.slice(second.indexOf('Versie 3 — 14 mei 2026'))
    expect(third).toContain('(Open → Bezig)')
    expect(third).toContain('De kaart nu, na versie 3 Niets veranderd sinds versie 3.')
  })

  it('shows the actions’ progress per version, what was let go and why, and the table', async () => {
    const { squashed } = await renderReport({ includeNames: true })
    const actions = squashed.slice(squashed.indexOf('Acties en hoe ver ze zijn'))
    expect(actions).toContain('Versie 1: 6 acties · 0 gedaan · 0 bezig · 6 open · 0 losgelaten')
    expect(actions).toContain('Versie 2: 7 acties · 1 gedaan · 0 bezig · 5 open · 1 losgelaten')
    expect(actions).toContain('Nu: 7 acties · 1 gedaan · 1 bezig · 4 open · 1 losgelaten')
    expect(actions).toContain('Waarom: Te veel werk voor twee vrijwilligers.')
    expect(actions).toContain('Werkt: de lijst hangt.')
    expect(actions).toContain('Te laat: terugkijken was op 1 mei 2026')
  })

  it('draws the score’s movement and says it in words, never below three answers', async () => {
    const { squashed, content } = await renderReport({ includeNames: true })
    const movement = squashed.slice(squashed.indexOf('Hoe de score veranderde'))
    expect(movement).toContain(
      'Begin: gemiddeld 5 (3 antwoorden) · Eind: gemiddeld 6,3 (3 antwoorden)',
    )
    expect(movement).toContain(
      'Begin: 2 antwoorden: te weinig om te laten zien · Eind: gemiddeld 8,3 (3 antwoorden)',
    )
    const chart = content.movement.chart!
    expect(chart.labels).toEqual(['1', '2', '3'])
    expect(chart.series.map((series) => series.points)).toEqual([
      [5, 6, null],
      [19 / 3, 7.5, 25 / 3],
    ])
    // The points sit where their values say: the end of meeting 3 higher than that of meeting 1.
    const pages = layoutReport(content, (text, size) => text.length * size * 0.5)
    const dots = pages.flatMap((page) => page.ops).filter((op) => op.kind === 'dot')
    // Five points and the legend's two.
    expect(dots).toHaveLength(7)
    const frame = chartFrame(0, 0, 100, 3)
    expect(frame.yOf(10)).toBeLessThan(frame.yOf(1))
    // The start of meeting 3 had too few answers: its dashed line stops at meeting 2.
    const lines = pages.flatMap((page) => page.ops).filter((op) => op.kind === 'line')
    const dashed = lines.filter((line) => line.dashed)
    // One segment between meetings 1 and 2, and the legend's sample.
    expect(dashed).toHaveLength(2)
    const solid = lines.filter((line) => !line.dashed && line.color === 'accent')
    expect(solid).toHaveLength(3)
    const ends = dots.filter((dot) => !dot.hollow).slice(0, 3)
    expect(ends[2]!.y).toBeLessThan(ends[0]!.y)
  })

  it('leaves people’s names out when asked, keeping sides and organisations', async () => {
    const { squashed } = await renderReport({ includeNames: false })
    expect(squashed).toContain('Buurtteam Noord')
    expect(squashed).not.toContain('Ayşe (informeel)')
    expect(squashed).toContain('Bereidt de volgende voor: 1 formeel, 1 informeel. In balans')
    expect(squashed).not.toContain('Karim')
  })

  it('counts only the versions of this trajectory: saved since it started, or linked to a meeting', async () => {
    // Started the day after the first meeting, whose version is then unlinked.
    const later = threeMeetings(Date.UTC(2026, 2, 13))
    const first = viewTrajectory(later.trajectory).meetings[0]!
    updateMeeting(later.trajectory, first.id, { version: null })
    const { squashed } = await renderReport({ includeNames: true, trajectory: later })
    expect(squashed).toContain('2 versies van de kaart bewaard')
    expect(squashed).not.toContain('Versie 1 —')
    expect(squashed).toMatch(/Versie 2 — 9 april 2026 · bij bijeenkomst 2 De eerste versie/)
  })

  it('speaks English on request', async () => {
    const { squashed } = await renderReport({ includeNames: true, lang: 'en' })
    expect(squashed).toContain('Trajectory report · Ontwikkeltraject Noord · page 1 of')
    expect(squashed).toContain('3 meetings, from 12 March 2026 to 14 May 2026')
    expect(squashed).toContain('Actions and how far they are')
  })
})
