import { useId } from 'react'
import { useTexts } from '../../i18n/bundle'
import { LAYERS, type Note } from '../../map'
import { layerSpread } from '../../map/layers'
import { layerTexts } from './texts'

/** On a condition's card: its layer. */
export function LayerTag({ note }: { note: Note }) {
  const lt = useTexts(layerTexts)
  if (!note.layer) return null
  return (
    <p className="note-layer" data-layer={note.layer}>
      {lt('layer.tag', { layer: lt(`layer.${note.layer}`) })}
    </p>
  )
}

/**
 * Under the conditions, once one has a layer: how they spread over the three layers and the way
 * of working that suits each ("Elke laag vraagt een eigen insteek"), with the method's caution
 * against quick fixes. Nothing in it takes focus: the column stays one Tab stop.
 */
export function LayerSummary({ notes }: { notes: readonly Note[] }) {
  const lt = useTexts(layerTexts)
  const id = useId()
  const spread = layerSpread(notes)
  return (
    <section className="layer-summary" aria-labelledby={id}>
      <p className="layer-summary-title" id={id}>
        {lt('layer.title')}
      </p>
      <p className="layer-intro">{lt('layer.intro')}</p>
      <ul className="layer-counts">
        {LAYERS.map((layer) => (
          <li key={layer} data-layer={layer} data-count={spread[layer].length}>
            <strong>
              {lt('layer.count', { layer: lt(`layer.${layer}`), count: spread[layer].length })}
            </strong>{' '}
            {lt(`layer.approach.${layer}`)}
          </li>
        ))}
        {spread.none.length > 0 && (
          <li data-layer="none">{lt('layer.untagged', { count: spread.none.length })}</li>
        )}
      </ul>
      <p className="layer-caution">{lt('layer.caution')}</p>
    </section>
  )
}
