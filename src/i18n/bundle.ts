import { useMemo } from 'react'
import { format, useLang, type Lang } from './index'

/**
 * Texts of a part of the app that loads later (a panel, a mode), in both languages, kept beside
 * that part so they load with it: the first page carries only the texts it shows.
 */
export interface TextBundle<K extends string> {
  readonly nl: Readonly<Record<K, string>>
  readonly en: Readonly<Record<NoInfer<K>, string>>
}

/** A bundle; its English must have every Dutch key (the compiler checks) and the same holes. */
export function textBundle<K extends string>(
  nl: Readonly<Record<K, string>>,
  en: Readonly<Record<NoInfer<K>, string>>,
): TextBundle<K> {
  return { nl, en }
}

export type BundleTranslate<K extends string> = (
  key: K,
  params?: Record<string, string | number>,
) => string

/** A bundle's translate function for one language. */
export function bundleTranslator<K extends string>(
  bundle: TextBundle<K>,
  lang: Lang,
): BundleTranslate<K> {
  const texts = lang === 'en' ? bundle.en : bundle.nl
  return (key, params) => format(texts[key], params)
}

/** The bundle's texts in the current language; components re-render when it changes. */
export function useTexts<K extends string>(bundle: TextBundle<K>): BundleTranslate<K> {
  const lang = useLang((state) => state.lang)
  return useMemo(() => bundleTranslator(bundle, lang), [bundle, lang])
}
