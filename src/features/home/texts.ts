import { textBundle } from '../../i18n/bundle'

/** The texts of saving and restoring a facilitator's keys. */
export const keysTexts = textBundle(
  {
    'keys.title': 'Je sleutels als begeleider',
    'keys.intro':
      'Een traject duurt maanden. Bewaar je sleutels in een bestand, dan kun je je kaarten ook op een andere computer begeleiden, of na het wissen van je browser.',
    'keys.warning':
      'Het bestand geeft begeleidersrechten voor {count} kaart(en) op dit apparaat: wie het heeft, kan die kaarten en hun trajecten leiden, veranderen en verwijderen. Er staan geen notities of namen in. Bewaar het zoals een sleutel en stuur het niet rond. Een collega laten meebegeleiden doe je met de link in Delen.',
    'keys.save': 'Sleutels bewaren in een bestand',
    'keys.restore': 'Sleutels terugzetten uit een bestand',
    'keys.restored': '{count} kaart(en) teruggezet. Je vindt ze onder Eerder geopend.',
    'keys.not-json': 'Dit bestand is geen JSON. Er is niets veranderd.',
    'keys.not-a-key-file':
      'Dit is geen sleutelbestand van de partnerschapskaart. Er is niets veranderd.',
    'keys.invalid': 'Dit sleutelbestand is beschadigd. Er is niets veranderd.',
    'keys.too-big': 'Dit bestand is te groot voor een sleutelbestand. Er is niets veranderd.',
  },
  {
    'keys.title': 'Your keys as facilitator',
    'keys.intro':
      'A trajectory lasts months. Save your keys to a file, so you can facilitate your maps on another computer too, or after your browser was cleared.',
    'keys.warning':
      'The file gives facilitator rights to {count} map(s) on this device: whoever has it can lead, change and delete those maps and their trajectories. It holds no notes or names. Keep it like a key and do not pass it around. To let a colleague co-facilitate, use the link under Share.',
    'keys.save': 'Save keys to a file',
    'keys.restore': 'Restore keys from a file',
    'keys.restored': '{count} map(s) restored. You find them under Opened before.',
    'keys.not-json': 'This file is not JSON. Nothing was changed.',
    'keys.not-a-key-file': 'This is not a key file of the partnership map. Nothing was changed.',
    'keys.invalid': 'This key file is damaged. Nothing was changed.',
    'keys.too-big': 'This file is too big for a key file. Nothing was changed.',
  },
)
