import { textBundle } from '../../i18n/bundle'

/** The texts of the signals anyone can give without their name (they load with the button). */
export const signalTexts = textBundle(
  {
    'signals.button': 'Signaal',
    'signals.label': 'Signaal geven, zonder je naam',
    'signals.give.jargon': 'Verstaanbaar Nederlands, graag',
    'signals.give.jaEn': 'Ja, en… (we zeggen vaak ‘ja, maar’)',
    'signals.sent': 'Je signaal staat op het scherm. Je naam staat er niet bij.',
    'signals.already': 'Je signaal staat al op het scherm.',
    'signals.title.jargon': 'Verstaanbaar Nederlands, graag',
    'signals.hint.jargon':
      'Iemand begrijpt een woord niet. Zeg het in gewone woorden, of leg het uit.',
    'signals.title.jaEn': 'Ja, en…',
    'signals.hint.jaEn':
      'Iemand hoort vaak ‘ja, maar’. Zeg eerst wat goed is aan een idee, en bouw daarop verder.',
    'signals.count': '{count} keer',
    'signals.from': 'Signaal van iemand aan tafel',
    'signals.seen': 'Gezien',
    'signals.seenLabel': 'Gezien: {title} van de schermen halen',
  },
  {
    'signals.button': 'Signal',
    'signals.label': 'Give a signal, without your name',
    'signals.give.jargon': 'Plain language, please',
    'signals.give.jaEn': 'Yes, and… (we keep saying ‘yes, but’)',
    'signals.sent': 'Your signal is on the screen. Your name is not with it.',
    'signals.already': 'Your signal is already on the screen.',
    'signals.title.jargon': 'Plain language, please',
    'signals.hint.jargon':
      'Someone does not understand a word. Say it in everyday words, or explain it.',
    'signals.title.jaEn': 'Yes, and…',
    'signals.hint.jaEn':
      'Someone keeps hearing ‘yes, but’. First say what is good about an idea, then build on it.',
    'signals.count': '{count} times',
    'signals.from': 'A signal from someone at the table',
    'signals.seen': 'Seen',
    'signals.seenLabel': 'Seen: take {title} off the screens',
  },
)
