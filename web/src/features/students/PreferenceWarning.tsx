import type { ServiceOption } from '#contract/organisations';
import type { Province } from '#contract/provinces';
import { PROVINCE_LABELS } from '../../labels';

/**
 * In the first round a service sees only the students of its own province who chose it: a preferred
 * service in another province than the internship's means that no service sees the student until
 * the next round opens. The school hears it before it saves, and on the student's page.
 */
export function PreferenceWarning({
  service,
  province,
}: {
  service: ServiceOption | undefined;
  province: Province | '' | undefined;
}) {
  if (!service?.province || !province || service.province === province) return null;
  return (
    <div className="alert alert-warn" role="status">
      {service.name} ligt in {PROVINCE_LABELS[service.province]}, maar de leerling wil stage lopen in{' '}
      {PROVINCE_LABELS[province]}. In de eerste ronde ziet een dienst alleen de leerlingen van de eigen
      provincie die haar kozen: daardoor ziet in die ronde geen enkele dienst deze leerling. Vanaf de volgende
      ronde zien de diensten van {PROVINCE_LABELS[province]} de leerling wel. Kies een dienst in{' '}
      {PROVINCE_LABELS[province]}, of geen voorkeur, als de leerling meteen zichtbaar moet zijn.
    </div>
  );
}
