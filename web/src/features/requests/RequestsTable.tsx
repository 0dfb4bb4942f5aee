import type { RequestDetail, RequestListItem } from '#contract/requests';
import { CardTable } from '../../ui/CardTable';
import { RequestRow } from './RequestRow';

export function RequestsTable({
  items,
  onAccept,
  canAccept,
  onDecided,
  onGone,
}: {
  items: RequestListItem[];
  onAccept: (item: RequestListItem) => void;
  canAccept: boolean;
  onDecided: (detail: RequestDetail) => void;
  onGone: (item: RequestListItem, message: string) => void;
}) {
  return (
    <CardTable label="Stagevragen">
      <thead>
        <tr>
          <th scope="col">Leerling</th>
          <th scope="col">School</th>
          <th scope="col">Woonplaats</th>
          <th scope="col">Afstand</th>
          <th scope="col">Periodes</th>
          <th scope="col">Vervoer</th>
          <th scope="col">Uren</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Meer info</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <RequestRow
            key={item.id}
            item={item}
            onAccept={() => onAccept(item)}
            canAccept={canAccept}
            onDecided={onDecided}
            onGone={(message) => onGone(item, message)}
          />
        ))}
      </tbody>
    </CardTable>
  );
}
