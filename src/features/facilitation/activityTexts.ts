import { textBundle } from '../../i18n/bundle'

/** The texts of the facilitator's activities (votes, ready check, private writing). */
export const activityTexts = textBundle(
  {
    'vote.open': 'Stemronde openen',
    'vote.title': 'Stemmen met stippen',
    'vote.dots': 'Stippen per persoon',
    'vote.onePerNote': 'Hooguit één stip per notitie',
    'vote.close': 'Stemmen sluiten en uitslag tonen',
    'vote.clear': 'Uitslag verbergen',
    'vote.sort': 'Sorteer op stippen',
    'ready.reset': 'Opnieuw vragen wie klaar is',
    'ready.title': 'Wie is klaar?',
    'drafts.reveal': 'Alles tegelijk tonen',
    'drafts.anonymous': 'Anoniem tonen',
  },
  {
    'vote.open': 'Open a vote',
    'vote.title': 'Dot vote',
    'vote.dots': 'Dots per person',
    'vote.onePerNote': 'At most one dot per note',
    'vote.close': 'Close the vote and show results',
    'vote.clear': 'Hide the results',
    'vote.sort': 'Sort by dots',
    'ready.reset': 'Ask again who is done',
    'ready.title': 'Who is done?',
    'drafts.reveal': 'Reveal all at once',
    'drafts.anonymous': 'Reveal anonymously',
  },
)
