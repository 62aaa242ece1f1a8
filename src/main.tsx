import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { loadLang, useLang } from './i18n'
import './styles.css'

// English texts load first when asked for (?lang=en or chosen before); Dutch is in the bundle.
void loadLang(useLang.getState().lang).finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  // Keeps the app itself available offline, so a reload without network still opens the map.
  void navigator.serviceWorker.register('/sw.js').catch(() => undefined)
}
