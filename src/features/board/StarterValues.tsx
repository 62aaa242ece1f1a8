import { useId, useState } from 'react'
import { textBundle, useTexts } from '../../i18n/bundle'
import { useLang } from '../../i18n'

/**
 * Values other groups started from (the Amsterdam group of the method), offered while writing in
 * step 1: a word to take and say in one's own words, never a list to tick. Loaded only when the
 * form for a value opens.
 */
const STARTERS = {
  nl: [
    'Transparantie',
    'Aanmoedigen',
    'Zelfregie',
    'Autonomie',
    'Creativiteit',
    'Verantwoordelijkheid',
    'Veiligheid',
    'Warmte',
    'Respect',
    'Rechtvaardigheid',
    'Openheid',
    'Gelijkwaardigheid',
  ],
  en: [
    'Transparency',
    'Encouragement',
    'Self-direction',
    'Autonomy',
    'Creativity',
    'Responsibility',
    'Safety',
    'Warmth',
    'Respect',
    'Fairness',
    'Openness',
    'Equal worth',
  ],
} as const

const texts = textBundle(
  {
    'starters.open': 'Voorbeelden van waarden',
    'starters.intro':
      'Andere groepen begonnen hiermee. Kies een woord als begin en zeg in je eigen woorden wat het voor jou betekent.',
    'starters.take': 'Begin met {word}',
  },
  {
    'starters.open': 'Examples of values',
    'starters.intro':
      'Other groups started from these. Pick a word to start with and say in your own words what it means to you.',
    'starters.take': 'Start from {word}',
  },
)

/** A button that shows the example values; picking one starts the note with it. */
export function StarterValues({ onPick }: { onPick(start: string): void }) {
  const t = useTexts(texts)
  const lang = useLang((state) => state.lang)
  const [open, setOpen] = useState(false)
  const id = useId()
  return (
    <div className="starters">
      <button
        type="button"
        className="quiet small"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        onClick={() => setOpen(!open)}
      >
        {t('starters.open')}
      </button>
      {open && (
        <div id={`${id}-list`} className="starters-list">
          <p>{t('starters.intro')}</p>
          <ul>
            {STARTERS[lang].map((word) => (
              <li key={word}>
                <button
                  type="button"
                  className="starter"
                  aria-label={t('starters.take', { word })}
                  onClick={() => {
                    setOpen(false)
                    onPick(`${word}: `)
                  }}
                >
                  {word}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
