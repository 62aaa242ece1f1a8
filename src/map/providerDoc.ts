/**
 * The one way out of the map's fence: the sync layer hands the Yjs document behind a handle to
 * its providers (websocket, IndexedDB), which need the document itself. ESLint lets only
 * `src/sync/` import this file; nothing outside `src/map/` writes in a document.
 */
export { yDocOf as providerDoc } from './doc'
