import type { PARTNERSHIP_BOARD } from './board'
import { transact, type MapDoc } from './doc'
import { newNoteId, newParticipantId } from './ids'
import { addNote, createMap, joinMap } from './ops'
import type { ActionOwner, ColumnId, Layer, NoteId, Participant, Power, Role } from './schema'
import { setLayer } from './layers'
import { setPower } from './power'
import { setLink } from './threads'
import { setHolds } from './voices'
import { setFollowUp, today } from './followUp'
import { writePulse } from './pulse'

const DAY = 24 * 60 * 60 * 1000
import { ROLE_SIDE } from './schema'

/**
 * The example map from the domain brief ("Samenspel Holendrecht"): realistic content with
 * diacritics, long words and names from several backgrounds. Fictional.
 */
export const EXAMPLE_MAP = {
  title: 'Samenspel Holendrecht: buurtteam, voedselbank en mantelzorgers',
  description:
    'Hoe werken het buurtteam, de vrijwilligers van de voedselbank en mantelzorgers samen rond gezinnen met geldzorgen?',
  /**
   * As many formal as informal people at the table, as the method asks, with what each does more
   * precisely; a manager and a policy maker sit on the formal side.
   */
  participants: [
    { name: 'Ayşe Yılmaz', role: 'vrijwilliger', detail: 'voedselbank' },
    { name: 'Łukasz Nowak', role: 'beroepskracht', detail: 'buurtteam' },
    { name: 'Marga de Vries', role: 'mantelzorger', detail: '' },
    { name: 'Kwame Mensah', role: 'ervaringsdeskundige', detail: '' },
    { name: 'Joyce Kromodikromo', role: 'bewoner', detail: '' },
    { name: 'Ellen van Dijk', role: 'manager', detail: 'gemeente' },
    { name: 'Noor El Idrissi', role: 'vrijwilliger', detail: 'taalmaatje' },
    { name: 'Fatma Öztürk', role: 'beroepskracht', detail: 'wijkverpleging' },
    { name: 'Sanne Bakker', role: 'beroepskracht', detail: 'buurtteam' },
    { name: 'Mirjam Visser', role: 'beleidsmaker', detail: 'gemeente' },
  ] satisfies { name: string; role: Exclude<Role, 'anders'>; detail: string }[],
  notes: {
    waarden: [
      'Ik vind de samenwerking geslaagd als gezinnen zelf de regie houden over hun eigen plan.',
      'Gelijkwaardigheid: de ervaring van de vrijwilliger telt even zwaar als de indicatie van het team.',
      'Geslaagd als niemand tussen wal en schip valt bij de overdracht van voedselbank naar buurtteam.',
      'Warmte en respect, ook als het even niet lukt.',
      'Transparantie over wat ieder wel en niet kan beloven (geld, tijd, zorguren).',
    ],
    relaties: [
      'We communiceren rechtstreeks, niet via drie coördinatoren; één vast aanspreekpunt per gezin.',
      'Beslissingen over een gezin nemen we samen met het gezin, nooit erover.',
      'De vrijwilliger mag “nee” zeggen tegen een taak zonder dat dat gevolgen heeft.',
      'We delen kennis in een maandelijks buurtoverleg van een uur, met koffie.',
    ],
    eisen: [
      'Luisteren zonder meteen op te lossen (“ja, en” in plaats van “ja, maar”).',
      'Beroepskrachten maken hun kennis toegankelijk: geen jargon, geen afkortingen.',
      'Vrijwilligers weten wanneer ze moeten doorverwijzen, en naar wie.',
      'Iedereen kan in twee zinnen vertellen wat hij of zij doet en aanbiedt.',
    ],
    voorwaarden: [
      'Tijd: twee uur per maand voor overleg, voor beroepskrachten in werktijd en voor vrijwilligers vergoed (€ 25 reiskosten).',
      'Veiligheid om knelpunten te benoemen zonder dat iemand zijn baan of plek kwijtraakt.',
      'Duidelijke afspraken over privacy: wat mag de vrijwilliger weten en doorgeven?',
      'Een VOG en verzekering voor vrijwilligers, geregeld door de gemeente.',
    ],
  } satisfies Partial<Record<ColumnId, string[]>>,
  /**
   * An "ik" action is written by the one who takes it; what the group asks of the municipality
   * is asked of others. The last one brings the group back to the card.
   */
  actions: [
    {
      text: 'De coördinator van de voedselbank uitnodigen voor het eerste buurtoverleg.',
      owner: { kind: 'ik', name: 'Łukasz', when: 'vóór 1 maart' },
      author: 'Łukasz Nowak',
    },
    {
      text: 'Samen een sociale kaart van Holendrecht maken.',
      owner: { kind: 'wij', name: 'de groep', when: 'eerste versie in april' },
      author: 'Joyce Kromodikromo',
    },
    {
      text: 'De gemeente vragen de reiskostenvergoeding voor vrijwilligers vast te leggen.',
      owner: { kind: 'anderen', name: 'de gemeente', when: '' },
      author: 'Ellen van Dijk',
      power: { carries: 'others', decides: 'others', means: 'others' },
    },
    {
      text: 'Een kennismaking tussen taalmaatjes en het buurtteam organiseren in de bibliotheek.',
      owner: { kind: 'ik', name: 'Ayşe', when: '' },
      author: 'Ayşe Yılmaz',
      // A volunteer carries it; the team books the room and the municipality pays: the map flags it.
      power: { carries: 'informal', decides: 'formal', means: 'others' },
    },
    {
      text: 'De huisartsenpraktijk vragen om een contactpersoon voor het overleg.',
      owner: { kind: 'anderen', name: 'huisartsenpraktijk', when: '' },
      author: 'Noor El Idrissi',
    },
    {
      text: 'Over drie maanden samen terugkijken op deze kaart: wat werkt, wat niet?',
      owner: { kind: 'wij', name: 'de groep', when: 'over drie maanden' },
      author: 'Sanne Bakker',
      lookAgainInDays: 91,
    },
  ] satisfies {
    text: string
    owner: ActionOwner
    author: string
    lookAgainInDays?: number
    power?: Power
  }[],
  /**
   * The golden thread as the group drew it, `<serving>><served>` by column letter and place: a
   * few loose ends are left on purpose (W4, A2, A5) so the example shows them, and one condition
   * keeps a relation going as well as making a requirement possible (V3>R1), as the card allows.
   */
  links: [
    'R1>W3',
    'R2>W1',
    'R3>W2',
    'R3>W4',
    'R4>W2',
    'R4>W5',
    'E1>R2',
    'E2>R4',
    'E3>R1',
    'E4>R1',
    'E4>R4',
    'V1>E2',
    'V1>E4',
    'V2>E1',
    'V3>E3',
    'V3>R1',
    'V4>E3',
    'A1>V1',
    'A3>V1',
    'A3>V4',
    'A4>V2',
    'A6>V2',
  ],
  /** Where each condition gets stuck, of the three layers. */
  layers: [
    ['V1', 'samenwerken'],
    ['V2', 'verandering'],
    ['V3', 'samenspel'],
    ['V4', 'samenwerken'],
  ] satisfies [string, Layer][],
  /** Who said "my value too" about a value written by someone else. */
  holds: [
    ['W1', 'Ellen van Dijk'],
    ['W1', 'Łukasz Nowak'],
    ['W2', 'Ayşe Yılmaz'],
    ['W2', 'Noor El Idrissi'],
    ['W3', 'Ellen van Dijk'],
  ],
  /**
   * "Hoofd, hart, buik": how the first seven scored the collaboration at the start and at the
   * end, from 1 to 10. Each entry is anonymous, as every person's is.
   */
  pulse: {
    before: [4, 5, 6, 6, 3, 7, 5],
    after: [6, 7, 7, 8, 6, 7, 7],
  },
}

/** A column of the card itself (not of a working form beside it). */
type CardColumn = (typeof PARTNERSHIP_BOARD)['columns'][number]['id']

const EXAMPLE_LETTERS: Record<string, CardColumn> = {
  W: 'waarden',
  R: 'relaties',
  E: 'eisen',
  V: 'voorwaarden',
  A: 'acties',
}

/** Fills an empty map with the example in one transaction. */
export function fillExampleMap(doc: MapDoc, now = Date.now()): void {
  transact(doc, () => {
    createMap(doc, { title: EXAMPLE_MAP.title, description: EXAMPLE_MAP.description }, now)
    const people: Participant[] = EXAMPLE_MAP.participants.map(({ name, role, detail }) => ({
      id: newParticipantId(),
      name,
      role,
      roleLabel: detail,
      side: ROLE_SIDE[role],
    }))
    for (const person of people) joinMap(doc, person)
    const placed: Record<CardColumn, NoteId[]> = {
      waarden: [],
      relaties: [],
      eisen: [],
      voorwaarden: [],
      acties: [],
    }
    // The notes of the first seven go round as they wrote them; the actions name their writer.
    let turn = 0
    const nextAuthor = (): Participant => people[turn++ % 7]!
    for (const [column, texts] of Object.entries(EXAMPLE_MAP.notes)) {
      for (const text of texts) {
        placed[column as keyof typeof placed].push(
          addNote(
            doc,
            { id: newNoteId(), column: column as ColumnId, text, author: nextAuthor() },
            now,
          ),
        )
      }
    }
    for (const action of EXAMPLE_MAP.actions) {
      const id = addNote(
        doc,
        {
          id: newNoteId(),
          column: 'acties',
          text: action.text,
          author: people.find((person) => person.name === action.author)!,
          owner: action.owner,
        },
        now,
      )
      placed.acties.push(id)
      const days = 'lookAgainInDays' in action ? action.lookAgainInDays : 0
      if (days) setFollowUp(doc, id, { lookAgain: today(new Date(now + days * DAY)) }, now)
      if ('power' in action && action.power) setPower(doc, id, action.power, now)
    }
    const noteAt = (ref: string): NoteId =>
      placed[EXAMPLE_LETTERS[ref[0]!]!][Number(ref.slice(1)) - 1]!
    for (const link of EXAMPLE_MAP.links) {
      const [from, to] = link.split('>') as [string, string]
      setLink(doc, noteAt(from), noteAt(to), true)
    }
    for (const [ref, name] of EXAMPLE_MAP.holds as [string, string][]) {
      const person = people.find((p) => p.name === name)!
      setHolds(doc, noteAt(ref), person.id, true)
    }
    for (const [ref, layer] of EXAMPLE_MAP.layers) setLayer(doc, noteAt(ref), layer, now)
  })
  // Each entry as its own change, by no device of this one (see `writeDetached`).
  EXAMPLE_MAP.pulse.before.forEach((before, i) => {
    writePulse(doc, null, { before, after: EXAMPLE_MAP.pulse.after[i] ?? null })
  })
}
