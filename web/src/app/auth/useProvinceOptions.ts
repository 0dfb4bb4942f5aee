import type { Province } from '#contract/provinces';
import { provinceOptions } from '../../labels';
import { useAuth } from './AuthContext';

/**
 * The provinces a person can pick in a filter or a form: a regional team's own (the server refuses
 * the others), everyone else's all of them.
 */
export function useProvinceOptions() {
  const region = useAuth().me?.provinces;
  return region?.length
    ? provinceOptions.filter((o) => region.includes(o.value as Province))
    : provinceOptions;
}
