import { useQuery } from '@tanstack/react-query';
import type { DualReportRow } from '#contract/trajectory';
import { CardTable } from '../../ui/CardTable';
import { day } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { dualReportQuery } from './queries';

const csvCell = (v: string | number | null) => `"${String(v ?? '').replaceAll('"', '""')}"`;

function download(rows: DualReportRow[], schoolYear: string) {
  const header = ['Leerling', 'School', 'Gepresteerde uren', 'Begin OAO', 'Einde OAO'];
  const lines = rows.map((r) =>
    [`${r.lastName} ${r.firstName}`, r.schoolName, r.hours, r.contractStart, r.contractEnd]
      .map(csvCell)
      .join(';'),
  );
  const blob = new Blob([`\uFEFF${[header.map(csvCell).join(';'), ...lines].join('\r\n')}`], {
    type: 'text/csv;charset=utf-8',
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `duaal-rapport-${schoolYear}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** The yearly report before 1 May: per dual learner the hours and the training contract's dates. */
export function DualReportPage() {
  const report = useQuery(dualReportQuery);
  return (
    <>
      <h1>Duaal rapport</h1>
      <p>
        Bezorg vóór 1 mei per leerling duaal leren het aantal gepresteerde uren van het schooljaar en de
        begin- en einddatum van de overeenkomst alternerende opleiding (OAO).
      </p>
      <QueryState query={report}>
        {({ rows, schoolYear }) =>
          rows.length === 0 ? (
            <p>Je dienst begeleidt dit schooljaar geen leerlingen duaal leren.</p>
          ) : (
            <>
              <button type="button" onClick={() => download(rows, schoolYear)}>
                Download als CSV
              </button>
              <CardTable label="Duaal rapport">
                <thead>
                  <tr>
                    <th scope="col">Leerling</th>
                    <th scope="col">School</th>
                    <th scope="col">Uren</th>
                    <th scope="col">Begin OAO</th>
                    <th scope="col">Einde OAO</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.studentId}>
                      <td>
                        {r.lastName} {r.firstName}
                      </td>
                      <td data-label="School">{r.schoolName}</td>
                      <td data-label="Uren">{r.hours.toLocaleString('nl-BE')}</td>
                      <td data-label="Begin OAO">{r.contractStart ? day(r.contractStart) : '—'}</td>
                      <td data-label="Einde OAO">{r.contractEnd ? day(r.contractEnd) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </CardTable>
            </>
          )
        }
      </QueryState>
    </>
  );
}
