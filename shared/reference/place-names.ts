/**
 * Official Dutch place names. The GeoNames extract gives Brussels and the language-border
 * municipalities in French ("Forest", "Fouron-Le-Comte") and capitalises every part of a
 * compound ("Herk-De-Stad", "'S Gravenwezel"). Flemish and Brussels addresses use these names.
 */
export const DUTCH_NAMES: Record<string, string> = {
  Bruxelles: 'Brussel',
  Laeken: 'Laken',
  Schaerbeek: 'Schaarbeek',
  Ixelles: 'Elsene',
  'Saint-Gilles': 'Sint-Gillis',
  'Molenbeek-Saint-Jean': 'Sint-Jans-Molenbeek',
  'Berchem-Sainte-Agathe': 'Sint-Agatha-Berchem',
  'Woluwe-Saint-Pierre': 'Sint-Pieters-Woluwe',
  'Woluwe-Saint-Lambert': 'Sint-Lambrechts-Woluwe',
  Auderghem: 'Oudergem',
  'Watermael-Boitsfort': 'Watermaal-Bosvoorde',
  Uccle: 'Ukkel',
  Forest: 'Vorst',
  'Saint-Josse-Ten-Noode': 'Sint-Joost-ten-Node',
  'Rhode-Saint-Genèse': 'Sint-Genesius-Rode',
  Biévène: 'Bever',
  Renaix: 'Ronse',
  'Espierres-Helchin': 'Spiere-Helkijn',
  Espierres: 'Spiere',
  Fourons: 'Voeren',
  'Fouron-Saint-Martin': 'Sint-Martens-Voeren',
  'Fouron-Saint-Pierre': 'Sint-Pieters-Voeren',
  'Fouron-Le-Comte': "'s-Gravenvoeren",
  "'S Gravenwezel": "'s-Gravenwezel",
  "'S Herenelderen": "'s-Herenelderen",
  "Sint-Job-In-'T-Goor": "Sint-Job-in-'t-Goor",
  'Beveren-Aan-De-Ijzer': 'Beveren-aan-den-IJzer',
  'Mielen-Boven-Aalst': 'Mielen-boven-Aalst',
};

/** Words that stay lower case inside a compound name: Heist-op-den-Berg, Niel-bij-As. */
const PARTICLES = new Set([
  'aan',
  'bij',
  'de',
  'den',
  'der',
  'in',
  'op',
  'ten',
  'ter',
  'van',
  'boven',
  'over',
]);

export function officialPlaceName(name: string): string {
  const dutch = DUTCH_NAMES[name];
  if (dutch) return dutch;
  const parts = name.split('-');
  return parts
    .map((part, i) =>
      i > 0 && i < parts.length - 1 && PARTICLES.has(part.toLowerCase()) ? part.toLowerCase() : part,
    )
    .join('-');
}
