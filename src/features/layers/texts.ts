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
      'Praktische zaken: contracten, verzekering, de VOG (een bewijs van goed gedrag), een vergoeding, wat iemand kan, training.',
    'layer.about.samenspel':
      'Wie is waarvoor verantwoordelijk? Waar liggen de grenzen? Hoe begeleiden we, hoe gaan we met mensen om, en hoe zit het met privacy?',
    'layer.about.verandering':
      'Wat betekent dit voor mij? Kan ik dit? Is de zorg dan nog goed? Raak ik mijn werk kwijt?',
    'layer.approach.samenwerken':
      'Aanpak: uitzoeken hoe het zit, regels afspreken en zorgen voor wat mensen nodig hebben.',
    'layer.approach.samenspel':
      'Aanpak: trainen, situaties oefenen en lastige keuzes samen bespreken, bijvoorbeeld met collega’s.',
    'layer.approach.verandering':
      'Aanpak: samen praten over wat het voor ieder betekent. En leren hoe je dat goed doet.',
    'layer.tag': 'Laag: {layer}',
    'layer.title': 'De drie lagen',
    'layer.intro': 'Waar loopt de samenwerking vast? Elke laag vraagt een eigen aanpak.',
    'layer.count': '{layer}: {count}',
    'layer.untagged': 'Nog zonder laag: {count}',
    'layer.caution':
      'Pas op voor snelle oplossingen. Helpen ze echt? Pas ook op voor ‘beren op de weg’: problemen die je verwacht, maar die er nog niet zijn. Bijvoorbeeld: “Eerst moet er een lijst zijn van alle hulp in de buurt.” Hoe dieper de laag, hoe meer gevoel. Juist daar kan iets veranderen.',
  },
  {
    'layer.menu': 'Choose a layer…',
    'layer.none': 'No layer',
    'layer.samenwerken': 'Working together',
    'layer.samenspel': 'Interplay',
    'layer.verandering': 'Dealing with change',
    'layer.about.samenwerken':
      'Practical matters: contracts, insurance, the certificate of good conduct (VOG), expenses, what someone can do, training.',
    'layer.about.samenspel':
      'Who is responsible for what? Where are the limits? How do we guide, how do we treat people, and what about privacy?',
    'layer.about.verandering':
      'What does this mean for me? Can I do this? Is the care still good? Will I lose my work?',
    'layer.approach.samenwerken':
      'Approach: find out how things stand, agree on rules and provide what people need.',
    'layer.approach.samenspel':
      'Approach: train, practise situations and talk through hard choices together, for example with colleagues.',
    'layer.approach.verandering':
      'Approach: talk together about what it means for each person. And learn how to do that well.',
    'layer.tag': 'Layer: {layer}',
    'layer.title': 'The three layers',
    'layer.intro': 'Where does the collaboration get stuck? Each layer asks for its own approach.',
    'layer.count': '{layer}: {count}',
    'layer.untagged': 'No layer yet: {count}',
    'layer.caution':
      'Beware of quick fixes. Do they really help? Beware too of imagined obstacles: problems you expect but that are not there yet. For example: “First there must be a list of all help in the neighbourhood.” The deeper the layer, the more feelings. That is just where things can change.',
  },
)
