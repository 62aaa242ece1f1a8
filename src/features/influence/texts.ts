import { textBundle } from '../../i18n/bundle'

/** The texts of "Wie heeft hier invloed?" (they load when the question is asked). */
export const influenceTexts = textBundle(
  {
    'influence.title': 'Wie heeft hier invloed?',
    'influence.atStep': 'Bij stap {number}: {column}',
    'influence.intro':
      'Wie bepaalt hier echt wat er gebeurt? Geef je eigen antwoord. Je naam staat er niet bij, alleen je kant.',
    'influence.choose': 'Wie heeft volgens jou de meeste invloed?',
    'influence.words': 'Waarom denk je dat? (niet verplicht)',
    'influence.save': 'Opslaan',
    'influence.saved': 'Opgeslagen. Je kunt je antwoord nog veranderen.',
    'influence.side.formal': 'Zo ziet de formele kant het',
    'influence.side.informal': 'Zo ziet de informele kant het',
    'influence.answers': '{count} antwoorden',
    'influence.tooFew':
      'Nog te weinig antwoorden van deze kant. Je ziet ze vanaf {min} antwoorden.',
    'influence.bar': '{holder}: {count}',
    'influence.ask': 'Vraag: Wie heeft hier invloed?',
    'influence.askHint':
      'Een vraag zonder namen, bij elke stap. De antwoorden staan per kant naast elkaar. Over het verschil praat je samen.',
    'influence.end': 'Vraag afsluiten',
  },
  {
    'influence.title': 'Who has influence here?',
    'influence.atStep': 'At step {number}: {column}',
    'influence.intro':
      'Who really decides what happens here? Give your own answer. Your name is not with it, only your side.',
    'influence.choose': 'Who do you think has the most influence?',
    'influence.words': 'Why do you think so? (optional)',
    'influence.save': 'Save',
    'influence.saved': 'Saved. You can still change your answer.',
    'influence.side.formal': 'How the formal side sees it',
    'influence.side.informal': 'How the informal side sees it',
    'influence.answers': '{count} answers',
    'influence.tooFew': 'Too few answers from this side yet. They show from {min} answers on.',
    'influence.bar': '{holder}: {count}',
    'influence.ask': 'Ask: Who has influence here?',
    'influence.askHint':
      'A question without names, at any step. The answers stand side by side, per side. You talk together about the difference.',
    'influence.end': 'Close the question',
  },
)
