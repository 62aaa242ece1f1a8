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
  // Registered once the page has loaded and settled: its first download of the app's files must
  // not compete with the map on a slow connection.
  const register = () =>
    setTimeout(() => void navigator.serviceWorker.register('/sw.js').catch(() => undefined), 2000)
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
