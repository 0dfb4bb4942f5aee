import { optionsOf, PROGRAMME_LABELS, provinceOptions, TRANSPORT_LABELS } from '../../labels';
import { FilterChecks, FilterPattern, FilterSearch, FilterSelect } from '../../ui/filters';
import type { QueryFilters } from '../../ui/useQueryFilters';

/** Name, school, region, programme, order, provinces and transport; all kept in the URL. */
export function RequestFilters({ filters, programmes }: { filters: QueryFilters; programmes: boolean }) {
  return (
    <div className="filters">
      {programmes && (
        <FilterSelect
          label="Programma"
          name="programme"
          filters={filters}
          all="Beide programma's"
          options={optionsOf(PROGRAMME_LABELS)}
        />
      )}
      <FilterSearch label="Naam" name="name" filters={filters} />
      <FilterSearch label="School" name="school" filters={filters} />
      <FilterPattern
        label="Postcode of regio"
        name="postcode"
        filters={filters}
        pattern={/^\d{2,4}$/}
        message="Geef 2 tot 4 cijfers: een postcode (9000) of het begin ervan (90)."
        inputMode="numeric"
        maxLength={4}
        placeholder="bv. 90 of 9000"
      />
      <FilterSelect
        label="Sorteren"
        name="sort"
        filters={filters}
        all="Provincie, postcode, naam"
        options={[
          { value: 'name', label: 'Naam a-z' },
          { value: '-name', label: 'Naam z-a' },
          { value: 'postcode', label: 'Postcode' },
          { value: '-registered', label: 'Laatst ingevoerd eerst' },
          { value: 'distance', label: 'Dichtstbij eerst' },
        ]}
      />
      <FilterSelect
        label="Afstand"
        name="withinKm"
        filters={filters}
        all="Alle afstanden"
        options={[10, 25, 50].map((km) => ({ value: String(km), label: `Binnen ${km} km` }))}
      />
      <FilterChecks legend="Provincie" name="province" filters={filters} options={provinceOptions} />
      <FilterChecks
        legend="Vervoer"
        name="transport"
        filters={filters}
        options={optionsOf(TRANSPORT_LABELS)}
      />
    </div>
  );
}
