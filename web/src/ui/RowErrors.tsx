import { CardTable } from './CardTable';

/** A spreadsheet's problems, each on its row and column, as the upload's dry run found them. */
export function RowErrors({
  errors,
  caption = 'Fouten per rij: deze rijen worden niet geïmporteerd.',
}: {
  errors: readonly { row: number; field: string; message: string }[];
  caption?: string;
}) {
  if (errors.length === 0) return null;
  return (
    <CardTable label="Fouten per rij">
      <caption className="caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Rij</th>
          <th scope="col">Kolom</th>
          <th scope="col">Probleem</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e) => (
          <tr key={`${e.row}-${e.field}-${e.message}`}>
            <td data-label="Rij">{e.row}</td>
            <td data-label="Kolom">{e.field}</td>
            <td data-label="Probleem">{e.message}</td>
          </tr>
        ))}
      </tbody>
    </CardTable>
  );
}
