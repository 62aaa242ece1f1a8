import { textBundle } from '../../i18n/bundle'

/** The texts of the balance of voices per step (facilitator's panel and shared screen). */
export const balanceTexts = textBundle(
  {
    'balance.title': 'Wie komt aan het woord?',
    'balance.inTotal': 'in totaal',
    'balance.notes': 'Notities',
    'balance.edits': 'Aanpassingen',
    'balance.votes': 'Stemmen',
    'balance.byRole': 'Per rol',
    'balance.otherRoles': 'Andere rollen samen',
    'balance.roleLine': '{notes} notities, {edits} aanpassingen, {votes} stemmen',
    'balance.notSplit':
      'Niet uitgesplitst: een kant heeft minder dan {min} mensen. Zo is niemand apart te herkennen.',
    'balance.privacy':
      'Alleen groepen van {min} of meer mensen worden apart getoond. Nooit per persoon.',
    'balance.onShared': 'Ook op het grote scherm laten zien',
    'balance.cueFormal':
      'Bij deze stap komen de meeste notities van de formele kant. Geef de informele partners eerst het woord?',
    'balance.cueInformal':
      'Bij deze stap komen de meeste notities van de informele kant. Vraag ook de beroepskrachten wat zij zien?',
  },
  {
    'balance.title': 'Who gets a say?',
    'balance.inTotal': 'in total',
    'balance.notes': 'Notes',
    'balance.edits': 'Edits',
    'balance.votes': 'Votes',
    'balance.byRole': 'By role',
    'balance.otherRoles': 'Other roles together',
    'balance.roleLine': '{notes} notes, {edits} edits, {votes} votes',
    'balance.notSplit':
      'Not split: one side has fewer than {min} people. That way nobody can be picked out.',
    'balance.privacy': 'Only groups of {min} or more people are shown apart. Never per person.',
    'balance.onShared': 'Show on the shared screen too',
    'balance.cueFormal':
      'In this step most notes come from the formal side. Let the informal partners speak first?',
    'balance.cueInformal':
      'In this step most notes come from the informal side. Ask the professionals what they see too?',
  },
)
