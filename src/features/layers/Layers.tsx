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
 * Under the conditions, once one has a layer: how they spread over the three layers, and what
 * suits each ("Elke laag vraagt een eigen insteek"), with the method's caution against quick fixes.
 */
export function LayerSummary({
  notes,
  large = false,
}: {
  notes: readonly Note[]
  large?: boolean
}) {
  const lt = useTexts(layerTexts)
  const spread = layerSpread(notes)
  return (
    <section className={`layer-summary${large ? ' is-large' : ''}`} aria-label={lt('layer.title')}>
      <p className="layer-summary-title">{lt('layer.title')}</p>
      <ul className="layer-counts">
        {LAYERS.map((layer) => (
          <li key={layer} data-layer={layer} data-count={spread[layer].length}>
            {lt('layer.count', { layer: lt(`layer.${layer}`), count: spread[layer].length })}
          </li>
        ))}
        {spread.none.length > 0 && (
          <li data-layer="none">{lt('layer.untagged', { count: spread.none.length })}</li>
        )}
      </ul>
      {!large && (
        <details className="layer-approach">
          <summary>{lt('layer.show')}</summary>
          <p>{lt('layer.intro')}</p>
          <dl>
            {LAYERS.map((layer) => (
              <div key={layer}>
                <dt>{lt(`layer.${layer}`)}</dt>
                <dd>
                  {lt(`layer.about.${layer}`)} {lt(`layer.approach.${layer}`)}
                </dd>
              </div>
            ))}
          </dl>
          <p className="layer-caution">{lt('layer.caution')}</p>
        </details>
      )}
    </section>
  )
}
