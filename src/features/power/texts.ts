import { textBundle } from '../../i18n/bundle'

/** The texts of an action's power: who carries it, decides on it and has the means. */
export const powerTexts = textBundle(
  {
    'power.menu': 'Wie draagt, beslist en betaalt?',
    'power.form': 'Wie draagt, beslist en betaalt: {note}',
    'power.intro':
      'Wie de verantwoordelijkheid draagt, moet ook mee kunnen beslissen en de middelen hebben. Klopt dat hier?',
    'power.carries': 'Wie draagt de verantwoordelijkheid?',
    'power.decides': 'Wie beslist erover?',
    'power.decidesHint': 'Wie mag de keuze maken?',
    'power.means': 'Wie heeft het geld of de middelen?',
    'power.meansHint': 'Geld, tijd, ruimte, spullen',
    'power.holder.informal': 'Informele partners',
    'power.holder.formal': 'Beroepskrachten',
    'power.holder.together': 'Samen',
    'power.holder.others': 'Anderen (bijvoorbeeld de gemeente)',
    'power.notSaid': 'Nog niet gezegd',
    'power.save': 'Opslaan',
    'power.cancel': 'Annuleren',
    'power.short.informal': 'informele partners',
    'power.short.formal': 'beroepskrachten',
    'power.short.together': 'samen',
    'power.short.others': 'anderen',
    'power.line.carries': 'Draagt: {holder}',
    'power.line.decides': 'beslist: {holder}',
    'power.line.means': 'middelen: {holder}',
    'power.gap.say': 'Let op: informele partners dragen dit, maar beslissen niet mee.',
    'power.gap.means': 'Let op: informele partners dragen dit, maar hebben de middelen niet.',
    'power.gap.both':
      'Let op: informele partners dragen dit, maar beslissen niet mee en hebben de middelen niet.',
    'power.gapsTitle': 'Verantwoordelijk, maar zonder zeggenschap of middelen',
    'power.gapsIntro':
      'Bij deze acties dragen informele partners de verantwoordelijkheid, maar beslissen anderen of hebben anderen het geld. Praat erover: wie betaalt, bepaalt vaak.',
  },
  {
    'power.menu': 'Who carries, decides and pays?',
    'power.form': 'Who carries, decides and pays: {note}',
    'power.intro':
      'Whoever carries the responsibility should also have a say and the means. Is that so here?',
    'power.carries': 'Who carries the responsibility?',
    'power.decides': 'Who decides on it?',
    'power.decidesHint': 'Who may make the choice?',
    'power.means': 'Who has the money or the means?',
    'power.meansHint': 'Money, time, space, things',
    'power.holder.informal': 'Informal partners',
    'power.holder.formal': 'Professionals',
    'power.holder.together': 'Together',
    'power.holder.others': 'Others (for example the municipality)',
    'power.notSaid': 'Not said yet',
    'power.save': 'Save',
    'power.cancel': 'Cancel',
    'power.short.informal': 'informal partners',
    'power.short.formal': 'professionals',
    'power.short.together': 'together',
    'power.short.others': 'others',
    'power.line.carries': 'Carries: {holder}',
    'power.line.decides': 'decides: {holder}',
    'power.line.means': 'means: {holder}',
    'power.gap.say': 'Note: informal partners carry this, but have no say in it.',
    'power.gap.means': 'Note: informal partners carry this, but do not have the means.',
    'power.gap.both':
      'Note: informal partners carry this, but have no say in it and do not have the means.',
    'power.gapsTitle': 'Responsible, but without a say or the means',
    'power.gapsIntro':
      'In these actions informal partners carry the responsibility, while others decide or hold the money. Talk about it: who pays often decides.',
  },
)
