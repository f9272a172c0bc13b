// The label set shown to users, in display order, with a plain-language name for each.
export const LABELS = [
  { id: 'PERSON', name: 'Person', about: 'People, real or fictional' },
  { id: 'ORG', name: 'Organization', about: 'Companies, agencies, institutions' },
  { id: 'GPE', name: 'Country, city, state', about: 'Geopolitical entities' },
  { id: 'LOC', name: 'Other place', about: 'Rivers, seas, mountains, regions' },
  { id: 'NORP', name: 'Group', about: 'Nationalities, religious and political groups' },
  { id: 'EVENT', name: 'Event', about: 'Named events: summits, wars, storms, games' },
  { id: 'MISC', name: 'Other name', about: 'Other proper names: products, laws, works' },
  { id: 'DATE', name: 'Date', about: 'Dates and periods, with a normalized value' },
  { id: 'TIME', name: 'Time', about: 'Times of day, with a normalized value' },
];

const BY_ID = new Map(LABELS.map((l) => [l.id, l]));

/** The display record of a label; unknown labels get a generic one. */
export function labelInfo(id) {
  return BY_ID.get(id) ?? { id, name: id, about: '' };
}
