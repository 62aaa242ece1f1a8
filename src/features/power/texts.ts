import { textBundle } from '../../i18n/bundle'

/** The texts of an action's power: who carries it, decides on it and has the means. */
export const powerTexts = textBundle(
  {
    'power.menu': 'Wie is verantwoordelijk, wie beslist, wie betaalt?',
    'power.form': 'Wie is verantwoordelijk, wie beslist, wie betaalt: {note}',
    'power.intro':
      'Ben je verantwoordelijk? Dan moet je ook mee kunnen beslissen. En je hebt geld, tijd of spullen nodig. Is dat hier zo?',
    'power.carries': 'Wie is ervoor verantwoordelijk?',
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
    'power.line.carries': 'Verantwoordelijk: {holder}',
    'power.line.decides': 'beslist: {holder}',
    'power.line.means': 'middelen: {holder}',
    'power.gap.say':
      'Let op: informele partners zijn hiervoor verantwoordelijk, maar beslissen niet mee.',
    'power.gap.means':
      'Let op: informele partners zijn hiervoor verantwoordelijk, maar hebben de middelen niet.',
    'power.gap.both':
      'Let op: informele partners zijn hiervoor verantwoordelijk, maar beslissen niet mee en hebben de middelen niet.',
    'power.gapsTitle': 'Wel verantwoordelijk, maar niets te zeggen of geen middelen',
    'power.gapsIntro':
      'Bij deze acties zijn informele partners verantwoordelijk. Maar anderen beslissen, of anderen hebben het geld. Praat erover: wie betaalt, bepaalt vaak.',
  },
  {
    'power.menu': 'Who is responsible, who decides, who pays?',
    'power.form': 'Who is responsible, who decides, who pays: {note}',
    'power.intro':
      'Are you responsible? Then you must be able to decide too. And you need money, time or things. Is that so here?',
    'power.carries': 'Who is responsible for it?',
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
    'power.line.carries': 'Responsible: {holder}',
    'power.line.decides': 'decides: {holder}',
    'power.line.means': 'means: {holder}',
    'power.gap.say': 'Note: informal partners are responsible for this, but have no say in it.',
    'power.gap.means':
      'Note: informal partners are responsible for this, but do not have the means.',
    'power.gap.both':
      'Note: informal partners are responsible for this, but have no say in it and do not have the means.',
    'power.gapsTitle': 'Responsible, but no say or no means',
    'power.gapsIntro':
      'In these actions informal partners are responsible. But others decide, or others have the money. Talk about it: who pays often decides.',
  },
)
