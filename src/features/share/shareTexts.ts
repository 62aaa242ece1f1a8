import { textBundle } from '../../i18n/bundle'

/** The texts of the ways into a map (the share panel, the join code, the invitation). */
export const shareTexts = textBundle(
  {
    'share.invite': 'Mensen uitnodigen',
    'share.showBig': 'Toon op groot scherm',
    'share.title': 'Deel deze kaart',
    'share.copy': 'Link kopiëren',
    'share.copied': 'Link gekopieerd',
    'share.participant': 'Link voor deelnemers',
    'share.participantHint': 'Wie deze link heeft, kan meedoen en notities schrijven.',
    'share.viewer': 'Link voor het grote scherm (alleen kijken)',
    'share.viewerHint':
      'Voor de beamer of voor toehoorders: ziet alles live, kan niets veranderen.',
    'share.facilitator': 'Link voor een medebegeleider',
    'share.facilitatorHint': 'Geheim: wie deze link heeft, kan de stappen en de timer bedienen.',
  },
  {
    'share.invite': 'Invite people',
    'share.showBig': 'Show on the big screen',
    'share.title': 'Share this map',
    'share.copy': 'Copy link',
    'share.copied': 'Link copied',
    'share.participant': 'Link for participants',
    'share.participantHint': 'Anyone with this link can join and write notes.',
    'share.viewer': 'Link for the big screen (view only)',
    'share.viewerHint':
      'For the projector or for observers: sees everything live, can change nothing.',
    'share.facilitator': 'Link for a co-facilitator',
    'share.facilitatorHint': 'Secret: anyone with this link can run the steps and the timer.',
  },
)
