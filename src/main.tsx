import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import './styles.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  // Keeps the app itself available offline, so a reload without network still opens the map.
  void navigator.serviceWorker.register('/sw.js').catch(() => undefined)
}
