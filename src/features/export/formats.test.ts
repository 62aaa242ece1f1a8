import { beforeAll, describe, expect, it } from 'vitest'
import { loadLang, translator } from '../../i18n'
import { createMapDoc, joinMap, viewMap, type ParticipantId } from '../../map'
import { EXAMPLE_MAP, fillExampleMap } from '../../map/example'
import { actionsCsv, csvCell, fileName, mapMarkdown, md } from './formats'

function example() {
  const doc = createMapDoc()
  fillExampleMap(doc)
  return viewMap(doc)
}

describe('export formats', () => {
  beforeAll(() => loadLang('en'))

  it('quotes CSV cells and defuses anything a spreadsheet would run as a formula', () => {
    expect(csvCell('gewoon')).toBe('"gewoon"')
    expect(csvCell('zei "ja, en"')).toBe('"zei ""ja, en"""')
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"')
    expect(csvCell('+31 6')).toBe('"\'+31 6"')
    expect(csvCell('@home')).toBe('"\'@home"')
  })

  it('lists every action with ik/wij/anderen, who, when and its follow-up; semicolons for Dutch', () => {
    const csv = actionsCsv(example(), translator('nl'))
    expect(
      csv.startsWith(
        '\uFEFF"Wat";"Wie doet het?";"Wie precies";"Wanneer";"Stand";"Terugkijken op";"Evaluatie"\r\n',
      ),
    ).toBe(true)
    const lines = csv.trim().split('\r\n')
    expect(lines).toHaveLength(1 + EXAMPLE_MAP.actions.length)
    expect(csv).toContain('"Ik";"Łukasz";"vóór 1 maart"')
    expect(actionsCsv(example(), translator('en'))).toContain('"Me","Łukasz","vóór 1 maart"')
  })

  it('writes the map as Markdown in the card order, with shared marks and escaped text', () => {
    const view = example()
    const shared = view.columns.waarden[0]!
    const text = mapMarkdown(view, new Set([shared.id]), translator('nl'), new Date(2026, 10, 22))
    expect(text.startsWith(`# ${EXAMPLE_MAP.title}\n`)).toBe(true)
    const headings = text.split('\n').filter((line) => line.startsWith('## '))
    expect(headings).toEqual([
      '## Stap 5: Acties',
      '## Stap 4: Voorwaarden',
      '## Stap 3: Eisen',
      '## Stap 2: Relaties',
      '## Stap 1: Waarden',
      '## Actielijst',
      '## De rode draad',
    ])
    expect(text).toContain('**(Gedeeld)**')
    expect(text).toContain('Datum: 22-11-2026')
    expect(text).toContain('Ayşe Yılmaz (Vrijwilliger, voedselbank)')
    // Plain text stays plain: no backslash before a full stop or a bracket.
    expect(text).toContain('(€ 25 reiskosten).')
    expect(text).toContain('twee uur per maand voor overleg')
    expect(text).not.toMatch(/\\[.()!-]/)
    // References and the golden thread: A3 serves V1 and V4.
    expect(text).toMatch(/^- \*\*A3\*\* De gemeente vragen .* \(Dient: V1 V4\) — /m)
    expect(text).toMatch(/^- \*\*W1\*\* Ik vind de samenwerking/m)
  })

  it('escapes only what would format, and lists dots and the golden thread', () => {
    expect(md('Koffie *om* 10.00 uur (niet_later), [link](x) <b> | ok')).toBe(
      'Koffie \\*om\\* 10.00 uur (niet\\_later), \\[link\\](x) \\<b\\> \\| ok',
    )
    expect(md('# kop\n- lijst\n1. punt\n> citaat')).toBe(
      '\\# kop  \n\\- lijst  \n\\1. punt  \n\\> citaat',
    )
    const view = example()
    const first = view.columns.waarden[0]!
    const dots = [1, 2, 3].map((slot) => ({ noteId: first.id, participantId: 'p1', slot })) as never
    const text = mapMarkdown(view, new Set(), translator('nl'), new Date(2026, 10, 22), dots)
    expect(text).toMatch(/^- \*\*W1\*\* .* \(3 stippen\)/m)
    const thread = text.slice(text.indexOf('## De rode draad'))
    expect(thread).toContain('- W1 → R2 → E1 → V2 → A4')
    expect(thread).toContain('- W2 → R3 *(komt nog niet bij een actie)*')
    // Whole threads first.
    expect(thread.indexOf('W5 → R4')).toBeLessThan(thread.indexOf('W2 → R3'))
  })

  it('escapes a role someone typed themselves, wherever it is printed', () => {
    const doc = createMapDoc()
    joinMap(doc, {
      id: 'kwame-000001' as ParticipantId,
      name: 'Kwame',
      role: 'anders',
      roleLabel: '<img src=x onerror=alert(1)> [klik](http://x)',
      side: 'informal',
    })
    const text = mapMarkdown(viewMap(doc), new Set(), translator('nl'), new Date(2026, 10, 22))
    expect(text).toContain('Kwame (\\<img src=x onerror=alert(1)\\> \\[klik\\](http://x))')
    expect(text).not.toMatch(/[^\\]<img/)
  })

  it('makes a safe file name from any title', () => {
    expect(fileName('Samenspel Holendrecht: buurtteam & co', 'json')).toBe(
      'samenspel-holendrecht-buurtteam-co.json',
    )
    expect(fileName('Ĳsselmonde ëé', 'csv')).toBe('ijsselmonde-ee.csv')
    expect(fileName('***', 'md')).toBe('partnerschapskaart.md')
  })
})

describe('the task sorting in the Markdown export', () => {
  it('lists each pile after the map, and where a task went on the map', async () => {
    const { layOutTasks, takeToMap } = await import('../../map/tasks')
    const { moveNote } = await import('../../map')
    const doc = createMapDoc()
    fillExampleMap(doc)
    const me = viewMap(doc).participants[0]!
    const [coffee, doubt] = layOutTasks(doc, ['Koffie schenken', 'Een melding doen'], me)
    moveNote(doc, coffee!, { column: 'vrijwilligerswerk', index: 0 })
    moveNote(doc, doubt!, { column: 'twijfel', index: 0 })
    takeToMap(doc, doubt!, 'voorwaarden', me)
    const text = mapMarkdown(viewMap(doc), new Set(), translator('nl'), new Date(2026, 10, 22))
    const tail = text.slice(text.indexOf('## Taak voor mij, taak voor jou'))
    expect(tail).toContain('### Typisch vrijwilligerswerk\n\n- **T1** Koffie schenken\n')
    expect(tail).toContain('### Twijfel of verschil van mening\n\n- **T2** Een melding doen → V5\n')
    // Empty piles are left out.
    expect(tail).not.toContain('### Nog te sorteren')
  })
})
