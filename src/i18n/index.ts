import { create } from 'zustand'
import type { ListKey, Messages, TextKey } from './messages'
import { nl } from './nl'

export type Lang = 'nl' | 'en'
export type { ListKey, TextKey } from './messages'

/** Dutch comes with the app; English loads when asked for, to keep the first download small. */
const MESSAGES: Partial<Record<Lang, Messages>> = { nl }

/** Makes a language's texts available; resolves at once for Dutch or a language loaded before. */
export async function loadLang(lang: Lang): Promise<void> {
  if (MESSAGES[lang]) return
  MESSAGES.en = (await import('./en')).en
  translators.delete(lang)
}
const STORAGE_KEY = 'pk.lang'

function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en'
}

/** The language asked for in the URL (?lang=en), then the one chosen before, then Dutch. */
export function initialLang(search: string, stored: string | null): Lang {
  const fromUrl = new URLSearchParams(search).get('lang')
  if (isLang(fromUrl)) return fromUrl
  return isLang(stored) ? stored : 'nl'
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

interface LangState {
  lang: Lang
  setLang(lang: Lang): void
}

export const useLang = create<LangState>((set) => ({
  lang: typeof window === 'undefined' ? 'nl' : initialLang(window.location.search, readStored()),
  setLang(lang) {
    try {
      localStorage.setItem(STORAGE_KEY, lang)
    } catch {
      // Private mode may refuse storage; the choice then lasts for this page only.
    }
    // Switching waits for the texts, so the page never shows keys or a mix of languages.
    void loadLang(lang).then(() => set({ lang }))
  },
}))

/** Fills `{name}` placeholders; unknown placeholders stay visible so they are noticed. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

export type Translate = ((key: TextKey, params?: Record<string, string | number>) => string) & {
  list(key: ListKey): readonly string[]
  lang: Lang
}

/** A translate function for one language (Dutch until that language has loaded). */
export function translator(lang: Lang): Translate {
  const messages = MESSAGES[lang] ?? nl
  const t = ((key: TextKey, params?: Record<string, string | number>) =>
    format(messages[key], params)) as Translate
  t.list = (key) => messages[key]
  t.lang = lang
  return t
}

const translators = new Map<Lang, Translate>()

/** The translate function of the current language; components re-render when it changes. */
export function useT(): Translate {
  const lang = useLang((state) => state.lang)
  let t = translators.get(lang)
  if (!t) {
    t = translator(lang)
    if (MESSAGES[lang]) translators.set(lang, t)
  }
  return t
}
