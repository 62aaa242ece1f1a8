import { textBundle } from '../../i18n/bundle'

/** The texts of the golden thread's tools: its panel, linking, and showing a thread. */
export const threadTexts = textBundle(
  {
    'thread.linkTo': 'Koppelen aan {column}…',
    'thread.show': 'Rode draad',
    'thread.hide': 'Draad verbergen',
    'thread.question.relaties': 'Welke waarden dient deze relatie?',
    'thread.question.eisen': 'Welke relaties maakt deze eis mogelijk?',
    'thread.question.voorwaarden': 'Voor welke eisen en relaties is deze voorwaarde nodig?',
    'thread.question.acties': 'Welke voorwaarden zorgt deze actie voor?',
    'thread.nothingToLink': 'In de kolom {column} staat nog niets.',
    'thread.done': 'Klaar',
    'thread.panel': 'Rode draad',
    'thread.panelIntro':
      'Elke kolom dient de kolom rechts ervan. Voorwaarden dienen ook de relaties: ze helpen om de relaties goed te houden. Koppel notities met ‘Koppelen aan…’ in het menu van een notitie.',
    'thread.linkCount': 'Koppelingen: {count}',
    'thread.looseValues': 'Waarden waar nog geen actie naartoe leidt',
    'thread.looseActions': 'Acties die nog geen waarde dienen',
    'thread.noLooseEnds': 'Geen losse eindjes: elke waarde heeft een actie, elke actie een waarde.',
    'thread.notYet': 'Losse eindjes tellen pas als er waarden én acties op de kaart staan.',
    'thread.ask': 'Vraag de groep',
    'thread.askLabel': 'Vraag de groep naar: {text}',
  },
  {
    'thread.linkTo': 'Link to {column}…',
    'thread.show': 'Golden thread',
    'thread.hide': 'Hide thread',
    'thread.question.relaties': 'Which values does this relation serve?',
    'thread.question.eisen': 'Which relations does this requirement make possible?',
    'thread.question.voorwaarden': 'Which requirements and relations is this condition needed for?',
    'thread.question.acties': 'Which conditions does this action create?',
    'thread.nothingToLink': 'There is nothing in the column {column} yet.',
    'thread.done': 'Done',
    'thread.panel': 'Golden thread',
    'thread.panelIntro':
      'Each column serves the column to its right. Conditions also serve the relations: they help keep the relations going. Link notes with ‘Link to…’ in a note’s menu.',
    'thread.linkCount': 'Links: {count}',
    'thread.looseValues': 'Values no action leads to yet',
    'thread.looseActions': 'Actions that serve no value yet',
    'thread.noLooseEnds': 'No loose ends: every value has an action, every action a value.',
    'thread.notYet': 'Loose ends count once the map has both values and actions.',
    'thread.ask': 'Ask the group',
    'thread.askLabel': 'Ask the group about: {text}',
  },
)
