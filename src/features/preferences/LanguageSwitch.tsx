import { useT, useLang, type Lang } from '../../i18n'

const LANGS: Lang[] = ['nl', 'en']

/** Switches the interface language; the choice is kept on this device. */
export function LanguageSwitch() {
  const t = useT()
  const lang = useLang((state) => state.lang)
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.switch')}>
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={lang === option}
          onClick={() => useLang.getState().setLang(option)}
        >
          {t(`lang.${option}`)}
        </button>
      ))}
    </div>
  )
}
