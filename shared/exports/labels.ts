import { DECISION_STATUSES as ALL_DECISION_STATUSES, type DecisionStatus } from '#contract/requests';

// The words the screens use too are the contract's (#contract/labels); only the export's own are here.

/** The statuses a service can choose (both workflows), in the contract's order: one count column each. */
export const DECISION_STATUSES: readonly DecisionStatus[] = ALL_DECISION_STATUSES;

export const TYPE_LABELS: Record<string, string> = { admin: 'Sector', school: 'School', service: 'Dienst' };
