import { textBundle } from '../../i18n/bundle'

/** The texts of "Wie heeft hier invloed?" (they load when the question is asked). */
export const influenceTexts = textBundle(
  {
    'influence.title': 'Wie heeft hier invloed?',
    'influence.atStep': 'Bij stap {number}: {column}',
    'influence.intro':
      'Wie bepaalt hier echt wat er gebeurt? Geef je eigen antwoord. Je naam staat er niet bij. We laten alleen zien bij welke kant je hoort: formeel of informeel.',
    'influence.choose': 'Wie heeft volgens jou de meeste invloed?',
    'influence.words': 'Waarom denk je dat? (niet verplicht)',
    'influence.save': 'Opslaan',
    'influence.saved': 'Opgeslagen. Je kunt je antwoord nog veranderen.',
    'influence.side.formal': 'Zo zien de beroepskrachten het',
    'influence.side.informal': 'Zo zien de informele partners het',
    'influence.answers': '{count} antwoorden',
    'influence.tooFew':
      'Nog te weinig antwoorden van deze kant. Je ziet ze vanaf {min} antwoorden.',
    'influence.bar': '{holder}: {count}',
    'influence.ask': 'Vraag: Wie heeft hier invloed?',
    'influence.askHint':
      'Stel deze vraag bij een stap. Niemand ziet namen. De antwoorden van beide kanten staan naast elkaar. Praat samen over het verschil.',
    'influence.end': 'Vraag afsluiten',
  },
  {
    'influence.title': 'Who has influence here?',
    'influence.atStep': 'At step {number}: {column}',
    'influence.intro':
      'Who really decides what happens here? Give your own answer. Your name is not shown. We only show which side you belong to: formal or informal.',
    'influence.choose': 'Who do you think has the most influence?',
    'influence.words': 'Why do you think so? (optional)',
    'influence.save': 'Save',
    'influence.saved': 'Saved. You can still change your answer.',
    'influence.side.formal': 'How the professionals see it',
    'influence.side.informal': 'How the informal partners see it',
    'influence.answers': '{count} answers',
    'influence.tooFew': 'Too few answers from this side yet. They show from {min} answers on.',
    'influence.bar': '{holder}: {count}',
    'influence.ask': 'Ask: Who has influence here?',
    'influence.askHint':
      'Ask this at a step. Nobody sees names. The answers of both sides stand side by side. Talk together about the difference.',
    'influence.end': 'Close the question',
  },
)
