import { describe, expect, it } from 'vitest'
import { wrap, type BoxOp, type Measure, type QrOp, type TextOp } from './draw'
import { layoutMapPages, layoutPdf, PAGE_SIZES, type PdfContent, type PdfNote } from './layout'

/** A stand-in for font metrics: every character half as wide as the text is high. */
const measure: Measure = (text, size) => text.length * size * 0.5

const COLUMNS = ['acties', 'voorwaarden', 'eisen', 'relaties', 'waarden']

function content(notesPerColumn: (column: string) => PdfNote[]): PdfContent {
  return {
    title: 'Samenspel Holendrecht',
    description: 'Hoe werken we samen?',
    dateLine: 'Datum: 22-11-2026',
    link: null,
    participantsLine: 'Ingevuld door: Ayşe (Vrijwilliger)',
    cardLine: 'acties + voorwaarden + samenwerking = succes',
    columns: COLUMNS.map((id) => ({
      id,
      heading: id,
      questions: ['Wat ga ik doen?'],
      notes: notesPerColumn(id),
    })),
    actionsTitle: 'Actielijst',
    actionsHeader: ['Wat', 'Wie', 'Wanneer', 'Stand', 'Evaluatie'],
    actions: [['Koffie', 'Wij · Ellen', 'maart', 'Open', '']],
    principlesTitle: 'Houd bij alle stappen in de gaten dat:',
    credit: 'De partnerschapskaart is gebaseerd op een model van Hook (2006).',
    principles: ['Dialoog', 'Wederkerig', 'Meedoen', 'Win-win'],
    threads: null,
    values: null,
    pulse: null,
    groundRules: null,
    power: null,
    layers: null,
    tasks: null,
    signatures: {
      title: 'Afgesproken',
      intro: 'Wij maken deze afspraken met elkaar.',
      people: ['Ayşe (Vrijwilliger)', 'Ellen (Beroepskracht)'],
      lines: ['Datum:', 'We kijken hier samen opnieuw naar op:'],
    },
    continued: '(vervolg)',
  }
}

function notes(column: string, count: number, text = 'Een notitie'): PdfNote[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${column}-${i}`,
    ref: `${column[0]!.toUpperCase()}${i + 1}`,
    text: `${text} ${i}`,
    byline: 'Ayşe · Vrijwilliger',
    owner: null,
    marks: '',
  }))
}

function noteBoxes(pages: ReturnType<typeof layoutMapPages>): { page: number; box: BoxOp }[] {
  return pages.flatMap((page, index) =>
    page.ops
      .filter((op): op is BoxOp => op.kind === 'box' && op.fill === 'note')
      .map((box) => ({ page: index, box })),
  )
}

function checkPlacement(c: PdfContent, size: 'A4' | 'A3') {
  const pages = layoutMapPages(c, size, measure)
  const placed = noteBoxes(pages)
  const expected = c.columns.flatMap((column) => column.notes.map((note) => note.id))
  // Every note exactly once, never across the bottom of a page, inside its own column band.
  expect(placed.map((p) => p.box.ref).sort()).toEqual([...expected].sort())
  const bands = new Map(
    pages[0]!.ops
      .filter((op): op is BoxOp => op.kind === 'box' && op.fill === 'header')
      .map((box) => [box.ref!, box]),
  )
  for (const { box } of placed) {
    expect(box.y + box.height).toBeLessThanOrEqual(PAGE_SIZES[size].height - 36)
    const band = bands.get(box.ref!.split('-')[0]!)!
    expect(box.x).toBeGreaterThanOrEqual(band.x)
    expect(box.x + box.width).toBeLessThanOrEqual(band.x + band.width + 0.001)
  }
  return pages
}

describe('PDF layout', () => {
  it('wraps text to the width and cuts words longer than a line', () => {
    expect(wrap('een twee drie', 35, 10, false, measure)).toEqual(['een', 'twee', 'drie'])
    const cut = wrap('Arbeidsongeschiktheidsverzekering', 50, 10, false, measure)
    expect(cut.join('')).toBe('Arbeidsongeschiktheidsverzekering')
    expect(cut.every((line) => measure(line, 10, false) <= 50)).toBe(true)
    const mixed = wrap('de Arbeidsongeschiktheidsverzekering en ik', 50, 10, false, measure)
    expect(mixed[0]).toBe('de')
    expect(mixed.at(-1)).toMatch(/ en ik$/)
    expect(mixed.join('').replace(/ /g, '')).toBe('deArbeidsongeschiktheidsverzekeringenik')
    expect(mixed.every((line) => measure(line, 10, false) <= 50)).toBe(true)
  })

  it('lays out an empty map on one page, plus actions and principles', () => {
    const pages = layoutPdf(
      content(() => []),
      'A3',
      measure,
    )
    expect(pages).toHaveLength(3)
  })

  it('places one note, 200 and 1,000 notes on whole pages inside their columns', () => {
    expect(
      checkPlacement(
        content((c) => notes(c, c === 'waarden' ? 1 : 0)),
        'A3',
      ),
    ).toHaveLength(1)
    checkPlacement(
      content((c) => notes(c, 40)),
      'A3',
    )
    const big = checkPlacement(
      content((c) => notes(c, 200)),
      'A4',
    )
    expect(big.length).toBeGreaterThan(1)
  })

  it('shrinks text before it adds pages, and never below the minimum', () => {
    const few = layoutMapPages(
      content((c) => notes(c, 3)),
      'A3',
      measure,
    )
    const many = layoutMapPages(
      content((c) => notes(c, 25)),
      'A3',
      measure,
    )
    const noteText = (pages: typeof few) =>
      Math.max(
        ...pages[0]!.ops
          .filter((op) => op.kind === 'text')
          .map((op) => (op.kind === 'text' ? op.size : 0)),
      )
    expect(few).toHaveLength(1)
    const sizesMany = many.flatMap((p) => p.ops).filter((op) => op.kind === 'text' && !op.bold)
    expect(
      Math.min(...sizesMany.map((op) => (op.kind === 'text' ? op.size : 99))),
    ).toBeGreaterThanOrEqual(6.5)
    expect(noteText(few)).toBeGreaterThanOrEqual(noteText(many))
  })

  it('continues one column of 60 long notes on further pages, repeating only its header', () => {
    const long =
      'Tijd: twee uur per maand voor overleg, voor beroepskrachten in werktijd en voor vrijwilligers vergoed (€ 25 reiskosten).'
    const pages = checkPlacement(
      content((c) => (c === 'relaties' ? notes(c, 60, long) : [])),
      'A4',
    )
    expect(pages.length).toBeGreaterThan(1)
    for (const page of pages.slice(1)) {
      const title = page.ops.find((op) => op.kind === 'text')
      expect(title && title.kind === 'text' && title.text).toContain('(vervolg)')
      const headers = page.ops.filter((op) => op.kind === 'box' && op.fill === 'header')
      expect(headers.map((op) => op.kind === 'box' && op.ref)).toEqual(['relaties'])
    }
  })

  it('keeps the header text and the columns clear of the QR code and its address', () => {
    const url = `http://kaart.example.nl/v/${'x'.repeat(24)}`
    const long = { ...content(() => notes('n', 3)), title: 'Samenspel '.repeat(30) }
    for (const size of ['A4', 'A3'] as const) {
      const pages = layoutPdf({ ...long, link: { label: 'De kaart online', url } }, size, measure)
      const withQr = pages.filter((page) => page.ops.some((op) => op.kind === 'qr'))
      // The first map page and the first action page; not continued pages or the principles.
      expect(withQr).toEqual([pages[0], pages.at(-2)])
      for (const page of withQr) {
        const qr = page.ops.find((op): op is QrOp => op.kind === 'qr')!
        const texts = page.ops.filter((op): op is TextOp => op.kind === 'text')
        const linkText = texts.filter(
          (op) => op.text === 'De kaart online' || url.includes(op.text),
        )
        const left = Math.min(...linkText.map((op) => op.x))
        expect(qr.x + qr.size).toBeLessThanOrEqual(PAGE_SIZES[size].width - 36)
        for (const op of texts) {
          if (linkText.includes(op)) continue
          const overlapsRows = op.y > 36 - op.size && op.y - op.size < qr.y + qr.size
          if (overlapsRows) expect(op.x + measure(op.text, op.size, op.bold)).toBeLessThan(left)
        }
        const columnTop = Math.min(...page.ops.filter((op) => op.kind === 'box').map((op) => op.y))
        expect(columnTop).toBeGreaterThan(qr.y + qr.size)
      }
    }
  })
})
