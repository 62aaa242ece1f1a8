import { textBundle } from '../../i18n/bundle'

/** The texts of the three layers where collaboration gets stuck (they load when used). */
export const layerTexts = textBundle(
  {
    'layer.menu': 'Laag kiezen…',
    'layer.none': 'Geen laag',
    'layer.samenwerken': 'Samenwerken',
    'layer.samenspel': 'Samenspel',
    'layer.verandering': 'Omgaan met verandering',
    'layer.about.samenwerken':
      'Praktisch: contracten, verzekering, VOG, vergoeding, wat iemand kan, training.',
    'layer.about.samenspel': 'Verantwoordelijkheid, grenzen, begeleiding, bejegening, privacy.',
    'layer.about.verandering':
      'Wat betekent dit voor mij? Kan ik dit? Is de zorg dan nog goed? Raak ik mijn werk kwijt?',
    'layer.approach.samenwerken':
      'Aanpak: kennis verzamelen, beleid maken en hulpmiddelen beschikbaar maken.',
    'layer.approach.samenspel':
      'Aanpak: trainen, situaties oefenen en dilemma’s bespreken, bijvoorbeeld in intervisie.',
    'layer.approach.verandering':
      'Aanpak: samen stilstaan bij wat het voor ieder betekent, en kennis om dat goed te doen.',
    'layer.tag': 'Laag: {layer}',
    'layer.title': 'De drie lagen',
    'layer.intro': 'Waar loopt de samenwerking vast? Elke laag vraagt een eigen aanpak.',
    'layer.count': '{layer}: {count}',
    'layer.untagged': 'Nog zonder laag: {count}',
    'layer.caution':
      'Pas op voor snelle oplossingen: helpen ze echt? En voor ‘beren op de weg’, zoals “eerst moet er een complete sociale kaart zijn”. Hoe dieper de laag, hoe meer emoties. Daar zit de verandering.',
  },
  {
    'layer.menu': 'Choose a layer…',
    'layer.none': 'No layer',
    'layer.samenwerken': 'Working together',
    'layer.samenspel': 'Interplay',
    'layer.verandering': 'Dealing with change',
    'layer.about.samenwerken':
      'Practical: contracts, insurance, screening, reimbursement, skills, training.',
    'layer.about.samenspel': 'Responsibility, boundaries, guidance, treatment, privacy.',
    'layer.about.verandering':
      'What does this mean for me? Can I do this? Is the care still good? Will I lose my work?',
    'layer.approach.samenwerken':
      'Approach: gather knowledge, make policy and make tools available.',
    'layer.approach.samenspel':
      'Approach: train, practise situations and discuss dilemmas, for example in peer review.',
    'layer.approach.verandering':
      'Approach: reflect together on what it means for each person, with the knowledge to do that well.',
    'layer.tag': 'Layer: {layer}',
    'layer.title': 'The three layers',
    'layer.intro': 'Where does the collaboration get stuck? Each layer asks for its own approach.',
    'layer.count': '{layer}: {count}',
    'layer.untagged': 'No layer yet: {count}',
    'layer.caution':
      'Beware of quick fixes: do they really help? And of ‘bears on the road’, like “first we need a complete map of services”. The deeper the layer, the more emotion. That is where the change is.',
  },
)
