import { useTexts } from '../../i18n/bundle'
import { principlesTexts } from './principlesTexts'

export const PRINCIPLES = [
  'principles.dialogue',
  'principles.reciprocity',
  'principles.participation',
  'principles.winwin',
] as const

/** The method's four principles in the card's own words, under its own heading, in view at every step. */
export function Principles() {
  const t = useTexts(principlesTexts)
  return (
    <section className="principles" aria-labelledby="principles-title">
      <h2 id="principles-title" className="principles-title">
        {t('principles.title')}
      </h2>
      <ol>
        {PRINCIPLES.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
    </section>
  )
}
